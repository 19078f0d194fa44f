# An int loop whose accumulator outgrows the 48-bit inline range mid-loop: the
# trace's overflow guard exits and the interpreter promotes to a big int.
def grow(n):
    x = 1
    i = 0
    while i < n:
        x = x + x
        i += 1
    return x


for n in (10, 46, 47, 48, 60, 100):
    print(n, grow(n))
total = 0
for i in range(3000):
    total = total + i * i * i * i
print(total)
