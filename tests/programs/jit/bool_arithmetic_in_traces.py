# Bools in int arithmetic in traced loops (`hits += x in seen`): each bool is
# 0 or 1, its type guarded; bools with floats and big ints go the general way.


def run(n):
    seen = {1, 5, 9}
    words = ["a", "bb", "a"]
    t = c = 0
    f = 0.0
    big = 2 ** 62
    for i in range(n):
        t += (i % 10) in seen
        c = c + (i % 3 == 0) * 2 - (i % 7 == 1)
        t += True + (i > 5)
        t -= False * i
        t += (words[i % 3] is words[0]) - (i % 2 == 0)
        f += (i % 4 == 0) + 0.5
        if i % 1000 == 0:
            big = big + (i > 0)
        x = i % 5 == 0
        t += x * x + x - x
    return t, c, f, big, True + True, True * -3, False - True


print(run(30000))
print(run(7))
