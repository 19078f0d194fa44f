class Student:
    def __init__(self, name, grade):
        self.name, self.grade = name, grade
    def __lt__(self, other):
        if self.grade != other.grade:
            return self.grade > other.grade
        return self.name < other.name
    def __repr__(self):
        return f"{self.name}:{self.grade}"

roster = [Student("Eve", 88), Student("Bob", 95), Student("Al", 88), Student("Cy", 70), Student("Di", 95)]
print(sorted(roster))
print(sorted(roster, reverse=True))
roster.sort()
print(roster[0], roster[-1])
print(min(roster), max(roster))
print(sorted(roster, key=lambda s: s.name))
import heapq
h = []
for s in [Student("Z", 1), Student("Y", 99), Student("X", 50)]:
    heapq.heappush(h, s)
print([heapq.heappop(h) for _ in range(3)])
class Rev:
    def __init__(self, v): self.v = v
    def __lt__(self, o): return self.v > o.v
    def __repr__(self): return str(self.v)
print(sorted(Rev(x) for x in [3, 1, 4, 1, 5, 9, 2, 6]))
pairs = [(2, "b"), (1, "z"), (2, "a"), (1, "a")]
print(sorted(pairs))
class NoLt: pass
try:
    sorted([NoLt(), NoLt()])
except TypeError as e:
    print("TypeError:", e)
