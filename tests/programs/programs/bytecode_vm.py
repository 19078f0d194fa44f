class VMError(Exception):
    pass

def assemble(src):
    code, labels = [], {}
    lines = [l.split("#")[0].strip() for l in src.strip().split("\n")]
    lines = [l for l in lines if l]
    for l in lines:
        if l.endswith(":"):
            labels[l[:-1]] = len(code)
        else:
            code.append(l.split())
    prog = []
    for parts in code:
        op, args = parts[0].upper(), parts[1:]
        conv = []
        for a in args:
            if a in labels:
                conv.append(labels[a])
            else:
                try:
                    conv.append(int(a))
                except ValueError:
                    conv.append(a)
        prog.append((op, *conv))
    return prog

class VM:
    def __init__(self, prog, trace=False):
        self.prog = prog
        self.stack = []
        self.vars = {}
        self.pc = 0
        self.out = []
        self.calls = []
        self.steps = 0
    def pop(self):
        if not self.stack:
            raise VMError(f"stack underflow at pc={self.pc - 1}")
        return self.stack.pop()
    def run(self, limit=10000):
        binops = {"ADD": lambda a, b: a + b, "SUB": lambda a, b: a - b, "MUL": lambda a, b: a * b,
                  "DIV": lambda a, b: a // b, "MOD": lambda a, b: a % b,
                  "LT": lambda a, b: int(a < b), "EQ": lambda a, b: int(a == b)}
        while self.pc < len(self.prog):
            self.steps += 1
            if self.steps > limit:
                raise VMError("step limit exceeded")
            op, *args = self.prog[self.pc]
            self.pc += 1
            if op == "PUSH":
                self.stack.append(args[0])
            elif op in binops:
                b, a = self.pop(), self.pop()
                if op in ("DIV", "MOD") and b == 0:
                    raise VMError("division by zero")
                self.stack.append(binops[op](a, b))
            elif op == "LOAD":
                if args[0] not in self.vars:
                    raise VMError(f"undefined variable {args[0]}")
                self.stack.append(self.vars[args[0]])
            elif op == "STORE":
                self.vars[args[0]] = self.pop()
            elif op == "DUP":
                v = self.pop(); self.stack += [v, v]
            elif op == "JMP":
                self.pc = args[0]
            elif op == "JZ":
                if self.pop() == 0:
                    self.pc = args[0]
            elif op == "CALL":
                self.calls.append(self.pc); self.pc = args[0]
            elif op == "RET":
                self.pc = self.calls.pop()
            elif op == "PRINT":
                self.out.append(self.pop())
            elif op == "HALT":
                break
            else:
                raise VMError(f"unknown op {op}")
        return self.out

FACT = """
    push 10
    store n
    push 1
    store acc
loop:
    load n
    jz done
    load acc
    load n
    mul
    store acc
    load n
    push 1
    sub
    store n
    jmp loop
done:
    load acc
    print
    halt
"""
FIBS = """
    push 0
    store a
    push 1
    store b
    push 0
    store i
top:
    load i
    push 15
    lt
    jz end
    call emit
    load i
    push 1
    add
    store i
    jmp top
emit:
    load a
    print
    load a
    load b
    add
    load b
    store a
    store b
    ret
end:
"""
for name, src in [("fact", FACT), ("fibs", FIBS)]:
    vm = VM(assemble(src))
    print(name, vm.run(), "steps:", vm.steps)
print(assemble("push 1\nx:\njmp x")[:2])
for bad in ["push 1\npush 0\ndiv", "add", "load q", "x:\njmp x", "frob"]:
    try:
        VM(assemble(bad)).run()
    except VMError as e:
        print("VMError:", e)
