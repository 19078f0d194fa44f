# round() of floats in traces: helpers for round(x) and round(x, n) (src/jit/calls.rs),
# leaving for results past the inline ints, NaN and infinity.
def run(n):
    t = 0.0
    k = 0
    out = []
    for i in range(n):
        x = i * 0.37 - 50.125
        t += round(x, 2) + round(x, -1)
        k += round(x)
        if i % 500 == 0:
            out.append((round(x, 1), round(2.675, 2), round(-0.5), round(1.5), round(x, 400), round(x, -400)))
    return t, k, out[:4]
print(run(3000))
vals = [1.5, 2.5, float("nan"), 1e300, 3.25]
def safe(v, *a):
    try:
        return round(v, *a)
    except (ValueError, OverflowError) as e:
        return type(e).__name__
print([safe(v) for v in vals * 30][:6], [safe(v, 1) for v in vals * 30][:6])
