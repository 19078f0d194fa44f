# BaseExceptionGroup/ExceptionGroup: construction and its errors, message,
# exceptions, str/repr, derive, split and subgroup (types, tuples, predicates)
def t(f):
    try: r = f(); print(repr(r), type(r).__name__)
    except Exception as e: print(type(e).__name__, e)
t(lambda: ExceptionGroup('m', [ValueError(1)]))
t(lambda: BaseExceptionGroup('m', [ValueError(1)]))
t(lambda: BaseExceptionGroup('m', [KeyboardInterrupt()]))
t(lambda: ExceptionGroup('m', [KeyboardInterrupt()]))
t(lambda: ExceptionGroup('m', []))
t(lambda: ExceptionGroup('m', None))
t(lambda: ExceptionGroup(1, [ValueError()]))
t(lambda: ExceptionGroup('m', [1]))
t(lambda: ExceptionGroup('m'))
t(lambda: ExceptionGroup('m', (ValueError(),), 3))
t(lambda: str(ExceptionGroup('m', [ValueError(1), TypeError(2)])))
t(lambda: ExceptionGroup('m', [ValueError(1)]).args)
t(lambda: ExceptionGroup('m', (ValueError(1),)).exceptions)
t(lambda: ExceptionGroup('m', [ValueError(1)]).message)
class MyEG(ExceptionGroup): pass
t(lambda: MyEG('m', [ValueError(1)]))
t(lambda: MyEG('m', [ValueError(1)]).derive([TypeError()]))
eg = ExceptionGroup('outer', [ValueError(1), ExceptionGroup('inner', [TypeError(2), ValueError(3)]), KeyError(4)])
t(lambda: eg.split(ValueError))
t(lambda: eg.split((TypeError, KeyError)))
t(lambda: eg.split(lambda e: isinstance(e, LookupError)))
t(lambda: eg.subgroup(ValueError))
t(lambda: eg.subgroup(OSError))
t(lambda: eg.subgroup(Exception) is eg)
t(lambda: eg.split(1))
t(lambda: eg.derive([ValueError()]))
t(lambda: BaseExceptionGroup.__mro__)
t(lambda: ExceptionGroup.__mro__)
class Cust(MyEG):
    def derive(self, excs):
        return Cust(self.message + "!", excs)
t(lambda: Cust("c", [ValueError(1), TypeError(2)]).split(TypeError))
t(lambda: isinstance(ExceptionGroup('m', [ValueError()]), Exception))

# split/subgroup keep the traceback, cause and context of the group they split
def raiser():
    try:
        raise KeyError("ctx")
    except KeyError:
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)]) from OSError("cause")
try:
    raiser()
except ExceptionGroup as g:
    m, r = g.split(ValueError)
    print(repr(m.__cause__), repr(r.__cause__), repr(m.__context__), m.__suppress_context__)
    print(m.exceptions[0] is g.exceptions[0], r.exceptions[0] is g.exceptions[1])

# a predicate sees groups too, and may match a whole subgroup
eg = ExceptionGroup("o", [ExceptionGroup("keep", [ValueError(1)]), ExceptionGroup("drop", [ValueError(2)])])
print(eg.subgroup(lambda e: isinstance(e, ExceptionGroup) and e.message == "keep"))
print(eg.split(lambda e: False))
print(BaseExceptionGroup("b", [KeyboardInterrupt(), ValueError()]).split(Exception))
print(isinstance(BaseExceptionGroup("b", [ValueError()]), ExceptionGroup), issubclass(ExceptionGroup, Exception))
