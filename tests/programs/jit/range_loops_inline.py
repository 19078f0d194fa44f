# for-loops over range() iterate inline in traces (step 1): the iterator's
# current value against its stop, stored back each iteration; other steps, and
# values outside the 48-bit small-int range, take the helper or exit.


def total(a, b):
    s = 0
    for i in range(a, b):
        s += i
    return s


def nested(n):
    acc = 0
    for i in range(n):
        for j in range(i):
            acc += i * j
    return acc


def early_break(n, stop_at):
    last = -1
    for i in range(n):
        if i == stop_at:
            break
        last = i
    return last


def stepped(n):
    out = []
    for i in range(0, n, 3):
        out.append(i)
    for i in range(n, 0, -2):
        out.append(i)
    return out


def shared_iterator(n):
    # the same iterator consumed by two loops: the second resumes where the
    # first stopped
    it = iter(range(n))
    first = 0
    for i in it:
        first += i
        if i == n // 2:
            break
    rest = 0
    for i in it:
        rest += i
    return first, rest


def loop_var_rebound(n):
    seen = 0
    for i in range(n):
        i = i * 2  # rebinding the variable does not move the iterator
        seen += i
    return seen


for k in range(3):
    print(total(0, 200 + k), total(-50, 50), total(10, 5))
    print(nested(30 + k))
    print(early_break(300, 123 + k), early_break(10, 99))
    print(stepped(40 + k)[:5], len(stepped(40 + k)))
    print(shared_iterator(100 + k))
    print(loop_var_rebound(150))

# around the edge of the 48-bit inline ints (2**47) and below -2**47
big = 2**47
print(total(big - 100, big - 1))
print(total(big - 100, big + 100))
print(total(-big - 50, -big + 50))
print(total(2**62, 2**62 + 60))
for i in range(big - 3, big + 3):
    print(i, type(i).__name__, i + 1)
