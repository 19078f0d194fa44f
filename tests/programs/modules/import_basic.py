import _mathutil
print(_mathutil.square(5), _mathutil.cube(3), _mathutil.PI_APPROX)
print(_mathutil.__name__)
print(type(_mathutil).__name__)
print(_mathutil.bump(), _mathutil.bump(), _mathutil.counter)
import _mathutil
print(_mathutil.counter)
import sys
print("_mathutil" in sys.modules, sys.modules["_mathutil"] is _mathutil)
print(_mathutil._secret(), _mathutil._private)
print(__name__)
print(sorted(n for n in dir(_mathutil) if not n.startswith("__")))
print(_mathutil.__doc__)
