log = []
def resource(name):
    log.append("open " + name)
    try:
        for i in range(3):
            yield f"{name}{i}"
    finally:
        log.append("close " + name)

for x in resource("A"):
    print(x)
print(log)
log.clear()

for x in resource("B"):
    print(x)
    if x == "B1":
        break
print(log)
log.clear()

g = resource("C")
print(next(g))
g.close()
print(log)
log.clear()

def gen_with_exc():
    for i in range(5):
        try:
            if i == 2:
                raise ValueError(i)
            yield i
        except ValueError as e:
            yield f"handled {e}"
print(list(gen_with_exc()))

def gen_with():
    class CM:
        def __enter__(self):
            print("enter")
            return self
        def __exit__(self, *a):
            print("exit", a[0])
            return False
    with CM():
        yield 1
        yield 2
g = gen_with()
print(next(g))
g.close()
print(list(gen_with()))
