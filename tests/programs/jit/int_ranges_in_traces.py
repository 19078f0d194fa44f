# Int ops whose operands' ranges are known (constants, remainders, masks, branch
# conditions) lose their overflow exits in traces; every case here sits at the
# edge of the 48-bit inline range (Coil's small ints), where one step further
# must still give the big int CPython gives.
TOP = 140737488355327      # 2**47 - 1, the largest inline int
BOTTOM = -140737488355328  # -2**47


def bounded_increments(n, top):
    i = top - n - 3
    a = b = c = 0
    while i < top - 3:
        a = i + 2          # at most top - 2: stays small
        b = i + 3          # reaches top
        i += 1
    c = i + 4              # past the loop: top + 1, a big int
    return a, b, c, i


print(bounded_increments(1000, TOP))


def remainders(n, bottom):
    s = 0
    t = u = neg = q = p = 0
    for k in range(n):
        r = k % 1000
        s += r * 31                   # no exit needed
        m = k & 0xFFFF
        t = m * 2147483648            # 65535 * 2**31 < 2**47
        u = (k % 7) + bottom          # >= -2**47
        neg = k % -9 + 3              # in [-5, 3]
        q = (r // 3) * 100            # floor division by a constant
        p = r * r * r                 # < 10**9
    return s, t, u, neg, q, p


print(remainders(70000, BOTTOM))


def leaves_the_range(n, top):
    out = 0
    for k in range(n):
        r = k % 1000
        out = r * 140737488355      # 999 * (2**47 // 1000) < 2**47
        if k == n - 1:
            out = r * 140878366773  # only the last iteration: 999 * that > 2**47
    return out


print(leaves_the_range(5000, TOP))
print(leaves_the_range(5000 - 1, TOP))


def branch_facts(values, top, bottom):
    acc = 0
    hi = 0
    for x in values:
        if x > top - 10:
            hi = x - (top - 10)       # positive and small
            acc += hi * 1000
        elif x < bottom + 5:
            acc -= x - bottom         # in [0, 5)
        else:
            acc += x % 1000 * 3 - 1
    return acc, hi


vals = [TOP - (k % 9) for k in range(2000)]
vals += [BOTTOM + (k % 5) for k in range(2000)]
vals += [TOP // 2 + k for k in range(2000)]
print(branch_facts(vals, TOP, BOTTOM))


def countdown(n, step, bottom):
    j = n
    total = 0
    while j > bottom + step:
        total += j % 1000
        j -= step          # stays above bottom
    j -= step
    j -= step              # leaves the range here
    return total, j


print(countdown(TOP, TOP // 4000, BOTTOM))
print(countdown(12345, 7, -20000))
