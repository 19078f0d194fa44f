# A function whose loop runs the same number of times on every call (pystone's
# Func2 and Proc2, a `while` that runs once) is inlined into its caller's trace once its own entry trace has run
# to its return with no side trace; one whose loop runs a data-dependent number
# of times (a walk down a linked list) stays a call. Both must compute what the
# interpreter computes, also when the fixed loop stops being fixed.


def fixed(a, width):
    s = 0
    k = 1
    while k <= width:
        s += (a + k) * 3
        k += 1
    return s


def walk(node):
    n = 0
    while node is not None:
        node = node[1]
        n += 1
    return n


def run(n, widen_at):
    chains = [None]
    for i in range(6):
        chains.append((i, chains[-1]))
    t = 0
    for i in range(n):
        t += fixed(i, 2 if i >= widen_at else 1)
        t += walk(chains[i % 7])
    return t


print(run(3000, 10 ** 9))
print(run(3000, 2000))
