import _state

def register(name):
    _state.add("a:" + name)
    _state.config["debug"] = True
