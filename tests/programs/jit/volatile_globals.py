# A loop that stores globals looks its globals up by their entries' positions
# in the module's dict, under a guard that its keys are unchanged
# (src/jit/globals.rs): keys added, deleted or shadowing a builtin mid-loop.

counter = 0
total = 0
limit = 7
log = []


def bump(i):
    global counter, total
    counter += 1
    total = total + i * limit + len(log)


def run(n):
    global limit
    for i in range(n):
        bump(i)
        if i == 300:
            globals()["late" + "comer"] = 1      # a new key: positions may move
        if i == 600:
            limit = 3
        if i == 900:
            g = globals()
            g["len"] = lambda x: 100             # shadows the builtin
        if i == 1200:
            del globals()["len"]                 # the builtin again
        if i == 1500:
            del globals()["latecomer"]
    return counter, total


print(run(2000))
print(counter, total, limit, "latecomer" in globals())


def missing(n):
    global gone
    out = 0
    for i in range(n):
        gone = i
        out += gone
        if i == 150:
            del globals()["gone"]
            try:
                out += gone
            except NameError as e:
                out += 1000000
                print(e)
    return out


print(missing(400))

module_level = 0
for k in range(3000):
    module_level += k % 7
    if k == 2000:
        extra = 5
print(module_level, extra)
