# Private names (__x) in a class body and its methods are mangled to _Class__x:
# attributes, variables, parameters, slots, nested classes; a metaclass's
# __init__ runs for the classes it makes; an unbound super(C) binds on access
class C:
    __count = 0

    def __init__(self, __start=1):
        self.__x = __start
        C.__count += 1

    def get(self):
        return self.__x

    def __private(self):
        return "private"

    def call(self):
        return self.__private()

    class __Inner:
        pass

    def inner_name(self):
        return self.__Inner.__name__


c = C(5)
print(c.get(), c._C__x, C._C__count, c.call(), c.inner_name(), hasattr(c, "__x"))
print(sorted(k for k in C.__dict__ if k.startswith("_C")))
print(C.__init__.__code__.co_varnames, C._C__private.__name__)


class _Under:
    def __init__(self):
        self.__y = 1


print(vars(_Under()))


class ___:
    def __init__(self):
        self.__z = 2


print(vars(___()))


class S:
    __slots__ = ("__a", "b")

    def __init__(self):
        self.__a = 1
        self.b = 2


s = S()
print(s._S__a, s.b)


class Meta(type):
    def __init__(cls, name, bases, ns):
        super().__init__(name, bases, ns)
        setattr(cls, "_%s__super" % name, super(cls))
        cls.made_by_meta = name


class Base(metaclass=Meta):
    def who(self):
        return "Base"


class Derived(Base):
    def who(self):
        return "Derived>" + self.__super.who()


print(Derived().who(), Derived.made_by_meta, Base.made_by_meta)
