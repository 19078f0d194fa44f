# `del lst[i]` in traces (list.pop's helper, the item dropped): negative and
# out-of-range indices (IndexError from the interpreter), an index that turns
# into a slice or a bool, and a list that turns into a dict.
def run(n):
    out = []
    errors = 0
    for k in range(n):
        a = list(range(10))
        i = k % 15 - 3
        if k % 17 == 16:
            i = slice(1, 3)
        elif k % 19 == 18:
            i = True
        try:
            del a[i]
        except IndexError as e:
            errors += 1
            msg = str(e)
        out.append(sum(a) + len(a))
    d = {1: "x", 2: "y", 3: "z"}
    seqs = [list(range(5))] * 9 + [d]
    for k in range(40):
        s = seqs[k % 10]
        if len(s) > 2:
            del s[1]
    return sum(out), out[-5:], errors, msg, d, seqs[0]


print(run(300))
