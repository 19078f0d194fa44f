import _state
import _user_a
import _user_b

print(_state.items, _state.config)
_user_a.register("x")
print(_state.items, _state.config)
r = _user_b.register("y")
print(r, r is _state.items)
_state.items = ["replaced"]
print(_user_b.register("z"))
print(_state.items)
from _state import config
config["new"] = 1
print(_state.config)
