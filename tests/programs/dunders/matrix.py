class Matrix:
    def __init__(self, rows):
        self.rows = [list(r) for r in rows]
        self.n = len(rows)
        self.m = len(rows[0]) if rows else 0
    @classmethod
    def identity(cls, n):
        return cls([[1 if i == j else 0 for j in range(n)] for i in range(n)])
    def __repr__(self):
        return f"Matrix({self.rows})"
    def __str__(self):
        w = max(len(str(x)) for r in self.rows for x in r)
        return "\n".join(" ".join(str(x).rjust(w) for x in r) for r in self.rows)
    def __getitem__(self, idx):
        i, j = idx
        return self.rows[i][j]
    def __setitem__(self, idx, v):
        i, j = idx
        self.rows[i][j] = v
    def __eq__(self, o):
        return isinstance(o, Matrix) and self.rows == o.rows
    __hash__ = None
    def __add__(self, o):
        return Matrix([[a + b for a, b in zip(r1, r2)] for r1, r2 in zip(self.rows, o.rows)])
    def __matmul__(self, o):
        return Matrix([[sum(self.rows[i][k] * o.rows[k][j] for k in range(self.m))
                        for j in range(o.m)] for i in range(self.n)])
    def __mul__(self, k):
        if isinstance(k, Matrix):
            return self @ k
        return Matrix([[x * k for x in r] for r in self.rows])
    __rmul__ = __mul__
    def __pow__(self, p):
        r = Matrix.identity(self.n)
        for _ in range(p):
            r = r @ self
        return r
    def transpose(self):
        return Matrix(list(zip(*self.rows)))

a = Matrix([[1, 2], [3, 4]])
b = Matrix([[0, 1], [1, 0]])
print(a)
print(repr(a + b))
print(a @ b)
print(a * b == a @ b, 2 * a == a * 2)
print(a ** 3)
print(Matrix.identity(3))
a[0, 1] = 9
print(a[0, 1], a.rows)
print(a.transpose())
fib = Matrix([[1, 1], [1, 0]]) ** 30
print(fib[0, 1])
try:
    hash(a)
except TypeError as e:
    print("TypeError:", e)
print(Matrix([[1, 2, 3]]) @ Matrix([[1], [2], [3]]))
