data = ["1", "2", "x", "4", "", "6"]
total = 0
errors = []
for s in data:
    try:
        total += int(s)
    except ValueError as e:
        errors.append(str(e))
        continue
    finally:
        pass
print(total, errors)

results = []
i = 0
while True:
    try:
        results.append(10 // (3 - i))
    except ZeroDivisionError:
        results.append("div0")
        break
    finally:
        i += 1
print(results, i)

def find(items, target):
    for idx, x in enumerate(items):
        try:
            if x == target:
                raise StopIteration(idx)
        except StopIteration as s:
            return s.value
    return -1
print(find("abcdef", "d"), find("abc", "z"))

attempts = 0
def flaky():
    global attempts
    attempts += 1
    if attempts < 3:
        raise ConnectionError(f"attempt {attempts} failed")
    return "success"
for _ in range(5):
    try:
        print(flaky())
        break
    except ConnectionError as e:
        print("retry:", e)
else:
    print("gave up")

out = []
for x in [1, 0, 2]:
    try:
        out.append(1 / x)
    except ZeroDivisionError:
        out.append(None)
    else:
        out.append("ok")
print(out)
