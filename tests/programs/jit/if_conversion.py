# Short branches on ints are recorded branch-free: both arms computed, each
# stored local chosen by the condition. Every guard in an arm exits at the
# branch, so the arm the interpreter does not take may fail its guards
# (overflow, zero divisor, a type change) without changing what runs.


def diamond(n):
    # if/else and if-without-else on a pseudo-random condition
    x, acc, evens = 1, 0, 0
    for i in range(n):
        x = (x * 31 + i) % 1000003
        if x & 1 == 0:
            evens += 1
        if x > 500000:
            acc += x - 500000
        else:
            acc -= x // 3
    return acc, evens, x


def inverted(n):
    # `if not`: the arm at the jump target runs when the condition holds
    a, b = 0, 0
    for i in range(n):
        if not i % 3:
            a += i
        else:
            b -= i
    return a, b


def truthy_int(n):
    # the condition is an int, not a comparison
    odd = 0
    for i in range(n):
        if i & 1:
            odd = odd + 2 * i - 1
    return odd


def other_arm_overflows(n):
    # the arm not taken leaves the inline int range from i = 521 on
    a, c = 0, 0
    for i in range(n):
        b = i * 100
        if b >= 0:
            a += b
        else:
            c = b * b * b
    return a, c


def other_arm_divides_by_zero(n):
    d = 5
    q, r = 0, 0
    for i in range(n):
        if i == 150:
            d = 0
        if d != 0:
            q += i // d
        else:
            r += 1
    return q, r


def type_changes(n):
    # a local that only the untaken arm reads turns float, then back
    t, u = 0, 0
    for i in range(n):
        if i == 120:
            u = 0.5
        if i == 180:
            u = 7
        if i < 0:
            t += u
        else:
            t += 1
    return t, u


def float_arms(n):
    # float results do not merge (yet): the branch stays a guard
    f = 0.0
    for i in range(n):
        if i % 4 == 0:
            f += 0.25
        else:
            f -= 0.125
    return f


def only_one_arm_binds(n):
    # `t` is bound only after the first taken arm: no conversion while unbound
    hits = 0
    for i in range(n):
        if i % 5 == 4:
            t = i * 2
            hits += t
    return hits


def step(x, k):
    if x > k:
        x -= k
    else:
        x += 2 * k
    return x


def inlined(n):
    x = 17
    s = 0
    for i in range(n):
        x = step(x, 11)
        s += x
    return s, x


def edge_values(n):
    # values next to the inline int limits flow through the choice unchanged
    top = 2 ** 47 - 2
    low = -(2 ** 47)
    hi_hits, lo_hits = 0, 0
    for i in range(n):
        if i % 2 == 0:
            v = top
        else:
            v = low
        if v > 0:
            hi_hits += v - top + 1
        else:
            lo_hits += v - low + 1
    return hi_hits, lo_hits, v


def neg_arm(n):
    s = 0
    for i in range(n):
        if i % 3 == 1:
            s = -s + i
        else:
            s = s - 1
    return s


print(diamond(3000))
print(inverted(1000))
print(truthy_int(1000))
print(other_arm_overflows(1000))
print(other_arm_divides_by_zero(300))
print(type_changes(300))
print(float_arms(1000))
print(only_one_arm_binds(300))
print(inlined(1000))
print(edge_values(300))
print(neg_arm(1000))
