def configurable(prefix="[", suffix="]"):
    def wrap(s, *, upper=False):
        s2 = s.upper() if upper else s
        return prefix + s2 + suffix
    return wrap

w1 = configurable()
w2 = configurable("<", ">")
w3 = configurable(suffix="!")
print(w1("a"), w2("b"), w3("c"), w3("d", upper=True))

def logger(name):
    lines = []
    def log(*parts, sep=" "):
        lines.append(name + ": " + sep.join(str(p) for p in parts))
        return len(lines)
    log.lines = lines
    return log
lg = logger("app")
lg("start", 1)
lg("x", "y", sep=",")
print(lg.lines)
print(lg.__name__, lg.__qualname__)

def curry3(f):
    def a(x):
        def b(y):
            def c(z):
                return f(x, y, z)
            return c
        return b
    return a
print(curry3(lambda x, y, z: x + y * z)(1)(2)(3))
print(curry3(max)(4)(9)(2))
