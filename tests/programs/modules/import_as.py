import _mathutil as mu
import _mathutil as again
print(mu.square(9), mu is again)
try:
    _mathutil
except NameError as e:
    print("NameError:", e)
import shapes.circle as circ
print(circ.Circle(1).area())
from shapes import square as sq
print(sq.area(3))
import math as m, _state as st
print(m.floor(2.7), st.items)
