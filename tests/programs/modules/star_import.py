from _mathutil import *
print(square(3), cube(2), PI_APPROX)
try:
    bump()
except NameError as e:
    print("NameError:", e)
from _noall import *
print(visible, func(), Klass.__name__)
try:
    print(_hidden)
except NameError as e:
    print("NameError:", e)
