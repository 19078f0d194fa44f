"""Log pipeline: synthetic access-log lines flow through generator stages (parse, filter, enrich) into Counter/defaultdict aggregates; str split/partition/startswith/join and f-strings throughout."""
import sys

# -- warm-up reporting: BENCH_WARMUP=1 prints `warmup: <i> <seconds>` to stderr
# -- after each outer iteration (see bench/README.md).
import os
import time
_WARMUP = os.environ.get("BENCH_WARMUP") == "1"
_warm = [0, time.perf_counter()]


def warm_start():
    _warm[1] = time.perf_counter()


def warm_tick():
    t = time.perf_counter()
    _warm[0] += 1
    sys.stderr.write("warmup: %d %.6f\n" % (_warm[0], t - _warm[1]))
    _warm[1] = t


def warm_chunks(n, parts=40):
    """range(n) cut into `parts` consecutive (lo, hi) pieces: the outer iterations."""
    step = max(1, -(-n // parts))
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]
# --

from collections import Counter, defaultdict

SERVICES = ("auth", "billing", "search", "catalog", "gateway")
USERS = ("alice", "bob", "carol", "dave", "erin", "frank", "grace", "heidi", "ivan", "judy")
ROUTES = ("/api/users/{}", "/api/orders/{}/items", "/api/search", "/static/app.js",
          "/api/products/{}", "/health", "/api/cart/{}/checkout", "/login")
MESSAGES = ("timeout talking to db", "cache miss storm", "upstream reset",
            "slow query", "retrying request", "token expired")


def make_lines(n, seed):
    """n deterministic log lines; a few are comments or truncated garbage."""
    x = seed
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        r = x >> 4
        if r % 97 == 0:
            yield "# rotated " + str(i)
            continue
        minute, second = (i // 60) % 60, i % 60
        route = ROUTES[r % len(ROUTES)].format(r % 1000)
        status = (200, 200, 200, 201, 304, 404, 500, 503)[(r >> 7) % 8]
        level = "ERROR" if status >= 500 else "WARN" if status >= 400 else "INFO"
        latency = 3 + (r >> 3) % 250 + (400 if status == 503 else 0)
        line = (f"2026-12-06T{10 + (i // 3600) % 12:02d}:{minute:02d}:{second:02d} {level} "
                f"[{SERVICES[(r >> 11) % len(SERVICES)]}] "
                f"{'POST' if r % 5 == 0 else 'GET'} {route} {status} {latency}ms "
                f"user={USERS[(r >> 13) % len(USERS)]}")
        if level != "INFO":
            line += " msg=" + MESSAGES[(r >> 5) % len(MESSAGES)].replace(" ", "_")
        if r % 211 == 0:
            line = line[:len(line) // 3]
        yield line


def parse(lines, bad):
    for line in lines:
        if not line or line.startswith("#"):
            continue
        parts = line.split(" ")
        if len(parts) < 7 or not parts[6].endswith("ms"):
            bad[0] += 1
            continue
        stamp, level, service, method, path, status, latency = parts[:7]
        extra = {}
        for kv in parts[7:]:
            key, sep, value = kv.partition("=")
            if sep:
                extra[key] = value
        yield {"time": stamp, "level": level, "service": service.strip("[]"),
               "method": method, "path": path, "status": int(status),
               "ms": int(latency[:-2]), **extra}


def not_health(records):
    for rec in records:
        if not rec["path"].startswith(("/health", "/static")):
            yield rec


def enrich(records):
    for rec in records:
        segments = rec["path"].split("/")
        rec["endpoint"] = "/".join(":id" if s.isdigit() else s for s in segments)
        _, _, clock = rec["time"].partition("T")
        rec["hour"] = clock[:2]
        rec["bucket"] = "fast" if rec["ms"] < 50 else "ok" if rec["ms"] < 200 else "slow"
        rec["msg"] = rec.get("msg", "").replace("_", " ")
        yield rec


class Report:
    def __init__(self):
        self.by_endpoint = Counter()
        self.status = Counter()
        self.latency = defaultdict(list)
        self.errors = defaultdict(Counter)
        self.users = defaultdict(set)
        self.buckets = Counter()
        self.seen = 0

    def add(self, rec):
        self.seen += 1
        key = rec["method"] + " " + rec["endpoint"]
        self.by_endpoint[key] += 1
        self.status[rec["status"] // 100 * 100] += 1
        self.latency[rec["service"]].append(rec["ms"])
        self.buckets[rec["bucket"]] += 1
        if rec["level"] != "INFO":
            self.errors[rec["service"]][rec["msg"]] += 1
        self.users[rec["user"]].add(rec["endpoint"])

    def lines(self):
        yield f"records {self.seen} status {sorted(self.status.items())}"
        yield "buckets " + ", ".join(f"{k}={v}" for k, v in sorted(self.buckets.items()))
        for key, count in self.by_endpoint.most_common(4):
            yield f"  {key:<32}{count:>8}"
        for service in sorted(self.latency):
            ms = sorted(self.latency[service])
            p50, p95 = ms[len(ms) // 2], ms[len(ms) * 95 // 100]
            top = sorted(self.errors[service].items(), key=lambda kv: (-kv[1], kv[0]))[:2]
            yield "{:<8} n={:<7} p50={:>3}ms p95={:>3}ms mean={:.2f} errors {}".format(
                service, len(ms), p50, p95, sum(ms) / len(ms), "; ".join(f"{m} x{c}" for m, c in top))
        wide = max(sorted(self.users), key=lambda u: len(self.users[u]))
        yield f"widest user {wide} with {len(self.users[wide])} endpoints"


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 250000
    report = Report()
    bad = [0]
    warm_start()
    for lo, hi in warm_chunks(n):
        for rec in enrich(not_health(parse(make_lines(hi - lo, lo + 7), bad))):
            report.add(rec)
        if _WARMUP:
            warm_tick()
    print("malformed", bad[0])
    for line in report.lines():
        print(line)


main()
