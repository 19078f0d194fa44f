class Settings:
    level = 1
    tags = []
    def bump(self):
        self.level += 1
        return self.level
    def add_tag(self, t):
        self.tags.append(t)

a, b = Settings(), Settings()
print(a.bump(), a.bump(), b.level, Settings.level)
print("level" in a.__dict__, "level" in b.__dict__)
a.add_tag("x")
b.add_tag("y")
print(a.tags, b.tags, Settings.tags, a.tags is b.tags)
Settings.level = 100
print(a.level, b.level)
b.tags = ["own"]
print(a.tags, b.tags)
class Child(Settings):
    level = 50
print(Child().level, Child().bump(), Settings.level)
class Method:
    def go(self): return "method"
m = Method()
m.go = "now a string"
print(m.go, Method().go())
class WithName:
    name = "class"
    def get(self): return self.name, type(self).name
w = WithName()
w.name = "instance"
print(w.get())
