# An exception raised inside a bytecode a trace runs as a residual call (a dunder
# method called from a hot loop, three frames deep) unwinds exactly as in the
# interpreter: the same frames, lines and carets.


class Weight:
    def __init__(self, v):
        self.v = v

    def __add__(self, other):
        if other.v < 0:
            raise ValueError(f"negative weight {other.v}")
        return Weight(self.v + other.v)


def total(ws):
    acc = Weight(0)
    for w in ws:
        acc = acc + w
    return acc


def main():
    ws = [Weight(i) for i in range(500)] + [Weight(-1)]
    print(total(ws[:100]).v)
    print(total(ws).v)


main()
