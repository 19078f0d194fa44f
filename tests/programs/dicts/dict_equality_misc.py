print({'a': 1, 'b': 2} == {'b': 2, 'a': 1}, {'a': 1} == {'a': 1.0}, {} == {}, {1: 2} != {1: 3})
try:
    {1: 2} < {1: 3}
except TypeError as e:
    print('TypeError:', e)
d = {'k': 'v'}
print('k' in d, 'v' in d, 'v' in d.values(), len(d), bool({}), bool(d))
print(list({'b': 1, 'a': 2}), sorted({'b': 1, 'a': 2}), max({'b': 1, 'a': 2}), min({3: 0, 1: 0}))
print(sorted({'x': 3, 'y': 1, 'z': 2}.items(), key=lambda kv: kv[1]))
print(sum({1: 'a', 2: 'b'}), list(map(str, {5: 0})), [k for k in {'q': 1}])
inv = {v: k for k, v in {'a': 1, 'b': 2}.items()}
print(inv)
word_counts = {}
for w in 'the cat and the hat and the bat'.split():
    word_counts[w] = word_counts.get(w, 0) + 1
print(word_counts)
print(sorted(word_counts.items(), key=lambda kv: (-kv[1], kv[0])))
try:
    hash({})
except TypeError as e:
    print('TypeError:', e)
print(isinstance({}, dict), type({}).__name__, dict.__name__)
