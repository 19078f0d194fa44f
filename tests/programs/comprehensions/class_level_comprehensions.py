class Config:
    names = ['a', 'b', 'c']
    upper = [n.upper() for n in names]
    pairs = {n: i for i, n in enumerate(names)}
    count = len(names)
print(Config.upper, Config.pairs, Config.count)
class Scale:
    factor = 3
    try:
        scaled = [factor * v for v in range(3)]
    except NameError as e:
        scaled = 'NameError: ' + str(e)
print(Scale.scaled)
class Workaround:
    factor = 3
    scaled = (lambda factor: [factor * v for v in range(3)])(factor)
    first = [v * 2 for v in range(factor)]
print(Workaround.scaled, Workaround.first)
class Methods:
    base = 10
    def values(self):
        return [self.base + i for i in range(3)]
print(Methods().values())
