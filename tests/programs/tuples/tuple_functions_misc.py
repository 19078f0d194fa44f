def stats(nums):
    return min(nums), max(nums), sum(nums) / len(nums)
lo, hi, avg = stats((4, 8, 15, 16, 23, 42))
print(lo, hi, avg)
def args_tuple(*args):
    return args, type(args).__name__, len(args)
print(args_tuple(), args_tuple(1), args_tuple(1, 'a', None))
points = [(3, 4), (-1, 2), (0, 0), (5, -5)]
print(sorted(points, key=lambda p: p[0] ** 2 + p[1] ** 2))
print([x for x, _ in points], [y for _, y in points])
print(tuple(p[0] + p[1] for p in points), sum(map(sum, points)))
print(list(enumerate(points))[1], dict(points), set(points) == set(reversed(points)))
t = (1, 2, 3)
print(t.__len__(), t.__getitem__(0), t.__contains__(2), t + t[::-1], t * 2 == t + t)
print(tuple(range(0)), tuple(reversed(t)), tuple(sorted(t, reverse=True)), tuple(map(str, t)))
a = b = ()
print(a is b, a == b, () == (), len(()))
print((1, 2, 3)[1:], (1, 2, 3)[5:], ((1, 2), 3)[0][1])
