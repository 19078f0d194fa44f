"""String building: concatenation, join, formatting, slicing and str methods."""
import sys


def run(n):
    parts = []
    s = ""
    h = 0
    for i in range(n):
        t = str(i)
        s += t[-1]
        if len(s) > 64:
            h = (h * 31 + hash_str(s)) % 1000000007
            s = s[32:]
        parts.append("%d:%s" % (i % 97, t))
    joined = ",".join(parts)
    upper = "item-%d" % n
    words = joined.split(",")
    rebuilt = "-".join(w.upper().replace(":", "=") for w in words[:1000])
    return h, len(joined), joined[:40], joined.count("7"), upper, len(rebuilt), rebuilt[-30:]


def hash_str(s):
    h = 0
    for c in s[:8]:
        h = (h * 131 + ord(c)) % 1000000007
    return h


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1800000
    for item in run(n):
        print(item)


main()
