def infinite(n):
    return infinite(n + 1)

try:
    infinite(0)
except RecursionError as e:
    print("RecursionError:", e)
    print(isinstance(e, RuntimeError))

def depth_counter():
    depth = 0
    def go():
        nonlocal depth
        depth += 1
        go()
    try:
        go()
    except RecursionError:
        return depth
d = depth_counter()
print(d > 500, d < 5000)

def still_works():
    return sum(range(10))
print(still_works())

class Weird:
    def __repr__(self):
        return repr(self)
try:
    repr(Weird())
except RecursionError as e:
    print("repr recursion:", type(e).__name__)
lst = [1]
lst.append(lst)
print(lst)
d = {"a": 1}
d["self"] = d
print(d)
