# list + list, tuple + tuple, reversed() of ranges, lists and tuples, and
# iter() of an iterator, in traces; subclasses and mixed operands leave to the
# interpreter.
class L(list):
    def __add__(self, o):
        return "L+"


def run(n):
    idx = [0, 1, 2, 3, 4]
    t = (1, 2)
    acc = 0
    out = []
    for i in range(n):
        j = i % 5
        idx = idx[j + 1:] + idx[j:j + 1] + idx[:j]
        t2 = t + (i,)
        acc += sum(t2) + idx[0]
        for k in reversed(range(j)):
            acc += k
        for k in reversed(idx):
            acc ^= k
        for k in reversed(t2):
            acc += k & 1
        it = iter(range(3))
        it = iter(it)
        acc += next(it)
        if i % 997 == 0:
            out.append(L([1]) + [2])
            try:
                out.append([1] + (2,))
            except TypeError as e:
                out.append(str(e))
            out.append(list(reversed(range(10**20, 10**20 + 3))))
    return acc, idx, out[:4]


print(run(5000))
