# Calls with keyword arguments inlined into traces: keywords bound to
# parameters by name, the rest from defaults (also a closure's); bad keyword
# calls raise CPython's TypeError.
def area(w, h=2, *, unit=None):
    return w * h
def scale(x, factor=3, offset=0):
    return x * factor + offset
def pos_only(a, b=1, /, c=2):
    return a + b + c
def make(k):
    def inner(x, by=k):
        return x + by
    return inner
def main():
    t = 0
    errs = []
    for i in range(3000):
        t += scale(i, offset=1) + scale(x=i) + scale(i, factor=2, offset=i % 3)
        t += scale(offset=2, x=i % 7)
        t += pos_only(i, c=5)
        f = make(i % 4)
        t += f(i, by=2) + f(x=i)
        if i % 1000 == 999:
            try:
                scale(i, bogus=1)
            except TypeError as e:
                errs.append(str(e))
            try:
                pos_only(a=1)
            except TypeError as e:
                errs.append(str(e))
            try:
                scale(1, x=2)
            except TypeError as e:
                errs.append(str(e))
    print(t, errs[:3])


main()
