# A metaclass's __setattr__, __delattr__ and __dir__ apply to its classes;
# a class's __dir__ to its instances; object.__setattr__ refuses a class
class Guarded(type):
    def __setattr__(cls, name, value):
        if name.isupper():
            raise AttributeError("cannot reassign %r" % name)
        super().__setattr__(name, value)

    def __delattr__(cls, name):
        if name.isupper():
            raise AttributeError("cannot delete %r" % name)
        super().__delattr__(name)

    def __dir__(cls):
        return ["b", "a", "B"]


class K(metaclass=Guarded):
    RED = 1

    def __dir__(self):
        return ("z", "y")


K.extra = 5
print(K.extra)
del K.extra
print(hasattr(K, "extra"))
for f in (lambda: setattr(K, "RED", 2), lambda: delattr(K, "RED")):
    try:
        f()
    except AttributeError as e:
        print(e)
print(K.RED, dir(K), dir(K()))
print("__dir__" in dir(object()), sorted(object().__dir__()) == dir(object()))
try:
    object.__setattr__(K, "x", 1)
except TypeError as e:
    print(e)
type.__setattr__(K, "lower", 3)
print(K.lower)


class BadDir:
    def __dir__(self):
        return 42


try:
    dir(BadDir())
except TypeError as e:
    print(e)
