class Config:
    default_mode = "fast"
    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)

c = Config(a=1, b="two")
print(c.__dict__)
print(vars(c) is c.__dict__)
c.__dict__["c"] = 3.0
print(c.c)
c.__dict__.update(d=[4])
print(c.d, sorted(c.__dict__))
print("default_mode" in c.__dict__, c.default_mode)
c.default_mode = "slow"
print(c.__dict__["default_mode"], Config.default_mode)
del c.__dict__["a"]
print(hasattr(c, "a"))
print(type(Config.__dict__).__name__)
print("__init__" in Config.__dict__, "default_mode" in Config.__dict__)
class Empty: pass
e = Empty()
print(e.__dict__, len(vars(e)))
e2 = Empty()
e2.x = 1
print(e.__dict__, e2.__dict__)
for k, v in Config(z=26, y=25).__dict__.items():
    print(k, v)
