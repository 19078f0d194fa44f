print("main start")
import _mathutil
print("after first import")
import _mathutil
print("after second import (no reload)")
def lazy():
    import _state
    return _state.add("lazy")
print(lazy(), lazy())
import _state
print(_state.items)
import _noall
print(_noall.visible)
