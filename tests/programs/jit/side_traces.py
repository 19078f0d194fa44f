# Branchy loops and nested loops: hot exits grow side traces, inner loops get their
# own traces that outer loops link to, and loop ends are traced too.


def branchy(n):
    acc = 0
    evens = 0
    x = 1
    for i in range(n):
        x = (x * 31 + i) % 1000003
        if x & 1 == 0:
            evens += 1
        if x > 500000:
            acc += x - 500000
        else:
            acc -= x // 3
    return acc, evens, x


def nested(n):
    total = 0
    for i in range(n):
        for j in range(i % 7):
            total += i * j
        if i % 5 == 0:
            total -= 1
    return total


def while_nested(n):
    i = 0
    s = 0.0
    while i < n:
        j = 0
        while j < 3:
            s += i * 0.5 + j
            j += 1
        i += 1
    return s


def lists(n):
    data = [k * 3 % 17 for k in range(50)]
    big = 0
    small = 0
    for _ in range(n):
        for v in data:
            if v > 8:
                big += v
            else:
                small += 1
    return big, small


def late_flip(n):
    # the branch goes one way for 1000 iterations, then the other
    a = 0
    b = 0
    for i in range(n):
        if i < 1000:
            a += 1
        else:
            b += 2
    return a, b


print(branchy(20000))
print(nested(3000))
print(while_nested(2000))
print(lists(200))
print(late_flip(3000))
