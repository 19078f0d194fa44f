# A class body's annotations see the enclosing function's names (they are
# evaluated there, so the names are free variables of the class body)
def make():
    T = int
    U = list

    class A:
        x: T
        y: U[T] = []
        z: "T"

    class B:
        def m(self, b: T) -> U:
            pass

    return A.__annotations__, B.m.__annotations__


print(make())


def nested():
    V = str

    def inner():
        class C:
            w: V

        return C.__annotations__

    return inner()


print(nested())
import inspect


class Abstract:
    pass


print(object.__text_signature__, inspect.isabstract(Abstract), bool(Abstract.__flags__ & (1 << 9)))
