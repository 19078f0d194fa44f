print((), (1,), (1, 2), ('a',), ((),), ((1,),), (None,), ([],))
print(repr((1,)), str((1,)), repr(('x', "y'", 1.5, None, True)))
print(((1, 2), [3, (4,)], {'k': (5,)}))
print(tuple(), tuple([[]]), (1, (2, (3, (4,)))))
print([(1,), (2, 3)], {(1,): (2,)})
t = ([1, 2], [3])
t[0].append(99)
print(t)
try:
    t[0] = [0]
except TypeError as e:
    print('TypeError:', e)
try:
    t[0] += [100]
except TypeError as e:
    print('TypeError:', e)
print(t)
try:
    del t[0]
except TypeError as e:
    print('TypeError:', e)
try:
    t.append(1)
except AttributeError as e:
    print('AttributeError:', e)
