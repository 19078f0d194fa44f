# len() through __index__ with CPython's ValueError/OverflowError, an int subclass
# returned by __hash__, zip(strict=True) messages both ways, sum() refusing bytes
import sys
for v in [4.5, -10, sys.maxsize + 1, -sys.maxsize - 10, True, 3]:
    class L:
        def __len__(self, v=v): return v
    try:
        print(len(L()))
    except Exception as e:
        print(type(e).__name__, e)
class Z(int):
    def __hash__(self): return self
print(hash(Z(42)) == hash(42))
print(tuple(zip("a", "ab", "abc", strict=False)))
for args in [("ab", "abc"), ("abc", "ab"), ("a", "ab", "abc"), ("ab", "ab", "a")]:
    try:
        print(tuple(zip(*args, strict=True)))
    except ValueError as e:
        print(e)
for a in [(['a'], ''), ([b'a'], b''), ([bytearray(b'a')], bytearray(b''))]:
    try:
        print(sum(*a))
    except TypeError as e:
        print(e)
