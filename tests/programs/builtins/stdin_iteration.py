import sys
total = 0
count = 0
for line in sys.stdin:
    line = line.rstrip('\n')
    if not line:
        continue
    count += 1
    parts = line.split(',')
    print(count, parts, len(parts))
    total += sum(int(p) for p in parts if p.strip().lstrip('-').isdigit())
print('lines', count, 'total', total)
