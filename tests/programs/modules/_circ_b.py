import _circ_a
def name():
    return "B (A is " + _circ_a.NAME + ")"
