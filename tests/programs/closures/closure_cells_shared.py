def pair():
    value = 0
    def get():
        return value
    def set_(v):
        nonlocal value
        value = v
    return get, set_

get, set_ = pair()
print(get())
set_(42)
print(get())
get2, set2 = pair()
set2("other")
print(get(), get2())

def observers():
    listeners = []
    def subscribe(fn):
        listeners.append(fn)
        return fn
    def emit(x):
        return [fn(x) for fn in listeners]
    return subscribe, emit

sub, emit = observers()
@sub
def double(x): return x * 2
@sub
def neg(x): return -x
print(emit(5))
sub(lambda x: str(x))
print(emit(7))

def cell_after_def():
    def f():
        return y
    y = "late"
    return f()
print(cell_after_def())

def del_cell():
    z = 1
    def f():
        return z
    del z
    try:
        f()
    except NameError as e:
        print(type(e).__name__, e)
del_cell()
