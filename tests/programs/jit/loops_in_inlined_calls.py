# Calls of functions with loops: called, or under --jit-opt=callee-loops
# inlined with their loops unrolled (pystone's Proc8), a loop that runs long
# having its function called instead (tests/jit.rs runs it that way too).


def fill(arr, k, v):
    for j in range(k, k + 2):
        arr[j] = v + j
    while True:
        if arr[k] > -1:
            break
    return arr[k] + arr[k + 1]


def first_over(xs, t):
    for x in xs:
        if x > t:
            return x
    else:
        return -1


def long_sum(n):
    s = 0
    for j in range(n):
        s += j
    return s


def varying(n):
    # trip counts that change from call to call: exits inside the unrolled loop
    s = 0
    i = 0
    while i < n:
        s += i
        i += 1
    return s


def typed(xs):
    s = 0
    for x in xs:
        s = s + x
    return s


def raising(xs, bad):
    for x in xs:
        if x == bad:
            raise ValueError(x)
    return len(xs)


def run(n):
    arr = [0] * 10
    total = 0
    caught = 0
    for i in range(n):
        total += fill(arr, i % 5, i)
        total += first_over([3, 1, 4, 1, 5, 9, 2, 6], i % 10)
        total += long_sum(40 + i % 3)
        total += varying(i % 4)
        total += typed([i, 1, 2]) if i != 700 else int(typed([0.5, 1.5, 2.0]))
        try:
            total += raising([1, 2, 3], i % 50)
        except ValueError as e:
            caught += e.args[0]
    return total, caught, arr


print(run(2000))
