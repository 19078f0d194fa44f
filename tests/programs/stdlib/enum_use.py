# The standard library's enum: Enum, IntEnum, StrEnum, Flag, auto, unique.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, StrEnum, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3

    def describe(self):
        return f"{self.name.lower()}={self.value}"


print(Color.RED, repr(Color.GREEN), Color(3), Color["BLUE"], Color.RED.describe())
print(list(Color), len(Color), Color.RED in Color, Color.RED is Color(1))
print([c.name for c in Color], Color.__members__.keys())
print(Color.RED == 1, Color.RED == Color.RED, hash(Color.RED) == hash(Color.RED))
try:
    Color(7)
except ValueError as e:
    print("ValueError:", e)


class Prio(IntEnum):
    LOW = auto()
    HIGH = auto()


print(Prio.LOW < Prio.HIGH, Prio.HIGH + 1, int(Prio.LOW), sorted([Prio.HIGH, Prio.LOW]))


class Perm(Flag):
    R = 4
    W = 2
    X = 1


rw = Perm.R | Perm.W
print(rw, Perm.R in rw, Perm.X in rw, list(rw), bool(Perm(0)))


class Mode(StrEnum):
    FAST = auto()
    SLOW = "slow-mode"


print(Mode.FAST, Mode.SLOW.upper(), Mode("fast") is Mode.FAST, f"{Mode.SLOW}")
try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as e:
    print("ValueError:", e)


class Shape(Enum):
    SQUARE = 2
    ALIAS = 2


print(Shape.ALIAS is Shape.SQUARE, list(Shape))
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value)


class Bits(IntFlag):
    A = 1
    B = 2


print(Bits.A | Bits.B, Bits.A | 4, Bits(3))
