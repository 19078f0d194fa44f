# range(start, stop, step) made in traces (RANGE3): negative and varying steps,
# a zero step raising ValueError.
t = 0
out = []
for k in range(400):
    for q in range(10, 0, -3):
        t += q
    for q in range(k % 7, 40, k % 5 + 1):
        t += q
    s = (k % 3) - 1
    try:
        r = range(0, 10, s)
        out.append(len(r))
    except ValueError as e:
        out.append(str(e))
    out.append(list(range(k, k - 9, -4)))
print(t, out[:8], out[-4:])
