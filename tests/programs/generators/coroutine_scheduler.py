from collections import deque

def worker(name, n):
    for i in range(n):
        print(f"{name} step {i}")
        yield
    return f"{name} finished"

def producer(queue, items):
    for it in items:
        queue.append(it)
        print("produced", it)
        yield
    queue.append(None)

def consumer(queue, out):
    while True:
        while not queue:
            yield
        item = queue.popleft()
        if item is None:
            return len(out)
        out.append(item * 10)
        print("consumed", item)
        yield

def run(tasks):
    ready = deque(tasks)
    results = []
    while ready:
        t = ready.popleft()
        try:
            next(t)
            ready.append(t)
        except StopIteration as e:
            results.append(e.value)
    return results

print(run([worker("A", 3), worker("B", 1), worker("C", 2)]))
q = deque()
out = []
print(run([producer(q, [1, 2, 3]), consumer(q, out)]))
print(out)
