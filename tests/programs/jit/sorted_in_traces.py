# sorted(xs) in traces (SORTED_SEQ) for exact lists and tuples of inline ints or
# exact strs; floats, str subclasses and mixed kinds take the builtin's way.
class S(str):
    pass
words = ["pear", "apple", "fig", "Banana", "été", "zebra", "apple"]
acc = []
for k in range(400):
    nums = [(k * 7 + i * 13) % 23 - 11 for i in range(9)]
    acc.append(sorted(nums)[k % 9])
    acc.append(sorted(tuple(words))[k % 7])
    if k % 100 == 0:
        acc.append(sorted([3, 1.5, 2]))
        acc.append(sorted([S("b"), "a"]))
        acc.append(sorted([]))
        try:
            sorted([1, "a"])
        except TypeError as e:
            acc.append(str(e))
print(acc[:12], acc[-6:], len(acc))
