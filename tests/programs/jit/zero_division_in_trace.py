# A division inside a compiled loop hits a zero divisor: the guard exits and the
# interpreter raises ZeroDivisionError at the right line.
def ratios(n):
    out = 0.0
    for i in range(n):
        d = 1500 - i
        out += 1000.0 / d
    return out


try:
    print(ratios(3000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)


def floors(n):
    t = 0
    for i in range(n):
        t += 7 // (1200 - i) + i % 7
    return t


try:
    print(floors(2000))
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
