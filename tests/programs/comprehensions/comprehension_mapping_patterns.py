students = [('ann', 88), ('bob', 72), ('cid', 95), ('dee', 61)]
print({name: 'pass' if score >= 70 else 'fail' for name, score in students})
print([name for name, score in students if score > 80])
print(max(students, key=lambda s: s[1])[0], sum(s for _, s in students) / len(students))
buckets = {}
for name, score in students:
    buckets.setdefault(score // 10 * 10, []).append(name)
print(buckets)
print({k: len(v) for k, v in sorted(buckets.items())})
text = 'one two three two one two'
freq = {w: text.split().count(w) for w in text.split()}
print(freq, sorted(freq, key=freq.get, reverse=True))
print([list(range(n)) for n in range(4)])
print([(x, x ** 2, x ** 3) for x in range(1, 5)])
print(['even' if n % 2 == 0 else 'odd' for n in range(5)])
print([s for s in ('', 'a', None, 'b', 0) if s])
