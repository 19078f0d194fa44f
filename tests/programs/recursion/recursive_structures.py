def depth(x):
    if isinstance(x, (list, tuple)):
        return 1 + max((depth(y) for y in x), default=0)
    if isinstance(x, dict):
        return 1 + max((depth(v) for v in x.values()), default=0)
    return 0

def deep_copy(x):
    if isinstance(x, list):
        return [deep_copy(y) for y in x]
    if isinstance(x, dict):
        return {k: deep_copy(v) for k, v in x.items()}
    return x

def deep_sum(x):
    if isinstance(x, (int, float)):
        return x
    if isinstance(x, dict):
        return sum(deep_sum(v) for v in x.values())
    return sum(deep_sum(y) for y in x)

data = {"a": [1, 2, [3, [4, 5]]], "b": {"c": 6, "d": [7, {"e": 8}]}, "f": []}
print(depth(data), deep_sum(data))
cp = deep_copy(data)
cp["a"][2][1].append(100)
print(data["a"], cp["a"], deep_sum(cp))

nested = []
cur = nested
for i in range(30):
    nxt = [i]
    cur.append(nxt)
    cur = nxt
print(depth(nested))
print(str(nested)[:40])

def to_str(x, indent=0):
    pad = "  " * indent
    if isinstance(x, dict):
        lines = []
        for k in sorted(x):
            lines.append(f"{pad}{k}:")
            lines.append(to_str(x[k], indent + 1))
        return "\n".join(lines)
    if isinstance(x, list):
        return "\n".join(to_str(y, indent) if isinstance(y, (list, dict)) else f"{pad}- {y}" for y in x) or f"{pad}(empty)"
    return f"{pad}{x}"
print(to_str(data))
