print("init shapes package")
from .circle import Circle
from . import square
VERSION = "1.0"
def describe():
    return f"shapes v{VERSION}"
