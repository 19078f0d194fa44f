"""Toy VM: expression trees compiled to a small stack machine (a state machine over pc, with instruction objects and dict environments) and walked recursively."""
import sys

# -- warm-up reporting: BENCH_WARMUP=1 prints `warmup: <i> <seconds>` to stderr
# -- after each outer iteration (see bench/README.md).
import os
import time
_WARMUP = os.environ.get("BENCH_WARMUP") == "1"
_warm = [0, time.perf_counter()]


def warm_start():
    _warm[1] = time.perf_counter()


def warm_tick():
    t = time.perf_counter()
    _warm[0] += 1
    sys.stderr.write("warmup: %d %.6f\n" % (_warm[0], t - _warm[1]))
    _warm[1] = t


def warm_chunks(n, parts=40):
    """range(n) cut into `parts` consecutive (lo, hi) pieces: the outer iterations."""
    step = max(1, -(-n // parts))
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]
# --

class Node:
    """Expression tree nodes: evaluated by a recursive walk and compiled to code."""
    __slots__ = ()


class Num(Node):
    __slots__ = ("value",)

    def __init__(self, value):
        self.value = value

    def eval(self, env):
        return self.value

    def emit(self, code):
        code.append(Instr("push", self.value))


class Var(Node):
    __slots__ = ("name",)

    def __init__(self, name):
        self.name = name

    def eval(self, env):
        return env[self.name]

    def emit(self, code):
        code.append(Instr("load", self.name))


class BinOp(Node):
    __slots__ = ("op", "left", "right")

    def __init__(self, op, left, right):
        self.op = op
        self.left = left
        self.right = right

    def eval(self, env):
        a = self.left.eval(env)
        b = self.right.eval(env)
        if self.op == "+":
            return a + b
        if self.op == "-":
            return a - b
        if self.op == "*":
            return a * b
        if self.op == "%":
            return a % b
        return 1 if a < b else 0

    def emit(self, code):
        self.left.emit(code)
        self.right.emit(code)
        code.append(Instr("binop", self.op))


class Instr:
    __slots__ = ("op", "arg")

    def __init__(self, op, arg=None):
        self.op = op
        self.arg = arg

    def __repr__(self):
        return "%s(%r)" % (self.op, self.arg)


class Machine:
    """A stack machine with jumps: a state machine over `pc`."""

    def __init__(self, code):
        self.code = code
        self.steps = 0

    def run(self, env):
        code = self.code
        stack = []
        pc = 0
        n = len(code)
        while pc < n:
            ins = code[pc]
            op = ins.op
            pc += 1
            self.steps += 1
            if op == "push":
                stack.append(ins.arg)
            elif op == "load":
                stack.append(env[ins.arg])
            elif op == "store":
                env[ins.arg] = stack.pop()
            elif op == "binop":
                b = stack.pop()
                a = stack.pop()
                o = ins.arg
                if o == "+":
                    stack.append(a + b)
                elif o == "-":
                    stack.append(a - b)
                elif o == "*":
                    stack.append(a * b)
                elif o == "%":
                    stack.append(a % b)
                else:
                    stack.append(1 if a < b else 0)
            elif op == "jz":
                if stack.pop() == 0:
                    pc = ins.arg
            elif op == "jmp":
                pc = ins.arg
        return env


def compile_loop(cond, body):
    """while cond: body (a list of (name, expr) assignments)."""
    code = []
    start = len(code)
    cond.emit(code)
    jz = Instr("jz", None)
    code.append(jz)
    for name, expr in body:
        expr.emit(code)
        code.append(Instr("store", name))
    code.append(Instr("jmp", start))
    jz.arg = len(code)
    return code


def programs():
    # sum of i*i % 7 for i below n
    p1 = compile_loop(
        BinOp("<", Var("i"), Var("n")),
        [("acc", BinOp("+", Var("acc"), BinOp("%", BinOp("*", Var("i"), Var("i")), Num(7)))),
         ("i", BinOp("+", Var("i"), Num(1)))])
    # iterative fibonacci modulo m
    p2 = compile_loop(
        BinOp("<", Var("k"), Var("n")),
        [("t", BinOp("%", BinOp("+", Var("a"), Var("b")), Num(1000003))),
         ("a", Var("b")), ("b", Var("t")), ("k", BinOp("+", Var("k"), Num(1)))])
    return p1, p2


def tree_total(depth, x):
    """A recursive tree built and walked by eval: (x+1)*(x-1) % 11 nested."""
    if depth == 0:
        return Var("x")
    sub = tree_total(depth - 1, x)
    return BinOp("%", BinOp("+", BinOp("*", sub, Num(3)), Num(depth)), Num(1009))


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 400
    p1, p2 = programs()
    steps = 0
    acc = 0
    fib = 0
    walked = 0
    tree = tree_total(12, 0)
    warm_start()
    for lo, hi in warm_chunks(n):
        for j in range(lo, hi):
            m1 = Machine(p1)
            env = m1.run({"i": 0, "n": 40 + j % 13, "acc": 0})
            acc += env["acc"]
            m2 = Machine(p2)
            env = m2.run({"k": 0, "n": 30 + j % 7, "a": 0, "b": 1, "t": 0})
            fib = (fib + env["a"]) % 1000003
            steps += m1.steps + m2.steps
            walked += tree.eval({"x": j})
        if _WARMUP:
            warm_tick()
    print("acc", acc, "fib", fib, "steps", steps)
    print("walked", walked)
    print("code", p2[:6])


main()
