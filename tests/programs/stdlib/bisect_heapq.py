import bisect, heapq
a = [1, 3, 3, 3, 5, 8]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 3))
print(bisect.bisect_left(a, 0), bisect.bisect_right(a, 100), bisect.bisect_left(a, 4))
bisect.insort(a, 4)
bisect.insort_left(a, 3)
bisect.insort_right(a, 9)
print(a)
def grade(score, breakpoints=[60, 70, 80, 90], grades="FDCBA"):
    return grades[bisect.bisect(breakpoints, score)]
print([grade(s) for s in [33, 99, 77, 70, 89, 90, 100]])

h = []
for v in [5, 1, 8, 3, 2, 9]:
    heapq.heappush(h, v)
print(h[0], len(h))
print([heapq.heappop(h) for _ in range(3)], h[0])
data = [9, 4, 7, 1, 8, 2]
heapq.heapify(data)
print(data[0], sorted(data))
print(heapq.heappushpop(data, 0), heapq.heappushpop(data, 10))
print(heapq.heapreplace(data, 5), sorted(data))
nums = [15, 3, 9, 27, 1, 8, 22]
print(heapq.nlargest(3, nums), heapq.nsmallest(2, nums))
print(heapq.nlargest(2, ["aa", "b", "cccc"], key=len))
print(list(heapq.merge([1, 4, 7], [2, 5, 8], [0, 9])))
pq = []
for pri, task in [(3, "low"), (1, "urgent"), (2, "mid"), (1, "also urgent")]:
    heapq.heappush(pq, (pri, task))
while pq:
    print(heapq.heappop(pq))
try:
    heapq.heappop([])
except IndexError as e:
    print("IndexError:", e)
