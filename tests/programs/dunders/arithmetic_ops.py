class Num:
    def __init__(self, v): self.v = v
    def __repr__(self): return f"Num({self.v})"
    def _wrap(self, o):
        return o.v if isinstance(o, Num) else o
    def __add__(self, o): return Num(self.v + self._wrap(o))
    def __radd__(self, o): return Num(self._wrap(o) + self.v)
    def __sub__(self, o): return Num(self.v - self._wrap(o))
    def __rsub__(self, o): return Num(self._wrap(o) - self.v)
    def __mul__(self, o): return Num(self.v * self._wrap(o))
    def __rmul__(self, o): return Num(self._wrap(o) * self.v)
    def __truediv__(self, o): return Num(self.v / self._wrap(o))
    def __floordiv__(self, o): return Num(self.v // self._wrap(o))
    def __mod__(self, o): return Num(self.v % self._wrap(o))
    def __pow__(self, o): return Num(self.v ** self._wrap(o))
    def __rpow__(self, o): return Num(self._wrap(o) ** self.v)
    def __neg__(self): return Num(-self.v)
    def __pos__(self): return Num(+self.v)
    def __abs__(self): return Num(abs(self.v))
    def __divmod__(self, o): return (self // o, self % o)
    def __lshift__(self, o): return Num(self.v << o)
    def __and__(self, o): return Num(self.v & o)
    def __or__(self, o): return Num(self.v | o)
    def __xor__(self, o): return Num(self.v ^ o)
    def __invert__(self): return Num(~self.v)

a, b = Num(7), Num(2)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** b)
print(a + 1, 1 + a, 10 - a, 3 * a, 2 ** b)
print(-a, +a, abs(Num(-5)), divmod(a, b))
print(a << 2, a & 3, a | 8, a ^ 1, ~a)
print(sum([Num(1), Num(2), Num(3)]))
print(Num(-7) // 2, Num(-7) % 2, Num(7.5) // 2)
x = Num(1)
x += 5
x *= 2
x -= 1
print(x)
