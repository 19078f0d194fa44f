from ._common import fmt

def area(side):
    return fmt(side * side)
