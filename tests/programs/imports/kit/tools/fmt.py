from .. import core
from . import __name__ as pkgname

def show(v):
    return f"<{pkgname}: {v!r}>"

def parent():
    from .. import LEVEL
    return LEVEL
