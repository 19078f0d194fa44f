# Natives reached with a receiver of the wrong type, through a descriptor or an
# unbound method, raise CPython's TypeError instead of panicking (issue 15), and
# argument checks of os functions (CPython's posix.* messages).
import os


def t(src):
    try:
        r = eval(src)
    except Exception as e:
        print(f"{src} -> {type(e).__name__}: {e}")
    else:
        print(f"{src} -> ok {type(r).__name__}")


C = type(compile("1", "f", "exec"))
CASES = """
C.co_name.__get__(1)
C.__dict__['co_name'].__get__(1, int)
C.co_flags.__get__('a')
C.co_varnames.__get__(None)
C.co_argcount.__get__([])
C.co_filename.__get__(b'')
compile('1', 'f', 'exec').co_name
type(t).__dict__['__code__'].__get__(1)
type(t).__dict__['__globals__'].__get__('a', str)
type(t).__dict__['__code__'].__get__(t)
type(t).__dict__['__code__'].__get__(None, type(t))
os.getcwd(1)
os.getpid(1)
os.cpu_count(1)
os.getuid(1)
os.getppid(x=1)
os.urandom()
os.urandom('a')
os.urandom(-1)
os.urandom(x=1)
os.urandom(1, 2)
os.urandom(1.5)
len(os.urandom(3))
"""
for line in CASES.strip().splitlines():
    t(line)
