# Side traces that end at their loop's header enter the loop body directly,
# handing the loop-carried values over unboxed. Each case breaks one assumption
# that entry relies on.


def branchy(n, k):
    # both branches hot: the side trace of one enters the body of the other
    acc = 0
    odd = 0
    i = 0
    while i < n:
        if (i * k) % 3 == 0:
            acc += i
        else:
            odd += 1
            acc -= k
        i += 1
    return acc, odd


def sieve(n):
    # called again with other invariants (n, the list): entries from the inner
    # loop's side trace must not reuse the first call's
    flags = [True] * (n + 1)
    p = 2
    while p * p <= n:
        if flags[p]:
            for m in range(p * p, n + 1, p):
                flags[m] = False
        p += 1
    return sum(flags)


def retype(n):
    # the carried value changes type on the side path: no body entry then
    x = 0
    s = 0
    for i in range(n):
        if i % 50 == 49:
            x = x + 0.5
        else:
            x = x + 1
        s += i
    return x, s


def invariant_rebound(n):
    # a side path rebinds a value the body treats as invariant
    step = 1
    t = 0
    i = 0
    while i < n:
        t += step
        if i % 97 == 0:
            step = step + 1
        i += 1
    return t


print(branchy(3000, 5), branchy(3000, 7))
print(sieve(3000), sieve(6000), sieve(3000))
print(retype(2000))
print(invariant_rebound(5000))


def toggle():
    # found by the deopt_programs fuzzer: the body always stores the same
    # invariant into `cur` (its phi folds away), the side trace of the other
    # branch stores something else; entering the body then would use the
    # invariant. Called twice so the second call runs the compiled traces.
    a = [1, 2, 3]
    b = (4, 5.5, 6)
    cur = a
    total = 0
    for i in range(40):
        cur = b if cur is a else a
        total = total + cur[i % 3] + len(cur)
    return cur, total


print(toggle(), toggle())
