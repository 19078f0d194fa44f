# gi_frame/cr_frame/ag_frame are frame objects (f_back None, f_lineno, f_locals),
# gi_code/cr_code/ag_code, gi_suspended/cr_suspended, and a generator's
# __name__/__qualname__ can be set (to a str only)
def g():
    a = 5
    yield 1
    yield 2
x = g()
print(x.gi_frame.f_back, x.gi_frame.f_lineno, x.gi_running, x.gi_code.co_name, x.gi_suspended)
next(x)
print(x.gi_frame.f_lineno, x.gi_frame.f_locals, x.gi_suspended, x.gi_frame.f_code.co_name)
x.__name__ = 'renamed'; x.__qualname__ = 'q.renamed'
print(x.__name__, x.__qualname__, repr(x)[:30])
try: x.__name__ = 5
except TypeError as e: print(e)
list(x)
print(x.gi_frame, x.gi_suspended)
async def c(): pass
y = c()
print(y.cr_code.co_name, y.cr_frame.f_back, y.cr_suspended, y.__name__)
y.close()
async def ag():
    yield 1
z = ag()
print(z.ag_frame.f_back, z.ag_code.co_name)
