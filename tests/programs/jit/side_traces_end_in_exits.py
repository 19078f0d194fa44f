# Side traces that reach what cannot be recorded (a return out of the loop's
# function, a call the recorder does not handle) end there with an exit to the
# interpreter instead of being thrown away; the interpreter then runs that
# bytecode, with its effects exactly once.

log = []


def record(x):
    log.append(x)
    return len(log)


class Box:
    def __init__(self, v):
        self.v = v


def find_first(items, want):
    # a search loop: the branch that returns grows a side trace ending in an exit
    for i in range(len(items)):
        x = items[i]
        if x == want:
            return i * 2 + 1
    return -1


def side_effects(n):
    total = 0
    for i in range(n):
        if i % 3 == 0:
            total += i
            b = Box(i)          # a class call: not recordable yet
            total += b.v
        else:
            total -= 1
    return total


def call_later(n):
    s = 0
    for i in range(n):
        s += i
        if i % 4 == 1:
            s += 1
            s += record(i)       # a call of a function with a closure-free body
    return s


items = list(range(200))
print([find_first(items, w) for w in (5, 50, 150, 199, 1000)])
print(sum(find_first(items, w % 210) for w in range(400)))
print(side_effects(3000))
print(call_later(2000), len(log), log[:5], log[-3:])
