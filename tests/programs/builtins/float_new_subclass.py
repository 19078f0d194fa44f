# float.__new__(Sub, x) makes a Sub instance carrying the float (enum's float mixins)
class F(float):
    def describe(self):
        return f"F<{float(self)}>"


f = float.__new__(F, 2.5)
print(type(f).__name__, f, f + 1, f * 2, f.describe(), isinstance(f, float))
g = float.__new__(F, "1e3")
print(g, g == 1000.0, hash(g) == hash(1000.0))
print(float.__new__(float, 3) , type(float.__new__(float)).__name__)


class Half(float):
    def __new__(cls, v):
        return float.__new__(cls, v / 2)


h = Half(9)
print(type(h).__name__, h, round(h), f"{h:.3f}")
