# A branch that goes one way for 1000 iterations, then the other: the guard
# recorded for the first direction exits and the interpreter carries on.
def flip(n):
    a = 0
    b = 0
    i = 0
    while i < n:
        if i < 1000:
            a += 1
        else:
            b += 2
        i += 1
    return a, b


print(flip(5000))
count = 0
for j in range(4000):
    if j % 1000 == 999:
        count += 100
    else:
        count += 1
print(count)
