from _state import items, add

def register(name):
    add("b:" + name)
    return items
