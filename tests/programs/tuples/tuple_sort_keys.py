people = [('Smith', 'John', 30), ('Doe', 'Jane', 25), ('Smith', 'Anna', 30), ('Doe', 'Adam', 40)]
print(sorted(people))
print(sorted(people, key=lambda p: (p[2], p[0])))
print(sorted(people, key=lambda p: (-p[2], p[1])))
print(sorted(people, key=lambda p: p[1], reverse=True))
grouped = {}
for last, first, age in people:
    grouped.setdefault(last, []).append((first, age))
print(grouped)
print(min(people, key=lambda p: p[2]), max(people, key=lambda p: (p[2], p[1])))
scores = [('a', 3), ('b', 1), ('c', 3), ('d', 2)]
ranked = sorted(scores, key=lambda s: s[1], reverse=True)
print(ranked)
print([name for name, _ in sorted(scores, key=lambda s: (-s[1], s[0]))])
