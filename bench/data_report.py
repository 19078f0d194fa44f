"""Data report: pandas-free munging of sales records with list/dict/set comprehensions, zip, enumerate, sorted, min/max with key functions and sums: pivots, rankings, moving averages."""
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

REGIONS = ("north", "south", "east", "west", "central")
PRODUCTS = ("widget", "gadget", "doohickey", "gizmo", "sprocket", "flange", "grommet")
REPS = ("ana", "ben", "cho", "dev", "eli", "fay", "gus", "hal", "ivy", "jon", "kim", "lou")


def make_records(n, seed):
    """n deterministic sales records as dicts."""
    x = seed
    out = []
    for i in range(n):
        x = (x * 1103515245 + 12345) % 2147483648
        r = x >> 3
        out.append({
            "id": seed * 100000 + i,
            "day": i % 90,
            "region": REGIONS[r % 5],
            "product": PRODUCTS[(r >> 4) % 7],
            "rep": REPS[(r >> 8) % 12],
            "units": 1 + (r >> 12) % 20,
            "price": round(2.5 + (r >> 16) % 400 / 8.0, 2),
            "returned": (r >> 20) % 23 == 0,
        })
    return out


def report(records):
    valid = [r for r in records if not r["returned"]]
    for r in valid:
        r["revenue"] = r["units"] * r["price"]
    regions = sorted({r["region"] for r in valid})
    products = sorted({r["product"] for r in valid})
    pivot = {reg: {p: 0.0 for p in products} for reg in regions}
    for r in valid:
        pivot[r["region"]][r["product"]] += r["revenue"]
    region_totals = {reg: sum(row.values()) for reg, row in pivot.items()}
    product_totals = {p: sum(pivot[reg][p] for reg in regions) for p in products}
    columns = list(zip(*[[round(pivot[reg][p], 2) for p in products] for reg in regions]))
    spread = {p: max(col) - min(col) for p, col in zip(products, columns)}

    by_rep = {}
    for r in valid:
        by_rep.setdefault(r["rep"], []).append(r)
    rep_stats = {rep: (sum(r["revenue"] for r in rs), len(rs), sum(r["units"] for r in rs))
                 for rep, rs in by_rep.items()}
    ranking = sorted(rep_stats.items(), key=lambda kv: (-kv[1][0], kv[0]))
    ranks = {rep: i for i, (rep, _) in enumerate(ranking, 1)}

    daily = [0.0] * 90
    for r in valid:
        daily[r["day"]] += r["revenue"]
    window = 7
    moving = [sum(daily[i - window:i]) / window for i in range(window, len(daily) + 1)]
    best_week = max(enumerate(moving), key=lambda t: (t[1], -t[0]))

    sold_in = {p: {r["region"] for r in valid if r["product"] == p} for p in products}
    everywhere = sorted(p for p, regs in sold_in.items() if regs == set(regions))
    big = [r for r in valid if r["units"] >= 18 and r["price"] > 40]
    top_deal = max(valid, key=lambda r: (r["revenue"], -r["id"]))
    cheapest = min(valid, key=lambda r: (r["price"], r["id"]))
    returned = len(records) - len(valid)
    return {
        "count": len(valid),
        "returned": returned,
        "region_totals": region_totals,
        "product_totals": product_totals,
        "spread": spread,
        "ranking": ranking,
        "ranks": ranks,
        "best_week": best_week,
        "everywhere": everywhere,
        "big": len(big),
        "top_deal": (top_deal["id"], top_deal["rep"], round(top_deal["revenue"], 2)),
        "cheapest": (cheapest["id"], cheapest["product"], cheapest["price"]),
    }


def merge(total, part):
    for key in ("count", "returned", "big"):
        total[key] = total.get(key, 0) + part[key]
    for key in ("region_totals", "product_totals"):
        acc = total.setdefault(key, {})
        for k, v in part[key].items():
            acc[k] = acc.get(k, 0.0) + v
    wins = total.setdefault("wins", {})
    first = part["ranking"][0][0]
    wins[first] = wins.get(first, 0) + 1
    total["rank_sum"] = {rep: total.get("rank_sum", {}).get(rep, 0) + part["ranks"].get(rep, 13)
                         for rep in REPS}
    total["deals"] = sorted(total.get("deals", []) + [part["top_deal"]],
                            key=lambda d: (-d[2], d[0]))[:3]
    return total


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 350
    total = {}
    last = None
    warm_start()
    for lo, hi in warm_chunks(n):
        for batch in range(lo, hi):
            last = report(make_records(1500, batch + 1))
            total = merge(total, last)
        if _WARMUP:
            warm_tick()
    print("batches", n, "records", total["count"], "returned", total["returned"], "big", total["big"])
    for name in ("region_totals", "product_totals"):
        items = sorted(total[name].items(), key=lambda kv: -kv[1])
        print(name, ", ".join(f"{k}={v:.2f}" for k, v in items))
    print("wins", sorted(total["wins"].items(), key=lambda kv: (-kv[1], kv[0])))
    avg = {rep: s / n for rep, s in total["rank_sum"].items()}
    print("avg rank", " ".join(f"{rep}:{a:.2f}" for rep, a in sorted(avg.items(), key=lambda kv: kv[1])))
    print("deals", total["deals"])
    print("last batch: everywhere", last["everywhere"], "best week", last["best_week"][0],
          round(last["best_week"][1], 2), "cheapest", last["cheapest"])
    print("spread", {p: round(s, 2) for p, s in sorted(last["spread"].items())})
    print("top reps", [(rep, round(rev, 2), k, u) for rep, (rev, k, u) in last["ranking"][:3]])


main()
