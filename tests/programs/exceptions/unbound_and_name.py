x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x
print(f())

def g():
    try:
        return undefined_thing
    except NameError as e:
        return "NameError: " + str(e)
print(g())

def h(flag):
    if flag:
        y = 1
    try:
        return y
    except UnboundLocalError as e:
        return f"{type(e).__name__} is NameError subclass: {isinstance(e, NameError)}; {e}"
print(h(True))
print(h(False))

def k():
    z = 1
    del z
    try:
        return z
    except UnboundLocalError as e:
        return str(e)
print(k())
try:
    del never_defined
except NameError as e:
    print("NameError:", e)
try:
    print(len2)
except NameError as e:
    print("NameError:", e, "| name attr:", e.name)
