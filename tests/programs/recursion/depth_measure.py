import sys
sys.setrecursionlimit(3000)

count = 0
def probe():
    global count
    count += 1
    probe()

try:
    probe()
except RecursionError:
    pass
print("depth reached near limit:", 2900 < count <= 3000)

def safe_depth(n, limit):
    if n >= limit:
        return n
    return safe_depth(n + 1, limit)
print(safe_depth(0, 2500))
try:
    safe_depth(0, 5000)
except RecursionError as e:
    print("too deep:", e)
sys.setrecursionlimit(1000)
try:
    safe_depth(0, 2500)
except RecursionError:
    print("2500 too deep after lowering limit")
print(safe_depth(0, 500))
