order = []
def tag(name):
    def deco(fn):
        order.append("decorate " + name)
        def wrapper(*a):
            order.append("enter " + name)
            r = "<" + name + ">" + fn(*a) + "</" + name + ">"
            order.append("exit " + name)
            return r
        return wrapper
    return deco

@tag("b")
@tag("i")
@tag("u")
def text(s):
    order.append("body")
    return s

print(order)
order.clear()
print(text("hi"))
print(order)

def double(fn):
    return lambda x: fn(x) * 2
def inc(fn):
    return lambda x: fn(x) + 1

@double
@inc
def ident(x): return x
@inc
@double
def ident2(x): return x
print(ident(5), ident2(5))

def deco_class(cls):
    cls.decorated = True
    return cls
@deco_class
class K: pass
print(K.decorated)

def identity(f): return f
@identity
@identity
def z(): return "z"
print(z(), z.__name__)
