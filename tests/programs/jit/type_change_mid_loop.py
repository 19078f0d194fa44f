# Values change type after the loop got hot: int -> float, float -> int, and a
# list that becomes a tuple.
def accumulate(values):
    s = 0
    for v in values:
        s = s + v
    return s


print(accumulate(list(range(2000)) + [0.5, 1.25]))
print(accumulate([1.5] * 1500 + [2, 3]))
seq = list(range(100))
t = 0
for k in range(3000):
    if k == 2000:
        seq = tuple(seq)
    t += seq[k % 100]
print(t, type(seq).__name__)


def mixed(n):
    x = 0
    for i in range(n):
        if i == n // 2:
            x = float(x)
        x = x + 1
    return x


print(mixed(4000))
