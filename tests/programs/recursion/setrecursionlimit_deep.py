import sys
print(sys.getrecursionlimit())
sys.setrecursionlimit(10000)
print(sys.getrecursionlimit())

def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)

print(depth(5000))

def sum_list(lst, i=0):
    if i == len(lst):
        return 0
    return lst[i] + sum_list(lst, i + 1)
print(sum_list(list(range(4000))))

def build(n):
    return None if n == 0 else (n, build(n - 1))
def length(node):
    return 0 if node is None else 1 + length(node[1])
chain = build(3000)
print(length(chain))
