from .core import make
from . import tools
LEVEL = "kit"
