import sys

def down(n):
    return down(n + 1) + 1

try:
    down(0)
except RecursionError as e:
    print(type(e).__name__ + ":", e)

def mutual_a(n):
    return mutual_b(n + 1)
def mutual_b(n):
    return mutual_a(n + 1)
try:
    mutual_a(0)
except RecursionError as e:
    print("mutual:", e)

class Node:
    def __init__(self):
        self.next = self
    def length(self):
        return 1 + self.next.length()
try:
    Node().length()
except RecursionError as e:
    print("method:", e)
print("limit is", sys.getrecursionlimit())
print("recovered:", sum(range(100)))
