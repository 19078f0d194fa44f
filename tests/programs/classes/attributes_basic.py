class Dog:
    species = "canis"
    count = 0
    def __init__(self, name, age):
        self.name = name
        self.age = age
        Dog.count += 1
    def describe(self):
        return f"{self.name} ({self.age}) is a {self.species}"
    def birthday(self):
        self.age += 1
        return self.age

d1 = Dog("Rex", 3)
d2 = Dog("Fido", 5)
print(d1.describe())
print(d2.describe())
print(d1.birthday(), d1.age, d2.age)
print(Dog.count, d1.count)
print(Dog.species, d1.species)
d1.species = "wolf"
print(d1.species, d2.species, Dog.species)
print(d1.__dict__)
print(d2.__dict__)
del d1.species
print(d1.species)
Dog.species = "changed"
print(d1.species, d2.species)
print(sorted(k for k in Dog.__dict__ if not k.startswith("__")))
print(Dog.describe(d2))
m = d2.describe
print(m())
d2.name = "Max"
print(m())
