PI = 3.14159
def fmt(x):
    return round(x, 3)
