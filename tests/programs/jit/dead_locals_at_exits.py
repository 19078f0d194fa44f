# Exits leave locals that the code overwrites before reading them unwritten
# (bytecode liveness); every local read later, on any path, must still be right.
def after_loop(pairs):
    s = 0
    for a, b in pairs:
        t = a * b
        s += t
    # the last iteration's values are read after the loop
    return s, a, b, t


print(after_loop([(i, i + 1) for i in range(500)]))


def temporaries(n):
    acc = 0.0
    for i in range(n):
        x = i * 0.5
        y = x * x
        acc += y - x
    return acc


print(temporaries(3000))


def handler_reads(xs):
    last = -1
    count = 0
    for x in xs:
        last = x
        try:
            count += 10 // x
        except ZeroDivisionError:
            print("zero after", last, count)
    return count


print(handler_reads(list(range(400, 0, -1)) + [0, 5]))


def while_break(n):
    i = 0
    found = None
    while i < n:
        v = i * 7 % 1000
        if v == 999:
            found = i
            break
        i += 1
    else:
        return "none", i
    return found, v


print(while_break(5000), while_break(100))


def deleted(n):
    out = 0
    for i in range(n):
        tmp = i + 1
        out += tmp
        del tmp
    try:
        return tmp
    except UnboundLocalError:
        return out


print(deleted(2000))


def closure_cells(n):
    total = 0
    for i in range(n):
        k = i % 7
        total += k
    f = lambda: k + total
    return f()


print(closure_cells(3000))


def introspects(n):
    s = 0
    for i in range(n):
        w = i * 3
        s += w
    return sorted(locals().items())


print(introspects(1000))


def nested_loops(rows):
    best = 0
    for r in rows:
        for c in r:
            cell = c * 2
            if cell > best:
                best = cell
    return best, cell, r


print(nested_loops([[i * j % 97 for j in range(40)] for i in range(60)]))


def changes_type(n):
    s = 0
    for i in range(n):
        v = i if i < n - 10 else i * 1.5
        s = s + v
    return s, v


print(changes_type(3000))
