import _circ_b
NAME = "A"
def hello():
    return "hello from A, B says " + _circ_b.name()
