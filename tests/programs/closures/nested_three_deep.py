def level1(a):
    def level2(b):
        def level3(c):
            return a * 100 + b * 10 + c
        return level3
    return level2

print(level1(1)(2)(3))
f2 = level1(4)
f3a = f2(5)
f3b = f2(6)
print(f3a(7), f3b(7), f3a(0))

def deep_nonlocal():
    x = 0
    def l2():
        def l3():
            nonlocal x
            x += 1
            return x
        return l3
    f = l2()
    f(); f(); f()
    return x
print(deep_nonlocal())

def mixed():
    a = "A"
    def m2():
        b = "B"
        def m3():
            c = "C"
            def m4():
                return a + b + c
            return m4
        return m3
    return m2
print(mixed()()()())

def counters():
    total = 0
    def make(step):
        count = 0
        def tick():
            nonlocal count, total
            count += step
            total += step
            return count, total
        return tick
    return make
mk = counters()
t1 = mk(1)
t2 = mk(5)
print(t1(), t2(), t1(), t2())
mk2 = counters()
print(mk2(2)())
