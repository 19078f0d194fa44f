# Generator expressions made inside traces (one helper call, the genexpr's
# function never made): iterated, resumed by next(), passed on, kept for later,
# drained, their names and frames read.
# genexprs made in traces and not drained: iterated, passed on, kept, inspected
import sys
def consume(g):
    return [v * 2 for v in g]
keep = []
names = set()
for k in range(300):
    base = k % 5
    g = (x + base for x in range(3))
    if k % 7 == 0:
        keep.append(g)
    names.add((g.__name__, g.__qualname__, type(g).__name__))
    if k % 3 == 0:
        out = consume(g)
    elif k % 3 == 1:
        out = [next(g), next(g)]
    else:
        out = list(g)
    if k % 50 == 0:
        print(k, out, g.gi_frame is None)
print(sorted(names))
print([list(g) for g in keep[:3]], sum(sum(g) for g in keep[3:]))
def deep(n):
    return sum(x * n for x in (lambda: range(n))())
print(sum(deep(i) for i in range(40)))
print(sorted({y for y in (x % 5 for x in range(100))}))
