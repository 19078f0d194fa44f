class Animal:
    sound = "..."
    def __init__(self, name):
        self.name = name
    def speak(self):
        return f"{self.name} says {self.sound}"
    def kind(self):
        return "animal"

class Cat(Animal):
    sound = "meow"

class Lion(Cat):
    sound = "roar"
    def kind(self):
        return "big " + super().kind()

class Robot(Animal):
    def __init__(self, name, version):
        super().__init__(name)
        self.version = version
    def speak(self):
        return super().speak() + f" (v{self.version})"

for a in [Animal("thing"), Cat("Tom"), Lion("Leo"), Robot("R2", 2)]:
    print(a.speak(), "|", a.kind(), "|", type(a).__name__)

print(issubclass(Lion, Animal), issubclass(Animal, Lion), issubclass(Lion, Lion))
print(isinstance(Lion("x"), Cat), isinstance(Cat("y"), Lion))
print(Lion.__bases__, Animal.__bases__)
print([c.__name__ for c in Lion.__mro__])
print(Lion.__base__.__name__)
class Counter:
    def __init__(self):
        self.n = 0
class Sub(Counter):
    pass
s = Sub()
print(s.n, s.__dict__)
print(issubclass(bool, int), isinstance(True, int), issubclass(int, object))
