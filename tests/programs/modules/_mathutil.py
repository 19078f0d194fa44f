"""Helper module for import tests."""
print("loading _mathutil, __name__ =", __name__)

PI_APPROX = 3.14
counter = 0
_private = "hidden"
__all__ = ["square", "cube", "PI_APPROX"]

def square(x):
    return x * x

def cube(x):
    return x * x * x

def bump():
    global counter
    counter += 1
    return counter

def _secret():
    return "secret"

if __name__ == "__main__":
    print("this never prints when imported")
