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


# The same flip with an arm that is not plain arithmetic (a method call), so the
# branch stays a guard rather than being if-converted, and its exit is taken.
def flip_calls(n):
    seen = []
    b = 0
    for i in range(n):
        if i < 1000:
            b += 1
        else:
            seen.append(i)
    return b, len(seen), seen[-1]


print(flip_calls(3000))
