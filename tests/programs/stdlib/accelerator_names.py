# The accelerator module names of the natively implemented bisect, heapq and
# operator import too (test.support's import_fresh_module(..., fresh=['_bisect'])
# imports them).
import _bisect, _heapq, _operator
print(_bisect.bisect_left([1, 2, 3], 2), _bisect.bisect_right([1, 2, 2, 3], 2))
h = [5, 1, 4]
_heapq.heapify(h)
_heapq.heappush(h, 0)
print(h[0], _heapq.heappop(h))
print(_operator.add(2, 3), _operator.itemgetter(1)("ab"), _operator.attrgetter("real")(5))
import sys
del sys.modules["_bisect"]
print(__import__("_bisect").insort_left is not None)
