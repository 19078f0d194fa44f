# from __future__ import annotations: annotations are kept as their text (PEP 563).
from __future__ import annotations
import __future__
print(__future__.annotations)
def f(x: int, y: "list[int]" = 3, *a: tuple[int, ...], **k: dict[str, int | None]) -> str: pass
print(f.__annotations__)
class C:
    a: int
    b: Undefined = 3
    c: Callable[[int, str], -1 | a.b.c(1, k=2)]
    if True:
        d: (int, str)
    def m(self):
        z: int = 4
        return z
print(C.__annotations__, C.b, C().m())
x: int = 5
y: (1 + 2) * 3 ** 2 ** 1
print(__annotations__)
