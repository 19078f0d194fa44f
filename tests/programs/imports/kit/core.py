def make(x):
    return ("made", x)
