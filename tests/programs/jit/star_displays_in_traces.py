# Displays with * and ** in traced loops (residual calls with direct forms:
# ListExtend, SetUpdate, DictUpdate), their errors included.


def gen(k):
    yield from range(k)


def run(n):
    base = {"a": 1, "b": 2}
    t = 0
    errors = []
    for i in range(n):
        xs = [*range(i % 4), *[i], *gen(i % 3)]
        ys = {*xs, *"ab"}
        d = {**base, "i": i, **{"b": i % 5}}
        tu = (*xs, i)
        t += len(xs) + len(ys) + d["b"] + d["i"] + len(d) + len(tu)
        if i % 250 == 0:
            try:
                bad = [*xs, *i]
            except TypeError as e:
                errors.append(str(e))
            try:
                bad = {**base, **xs}
            except TypeError as e:
                errors.append(str(e))
    return t, len(errors), errors[:2]


print(run(2000))
