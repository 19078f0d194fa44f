# Built-in iterators, ranges, slices and builtin functions pickle and resume where
# they were; __length_hint__ counts what is left
import pickle, copy, operator
def rt(it):
    return list(pickle.loads(pickle.dumps(it)))
it = iter([1,2,3,4]); next(it); print(rt(it), list(it))
it = iter((1,2,3)); next(it); print(rt(it))
it = iter(range(10, 0, -3)); next(it); print(rt(it), operator.length_hint(it))
it = iter("héllo"); next(it); next(it); print(rt(it), operator.length_hint(it))
it = iter(b"abc"); next(it); print(rt(it))
it = iter({1:2, 3:4, 5:6}); next(it); print(rt(it), operator.length_hint(it))
it = iter({1, 2, 3}); next(it); print(len(rt(it)), operator.length_hint(it))
print(pickle.loads(pickle.dumps(range(3, 9, 2))), pickle.loads(pickle.dumps(slice(1, None, -1))))
print(pickle.loads(pickle.dumps(len)) is len, pickle.loads(pickle.dumps(operator.add)) is operator.add, len.__reduce__())
it = zip('ab', 'cd', strict=True); print(it.__reduce__()[2], list(pickle.loads(pickle.dumps(it))))
it = reversed([1,2,3]); next(it); print(rt(it), operator.length_hint(it))
it = enumerate("abc", 5); next(it); print(rt(it))
it = zip("ab", "cd"); print(rt(it))
it = map(abs, [-1, -2]); print(rt(it))
it = filter(None, [0, 1, 2]); print(rt(it))
it = iter([1]); next(it); print(rt(it), it.__reduce__()[1])
print(copy.copy(iter([5, 6]))is not None)
