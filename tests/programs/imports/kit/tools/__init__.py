from ..core import make as _make
from .fmt import show
LEVEL = "tools"

def build(x):
    return show(_make(x))
