import _mathutil
import _state
_mathutil.new_attr = "added from outside"
print(_mathutil.new_attr)
orig = _mathutil.square
_mathutil.square = lambda x: "patched"
print(_mathutil.square(3))
_mathutil.square = orig
print(_mathutil.square(3))
print(getattr(_mathutil, "cube")(4), hasattr(_mathutil, "nothing"))
setattr(_state, "dynamic", [1, 2])
print(_state.dynamic)
del _state.dynamic
print(hasattr(_state, "dynamic"))
try:
    _state.missing
except AttributeError as e:
    print("AttributeError:", e)
print(_mathutil.__name__, _state.__name__)
print(isinstance(_mathutil.__dict__, dict), "square" in _mathutil.__dict__)
mods = [_mathutil, _state]
print([m.__name__ for m in mods])
