class Money:
    def __init__(self, cents):
        self.cents = cents
    def __int__(self):
        return self.cents // 100
    def __float__(self):
        return self.cents / 100
    def __bool__(self):
        return self.cents != 0
    def __index__(self):
        return self.cents
    def __str__(self):
        return f"${self.cents // 100}.{self.cents % 100:02d}"
    def __repr__(self):
        return f"Money({self.cents})"

m = Money(1234)
print(int(m), float(m), bool(m), bool(Money(0)), str(m), repr(m))
lst = list(range(2000))
print(lst[Money(5)], [1, 2, 3, 4][Money(1):Money(3)])
print(hex(Money(255)), bin(Money(5)), oct(Money(8)))
print(range(Money(3)), "ab" * Money(2))
if Money(0):
    print("truthy")
else:
    print("falsy")
print([x for x in [Money(0), Money(1), Money(0)] if x])
class LenOnly:
    def __len__(self): return 3
print(bool(LenOnly()))
class BadBool:
    def __bool__(self): return 1
try:
    bool(BadBool())
except TypeError as e:
    print("TypeError:", e)
class BadInt:
    def __int__(self): return "x"
try:
    int(BadInt())
except TypeError as e:
    print("TypeError:", e)
try:
    idx = 1.0
    [1, 2][idx]
except TypeError as e:
    print("TypeError:", e)
print(round(float(Money(199))), int(float(Money(250))))
print(f"{float(m):.1f}", "%d" % Money(300), "%.2f" % float(Money(5)))
