cases = [
    lambda: {}["k"],
    lambda: [][0],
    lambda: 1 / 0,
    lambda: 2 ** 10000.0,
    lambda: int("x"),
    lambda: None.attr,
    lambda: undefined_name,
    lambda: "a" + 1,
    lambda: iter([]).__next__(),
    lambda: (_ for _ in ()).throw(SystemExit),
]
for c in cases:
    try:
        c()
    except LookupError as e:
        print("LookupError:", type(e).__name__)
    except ArithmeticError as e:
        print("ArithmeticError:", type(e).__name__)
    except Exception as e:
        print("Exception:", type(e).__name__)
    except BaseException as e:
        print("BaseException:", type(e).__name__)

for cls in [KeyError, IndexError, ZeroDivisionError, OverflowError, ValueError,
            UnicodeError, FileNotFoundError, NotImplementedError, RecursionError,
            ModuleNotFoundError, StopIteration, GeneratorExit, SystemExit, KeyboardInterrupt, UnboundLocalError]:
    print(cls.__name__, [c.__name__ for c in cls.__mro__[1:]])
print(issubclass(KeyError, LookupError), issubclass(bool, Exception))
print(isinstance(ZeroDivisionError(), ArithmeticError))
