matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([[row[i] for row in matrix] for i in range(3)])
print([x for row in matrix for x in row if x % 2])
print([[x * 2 for x in row] for row in matrix if sum(row) > 6])
print({i: {j: i * j for j in range(1, 3)} for i in range(1, 3)})
print([(i, j, k) for i in range(2) for j in range(2) for k in range(2) if i + j + k == 2])
print([[c for c in w] for w in ['ab', 'cd']])
print(sum([[1, 2], [3]], []), [y for x in [[1, [2]], [3, [4]]] for y in x[1]])
pascal = [[1]]
for _ in range(5):
    prev = pascal[-1]
    pascal.append([1] + [prev[i] + prev[i + 1] for i in range(len(prev) - 1)] + [1])
for row in pascal:
    print(row)
print([n for n in range(2, 40) if all(n % d for d in range(2, int(n ** 0.5) + 1))])
print(list(zip(*[[1, 2, 3], ['a', 'b', 'c']])))
