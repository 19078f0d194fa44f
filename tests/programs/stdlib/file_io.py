import os
path = f"/tmp/coil_{os.getpid()}_file_io.txt"
with open(path, "w") as f:
    n = f.write("first line\n")
    f.write("second line\n")
    f.write("third line without newline")
print("wrote", n)
print(os.path.exists(path))
with open(path) as f:
    content = f.read()
print(repr(content))
with open(path) as f:
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
    print(repr(f.readline()))
with open(path, "r") as f:
    print(f.readlines())
with open(path) as f:
    for i, line in enumerate(f):
        print(i, line.rstrip("\n"))
with open(path, "a") as f:
    f.write("\nappended")
with open(path) as f:
    lines = f.read().splitlines()
print(lines, len(lines))
f = open(path, "w")
f.write("x=1\ny=2\n")
f.close()
print(f.closed)
with open(path) as f:
    pairs = dict(line.strip().split("=") for line in f)
print(pairs)
with open(path, "w") as f:
    print("via print", 42, file=f)
    f.writelines(["a\n", "b\n"])
with open(path) as f:
    print(f.read().split("\n"))
os.remove(path)
print(os.path.exists(path))
print(os.path.join("dir", "sub", "file.txt"))
try:
    open(path)
except FileNotFoundError as e:
    print("FileNotFoundError", e.errno)
