# The stdlib typing module: aliases, TypeVar/Generic, NamedTuple, get_type_hints, Protocol.
from typing import (List, Dict, Optional, Union, Any, Callable, TypeVar, Generic,
                    NamedTuple, Tuple, get_type_hints, cast, overload, Protocol, Iterable)
import typing
T = TypeVar("T")
print(List[int], Dict[str, List[int]], Optional[int], Union[int, str], Callable[[int], str])
print(Optional[int] == Union[int, None], T, Tuple[int, ...], Any)
class Box(Generic[T]):
    def __init__(self, item: T):
        self.item = item
    def get(self) -> T:
        return self.item
b = Box[int](3)
print(b.get(), Box[int], Box.__parameters__)
class Point(NamedTuple):
    x: int
    y: int = 0
p = Point(1)
print(p, p._replace(y=5), Point._fields, p.x + p.y)
def f(a: int, b: "str" = "x") -> List[str]:
    return [b] * a
print(get_type_hints(f), cast(int, "3"))
print(typing.get_origin(List[int]), typing.get_args(Dict[str, int]))
class Greeter(Protocol):
    def greet(self) -> str: ...
print(isinstance([], Iterable), issubclass(list, typing.Sequence))
