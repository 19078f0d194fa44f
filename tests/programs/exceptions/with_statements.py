class CM:
    def __init__(self, name, log, suppress=False):
        self.name, self.log, self.suppress = name, log, suppress
    def __enter__(self):
        self.log.append("enter " + self.name)
        return self
    def __exit__(self, et, ev, tb):
        self.log.append(f"exit {self.name} {et.__name__ if et else None}")
        return self.suppress

log = []
with CM("a", log), CM("b", log), CM("c", log):
    log.append("body")
print(log)

log = []
try:
    with CM("a", log), CM("b", log):
        raise ValueError("x")
except ValueError:
    log.append("handled")
print(log)

log = []
with CM("outer", log, suppress=True):
    with CM("inner", log):
        raise KeyError("k")
    log.append("unreached")
log.append("after")
print(log)

class FailEnter:
    def __enter__(self):
        raise RuntimeError("enter failed")
    def __exit__(self, *a):
        print("exit should not run")
log = []
try:
    with CM("first", log), FailEnter():
        log.append("body")
except RuntimeError as e:
    log.append(str(e))
print(log)

class FailExit:
    def __enter__(self): return self
    def __exit__(self, *a):
        raise TypeError("exit failed")
try:
    with FailExit():
        raise ValueError("original")
except TypeError as e:
    print("TypeError:", e, "context:", repr(e.__context__))
try:
    with 42:
        pass
except (TypeError, AttributeError) as e:
    print(type(e).__name__, e)
