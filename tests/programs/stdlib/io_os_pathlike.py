# io.BytesIO, io.TextIOWrapper over a buffer, io.open of a descriptor, os.PathLike,
# os.fspath, os.scandir/walk/stat and tempfile/pathlib on top of them.
import io, os, tempfile, pathlib
b = io.BytesIO(b"ab\ncd\nef")
print(b.readline(), b.read(2), b.tell(), b.seek(0, 2), b.read(), b.getvalue())
b.seek(1); b.write(b"XYZ"); print(b.getvalue(), b.truncate(2), b.getvalue())
print(isinstance(b, io.BufferedIOBase), isinstance(b, io.IOBase), io.DEFAULT_BUFFER_SIZE)
t = io.TextIOWrapper(io.BytesIO("h\u00e9llo\r\nw\u00f6rld\nend".encode()), encoding="utf-8")
print(repr(t.readline()), repr(t.read()), t.encoding)
w = io.BytesIO()
tw = io.TextIOWrapper(w, encoding="latin-1", newline="\r\n")
print(tw.write("a\nb\u00e9"), tw.flush(), w.getvalue())
class P:
    def __init__(self, p): self.p = p
    def __fspath__(self): return self.p
print(os.fspath(P("/x")), isinstance(P("a"), os.PathLike), issubclass(str, os.PathLike))
try:
    os.fspath(3)
except TypeError as e:
    print("TypeError", e)
with tempfile.TemporaryDirectory() as d:
    p = pathlib.Path(d) / "f.txt"
    p.write_text("one\ntwo\n")
    (pathlib.Path(d) / "sub").mkdir()
    print(p.read_text().split(), p.stat().st_size, os.path.getsize(P(str(p))))
    print(sorted(e.name for e in os.scandir(d)), sorted(e.is_dir() for e in os.scandir(d)))
    print([(os.path.relpath(r, d), sorted(ds), sorted(fs)) for r, ds, fs in os.walk(d)])
    fd = os.open(os.path.join(d, "raw"), os.O_WRONLY | os.O_CREAT, 0o600)
    print(os.write(fd, b"bytes!"), os.close(fd))
    with io.open(os.open(os.path.join(d, "raw"), os.O_RDONLY), "rb") as f:
        print(f.read(), f.closed)
    with tempfile.TemporaryFile("w+") as f:
        f.write("temp"); f.seek(0); print(f.read())
    st = os.stat(p)
    print(type(st).__name__, st.st_size, st[6], isinstance(st.st_mtime, float), isinstance(st[8], int))
