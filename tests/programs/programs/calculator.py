class Token:
    def __init__(self, kind, value):
        self.kind = kind
        self.value = value
    def __repr__(self):
        return f"{self.kind}:{self.value}"

class CalcError(Exception):
    pass

def tokenize(src):
    tokens = []
    i = 0
    while i < len(src):
        ch = src[i]
        if ch.isspace():
            i += 1
        elif ch.isdigit() or ch == ".":
            j = i
            while j < len(src) and (src[j].isdigit() or src[j] == "."):
                j += 1
            text = src[i:j]
            tokens.append(Token("NUM", float(text) if "." in text else int(text)))
            i = j
        elif ch.isalpha():
            j = i
            while j < len(src) and src[j].isalnum():
                j += 1
            tokens.append(Token("NAME", src[i:j]))
            i = j
        elif ch in "+-*/%^()=,":
            tokens.append(Token("OP", ch))
            i += 1
        else:
            raise CalcError(f"bad character {ch!r} at {i}")
    tokens.append(Token("EOF", None))
    return tokens

class Parser:
    FUNCS = {"max": max, "min": min, "abs": abs}
    def __init__(self, tokens, env):
        self.toks = tokens
        self.pos = 0
        self.env = env
    def peek(self):
        return self.toks[self.pos]
    def advance(self):
        t = self.toks[self.pos]
        self.pos += 1
        return t
    def expect(self, value):
        t = self.advance()
        if t.value != value:
            raise CalcError(f"expected {value!r}, got {t.value!r}")
    def statement(self):
        if self.peek().kind == "NAME" and self.toks[self.pos + 1].value == "=":
            name = self.advance().value
            self.advance()
            v = self.expr()
            self.env[name] = v
            return v
        return self.expr()
    def expr(self):
        v = self.term()
        while self.peek().value in ("+", "-"):
            op = self.advance().value
            r = self.term()
            v = v + r if op == "+" else v - r
        return v
    def term(self):
        v = self.factor()
        while self.peek().value in ("*", "/", "%"):
            op = self.advance().value
            r = self.factor()
            if op == "*":
                v = v * r
            elif op == "/":
                if r == 0:
                    raise CalcError("division by zero")
                v = v / r
            else:
                v = v % r
        return v
    def factor(self):
        if self.peek().value == "-":
            self.advance()
            return -self.factor()
        base = self.atom()
        if self.peek().value == "^":
            self.advance()
            return base ** self.factor()
        return base
    def atom(self):
        t = self.advance()
        if t.kind == "NUM":
            return t.value
        if t.kind == "NAME":
            if self.peek().value == "(":
                self.advance()
                args = [self.expr()]
                while self.peek().value == ",":
                    self.advance()
                    args.append(self.expr())
                self.expect(")")
                if t.value not in self.FUNCS:
                    raise CalcError(f"unknown function {t.value}")
                return self.FUNCS[t.value](*args)
            if t.value not in self.env:
                raise CalcError(f"undefined variable {t.value}")
            return self.env[t.value]
        if t.value == "(":
            v = self.expr()
            self.expect(")")
            return v
        raise CalcError(f"unexpected token {t!r}")

env = {}
lines = ["1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-4 + 10 / 4", "x = 7", "y = x * 2 + 1",
         "y % 4", "max(x, y, 3) - min(1, 2)", "abs(-3.5) * 2", "1 / 0", "z + 1", "3 $ 4",
         "(1 + 2", "10 - 2 - 3", "2 * -3", "1.5 + 2.25"]
for line in lines:
    try:
        print(f"{line:28} => {Parser(tokenize(line), env).statement()}")
    except CalcError as e:
        print(f"{line:28} => error: {e}")
print(sorted(env.items()))
print(tokenize("a=(1+22)"))
