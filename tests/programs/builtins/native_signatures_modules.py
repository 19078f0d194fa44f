# The natives of collections (deque, OrderedDict, defaultdict, Counter,
# namedtuple), math, functools, itertools, heapq, and of bytes, str and the
# numbers bind their arguments through declared signatures (issue 15): wrong
# counts, keywords, types and foreign receivers raise CPython's errors, worded
# as CPython words them. Each line is one call and what it raised.
import collections
import functools
import heapq
import itertools
import math
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

P = namedtuple("P", "x y")
p = P(1, 2)
d = deque([1, 2, 3])
od = OrderedDict(a=1)
dd = defaultdict(list)
c = Counter("abca")


def t(src):
    try:
        r = eval(src)
    except Exception as e:
        print(f"{src} -> {type(e).__name__}: {e}")
    else:
        r = repr(r)
        if " at 0x" in r:
            r = r.split(" at 0x")[0] + ">"
        print(f"{src} -> ok {r}"[:100])


COLLECTIONS = """
deque.append(1, 2)
deque.append(d)
deque.append(d, 1, 2)
deque.appendleft(d, x=1)
deque.pop(1)
deque.rotate(d, 'x')
deque.rotate(d, 1, 2)
deque.index(d)
deque.index(d, 9, 'a')
deque.insert(d, 'a', 1)
deque.__copy__(d, 1)
deque.__copy__(1.5j)
deque.__reversed__(d, 1)
deque.__getitem__(d, 'x')
deque.__getitem__(d, 10**30)
deque.__setitem__(d, 'x', 1)
deque.__setitem__(d)
deque.__delitem__(d, 1.5)
deque.__mul__(d)
deque.__repr__(d, 1)
deque.__repr__(1)
deque.__len__(1)
deque.__iadd__(1, [])
deque.__new__(1)
deque.__new__()
deque(1, 2, 3)
deque([], -1)
deque([], 'x')
deque(zzz=1)
deque([1]).maxlen
OrderedDict.move_to_end(1, 2)
OrderedDict.move_to_end(od)
OrderedDict.popitem(od, 1, 2)
OrderedDict.pop(od)
OrderedDict.pop(od, 1, 2, 3)
OrderedDict.setdefault(od)
OrderedDict.keys(od, 1)
OrderedDict.copy(od, 1)
OrderedDict.clear(od, 1)
OrderedDict.update(od, 1, 2)
OrderedDict.get(od)
OrderedDict.__reversed__(od, 1)
OrderedDict.__init__(1)
OrderedDict.__init__()
OrderedDict(1, 2)
OrderedDict.__repr__(od, 1)
OrderedDict.__eq__(od, 1)
defaultdict(1)
defaultdict(None, 1, 2)
defaultdict(None, {}, 2)
defaultdict.__init__()
defaultdict.__missing__(dd)
defaultdict.__missing__(defaultdict(), 1)
defaultdict.copy(dd, 1)
defaultdict.__copy__(1.5j)
defaultdict.get(dd)
defaultdict.update(dd, 1, 2)
defaultdict.keys(dd, 1)
defaultdict.pop(dd)
defaultdict.__repr__(dd, 1)
Counter(1, 2)
Counter(iterable=5)
c.update(1, 2)
c.subtract(1, 2)
c.most_common(1, 2)
c.most_common(n=1)
c.elements(1)
c.total(1)
c.copy(1)
c.__add__()
c.__add__(1, 2)
c.__add__(zzz=1)
c.__sub__(Counter('a'))
c.__missing__()
c.__missing__(1, 2)
c.__repr__(1)
c.__pos__(1)
Counter.__neg__(c)
P._make()
P._make(1, 2)
P._make([1])
p._replace(1)
p._replace(z=1)
p._asdict(1)
p.__getnewargs__(1)
p.count()
p.index()
p.index(1, 'a')
P.x.__get__(5)
P.x.__get__(None, 6) is P.x
P.x.__get__()
P.__new__(P, 1)
P.__new__(int, 1, 2)
P(1, 2, 3)
P(1, 2, z=3)
namedtuple()
namedtuple('a', 'b', 'c')
namedtuple('a', 'b', zzz=1)
namedtuple('a', 'b', rename=True)
namedtuple(typename='a', field_names='b c')
"""
for line in COLLECTIONS.strip().splitlines():
    t(line)

K = functools.cmp_to_key(lambda a, b: 0)
f = functools.lru_cache(lambda x: x)
pl = functools.partial(max, 1)
MODULES = """
math.log()
math.log(1, 2, 3)
math.log(x=1)
math.log(8, 2)
math.log2()
math.log10(1, 2)
math.ldexp(1)
math.ldexp(1, 1.5)
math.trunc()
math.trunc(x=1)
math.factorial(1, 2)
math.comb(1)
math.isqrt('a')
math.hypot(x=1)
math.gcd(1.5)
math.lcm(2, 3, z=1)
math.dist([1])
math.fsum()
math.prod()
math.prod([1], 2)
math.prod([2], start=3)
math.floor()
math.sqrt('x')
functools.reduce()
functools.reduce(1, 2, 3, 4)
functools.reduce(max, 5)
functools.partial()
functools.partial(1)
functools.partial.__call__(1)
functools.partial(len).__call__()
pl(2, key=None)
functools.partial.__repr__(pl, 1)
functools.cache()
functools.cache(1, 2)
functools.lru_cache(1, 2, 3)
functools.lru_cache(zzz=1)
f.cache_info(1)
f.cache_clear(x=1)
f.__get__()
K()
K(1, 2)
K(1, z=2)
K(obj=1) < K(2)
K(1) < 1
K(1).__lt__()
functools.wraps()
functools.wraps(len, [1])(len)
functools.update_wrapper(1)
functools.update_wrapper(max, len, [1])
heapq.heappush([])
heapq.heappush(1, 2)
heapq.heappop(1)
heapq.heappop([], 1)
heapq.heapreplace([], 1)
heapq.heappushpop([], 1)
heapq.heapify(x=[])
heapq.nlargest(1)
heapq.nsmallest(1, [3, 1, 2], key=None)
heapq.nlargest(1, [3], zzz=1)
itertools.count.__repr__(1)
itertools.count().__repr__(1)
itertools.repeat(1).__length_hint__(2)
itertools.repeat.__length_hint__(1)
itertools.chain.__next__(1)
"""
for line in MODULES.strip().splitlines():
    t(line)

mv = memoryview(b"abcd")
ba = bytearray(b"xyz")
TYPES = """
mv.cast()
mv.cast(1)
mv.cast('B', zzz=1)
mv.cast('B', (2, 2), 3)
mv.__getitem__()
mv.__getitem__('x')
mv.__eq__(b'abcd')
mv.__enter__(1)
bytes.__mul__(b'ab', 2)
bytes.__mul__(b'ab')
bytes.__getitem__(b'ab', 'x')
bytes.__contains__(b'ab', 300)
bytes.__mod__(b'%d', 'x')
bytes.__add__(b'a', 1)
bytearray.__setitem__(ba, 0)
bytearray.__setitem__(ba, 0, 300)
bytearray.__delitem__(ba, 'x')
str.__contains__('ab', 1)
str.__getitem__('ab', 'x')
str.__add__('a', 1)
str.__mod__('%d', 'x')
str.__mul__('a')
str.__lt__('a', 1)
str.maketrans()
str.maketrans(1)
str.maketrans('ab', 'c')
str.maketrans('ab', 'cd', 1)
str.maketrans({'a': 1}, 'b')
(1).to_bytes()
(1).to_bytes(2)
(1).to_bytes(2, 'big', True)
(1).to_bytes(2, 'little', signed=True)
(1).to_bytes(length=2)
(1).to_bytes(1.5)
(1).to_bytes(-1)
(1).to_bytes(2, 'x')
(1).to_bytes(2, 1)
(1).to_bytes(2, 'big', 1, 2)
(1).to_bytes(zzz=1)
(1).to_bytes(2**70)
(-1).to_bytes(1)
int.from_bytes()
int.from_bytes(b'\\x01\\x00')
int.from_bytes(b'\\x01', 'little', True)
int.from_bytes(b'\\xff', signed=True)
int.from_bytes(1)
int.from_bytes('ab')
int.from_bytes([1, 2], 'x')
int.from_bytes([256])
int.from_bytes(b'', 'big', signed=True, zzz=1)
int.from_bytes(bytes=b'\\x01')
int.from_bytes(b'', 1)
int.from_bytes(b'\\x01', 'big', 1, 2)
int.from_bytes(memoryview(b'\\x01\\x02'))
int.from_bytes(iter([1, 2]))
int.from_bytes([1.5])
bool(x=1)
bool(1, 2)
bool.__new__(bool, 1, 2)
bool.__new__()
float(x=1)
float(1, 2)
float.__new__(float)
float.__new__(1)
float.fromhex()
float.fromhex(1)
int.__add__(1)
int.__add__(1, 2, 3)
int.__divmod__(7, 2)
int.__lt__(1, 'a')
int.__repr__(True)
bool.__and__(True, 1)
complex(1, 2, 3)
complex(1, real=2)
complex(zzz=1)
complex(imag=2)
complex('1', 2)
complex.__pow__(1j, 2, 3)
complex.__pow__(1j)
complex.__add__(1j, 'a')
complex.__lt__(1j, 1)
complex.__format__(1j, 1)
complex.__format__(1j)
"""
for line in TYPES.strip().splitlines():
    t(line)

from array import array

ar = array("i", [1, 2, 3])
ARRAY = """
ar.append()
ar.append(1, 2)
ar.append(x=1)
ar.extend()
ar.fromlist()
ar.fromlist(1)
ar.insert(1)
ar.insert('x', 1)
ar.pop(1, 2)
ar.pop('x')
ar.remove()
ar.index()
ar.index(1, 'a')
ar.index(2, 0, 1)
ar.index(3, -1)
ar.count()
ar.reverse(1)
ar.tolist(1)
ar.tobytes(1)
ar.frombytes()
ar.frombytes(1)
ar.tounicode(1)
ar.buffer_info(1)
ar.__copy__(1)
array()
array('i', [], 1)
array('i', x=1)
array(1)
array('z')
ar.__iadd__(1)
array.__mul__(ar)
array.append(1, 2)
array.__repr__(ar, 1)
array.__len__(1)
array.typecode.__get__(1)
"""
for line in ARRAY.strip().splitlines():
    t(line)

import types

g = list[int]
u = int | str
ALIASES = """
types.GenericAlias()
types.GenericAlias(1, 2, 3)
types.GenericAlias(list, int, x=1)
types.GenericAlias(list, int)
g.__mro_entries__()
g.__mro_entries__(1, 2)
g.__mro_entries__(())
type(g).__repr__()
type(g).__repr__(1)
type(g).__repr__(g)
type(g).__call__(1)
type(g).__call__(g, [1])
type(g).__eq__(1, 2)
type(g).__eq__(g, list[int])
type(g).__or__(1, 2)
type(g).__or__(g, None)
type(g).__iter__(1)
type(g).__getitem__(g, int)
type(g).__instancecheck__(g, 1)
type(u).__repr__(1)
type(u).__repr__(u)
type(u).__hash__(1)
type(u).__eq__(u, int | str)
type.__or__(int, 1)
type.__ror__(int, str)
"""
for line in ALIASES.strip().splitlines():
    t(line)

import sys
import weakref


def tt(src):
    # only the exception's type: the wording differs from CPython's here
    try:
        eval(src)
    except Exception as e:
        print(f"{src} -> {type(e).__name__}")
    else:
        print(f"{src} -> ok")


for src in [
    "types.SimpleNamespace.__repr__()",
    "weakref.ref.__repr__()",
    "type(sys.version_info).__repr__()",
    "collections.OrderedDict.__repr__()",
    "itertools.count.__repr__()",
]:
    tt(src)


class A:
    pass


wa = A()
for src in ["weakref.ref()", "weakref.ref(wa, None, 3)", "weakref.ref(wa, zzz=1)",
            "weakref.ref(wa)(1)", "weakref.ref(wa)() is wa", "weakref.ref.__hash__(1)",
            "weakref.ref(wa).__eq__(1)"]:
    t(src)
tt("weakref.ref.__callback__.__get__(None, weakref.ref)()")

EXCEPTIONS = """
ValueError(1).with_traceback()
ValueError(1).with_traceback(None, 2)
ValueError(1).add_note()
ValueError(1).add_note(1)
KeyError(1).__str__(1)
OSError(1, 2, 3).strerror
SyntaxError('m', (1, 2, 3, 4)).lineno
SyntaxError('m', (1, 2))
StopIteration(5).value
BaseException.__repr__(ValueError(1))
json.encoder.encode_basestring_ascii()
json.encoder.encode_basestring_ascii(1, 2)
types.SimpleNamespace(1)
types.SimpleNamespace(a=1) == types.SimpleNamespace(a=1)
"""
import json.encoder

for line in EXCEPTIONS.strip().splitlines():
    t(line)
