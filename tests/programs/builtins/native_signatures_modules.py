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
