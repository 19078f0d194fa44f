def helper(n):
    return n * 2
print(helper(21))
values = [1, 2, 3]
print(sum(values))
print(undefined_name + 1)
