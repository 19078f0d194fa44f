from .. import _common
from ..square import area as square_area

def area(b, h):
    return _common.fmt(b * h / 2)

def both(s):
    return area(s, s), square_area(s)
