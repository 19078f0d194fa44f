stack = []
for i in range(5):
    stack.append(i * i)
print(stack)
while stack:
    print('pop', stack.pop(), 'left', stack)
queue = ['a', 'b', 'c']
queue.append('d')
print(queue.pop(0), queue.pop(0), queue)
from collections import deque
dq = deque([1, 2, 3])
dq.appendleft(0)
dq.append(4)
print(list(dq), dq.popleft(), dq.pop(), list(dq))
matrix = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]
print([list(row) for row in zip(*matrix)])
print([row[::-1] for row in matrix])
print([matrix[i][i] for i in range(3)], sum(sum(r) for r in matrix))
flat = [x for row in matrix for x in row]
print(flat, flat[::4])
