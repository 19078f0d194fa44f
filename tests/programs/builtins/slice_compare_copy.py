# slices compare as (start, stop, step) tuples, are unhashable, copy to
# themselves and deep-copy their parts
import copy
import pickle


def f():
    s1, s2, s3 = slice(1, 2, 3), slice(1, 2, 3), slice(1, 2, 4)
    print(s1 == s2, s1 != s3, s1 < s3, s3 >= s1, s1 == (1, 2, 3), slice(1, 2) == slice(1, 2, None))


f()
try:
    hash(slice(5))
except TypeError as e:
    print(e)
print(slice.__hash__)
s = slice([1], [2], [3])
c = copy.deepcopy(s)
print(copy.copy(s) is s, c == s, c is s, c.start is s.start, pickle.loads(pickle.dumps(s)) == s)
