# list.pop and list.insert in hot loops: helpers for exact lists, with indexes
# out of range and empty lists raising inside the loop.

def run(n):
    a = [1, 2, 3]
    st = []
    out = []
    for i in range(n):
        a.insert(-1 if i % 3 else 100, a.pop(0))
        st.append(i)
        if i % 4 == 3:
            out.append(st.pop() + st.pop(-2) + st.pop(0))
        try:
            [].pop() if i == n - 1 else None
        except IndexError as e:
            out.append(str(e))
        try:
            a.pop(99) if i == n - 2 else None
        except IndexError as e:
            out.append(str(e))
        a.insert(2.5 if i == n - 3 else 1, 0) if False else None
    return a, out[-4:], st[-3:]
print(run(500))
