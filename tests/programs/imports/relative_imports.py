# Relative imports at one, two and three levels, and their errors.
import kit
from kit import tools
from kit.tools import fmt

print(kit.make(1), kit.LEVEL, tools.LEVEL)
print(tools.build(2))
print(fmt.show(3), fmt.parent())
print(fmt.core is kit.core)
try:
    from . import kit
except ImportError as e:
    print(type(e).__name__, e)
try:
    exec("from .. import x", {"__name__": "a", "__package__": "a"})
except ImportError as e:
    print(type(e).__name__, e)
try:
    from kit import nothing_here
except ImportError as e:
    print(type(e).__name__, str(e).split(" (")[0])
try:
    import kit.core.sub
except ModuleNotFoundError as e:
    print(type(e).__name__, e)
