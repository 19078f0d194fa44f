from _mathutil import square, cube as c3, PI_APPROX
print(square(4), c3(2), PI_APPROX)
from _mathutil import counter, bump
print(counter, bump(), bump(), counter)
import _mathutil
print(_mathutil.counter)
try:
    from _mathutil import does_not_exist
except ImportError as e:
    print("ImportError:", str(e).split(" (")[0])
print(square.__module__)
