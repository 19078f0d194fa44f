"""Calls every built-in callable with hostile arguments and prints what happened.

Each call prints one line, `name(args): ok` or `name(args): ExceptionTypeName`.
Run it under CPython and under Coil and compare the outputs line by line:

    python3 tests/native_surface.py > /tmp/py.txt
    python3 tests/native_surface.py --drive target/release/coil /tmp/coil.txt
    python3 tests/native_surface.py --compare /tmp/py.txt /tmp/coil.txt

`--drive COIL OUT` runs each target under COIL in a process of its own (a crash
or hang then costs one target) and lists the targets that crashed or hung;
`--target NAME` runs one target (`coil tests/native_surface.py` runs them all);
`--sample SEED K` runs K calls per target drawn from a larger pool of values
(tests/natives.rs compares that under CPython and Coil; fuzz target `natives`
picks single calls with `resolve`).
`--modules` (before the other options) adds the functions and classes of common
standard modules (see MODULES).

Coil must never crash (panic, segfault, abort, hang) on any of these calls; where
the exception types differ is a compatibility gap, not a crash. The targets are
the callables in `builtins` and the attributes of the built-in types; callables
that read stdin, block, exit, print, or run code are skipped, and so are a few
calls that take unbounded time in CPython itself (huge powers). 2**40 stands for a
size too big to allocate: CPython raises MemoryError (or OverflowError) there.
"""

import builtins
import sys


class Hostile:
    """An object whose conversion and comparison hooks raise."""

    def __index__(self):
        raise ArithmeticError("hostile __index__")

    def __int__(self):
        raise ArithmeticError("hostile __int__")

    def __float__(self):
        raise ArithmeticError("hostile __float__")

    def __eq__(self, other):
        raise ArithmeticError("hostile __eq__")

    def __lt__(self, other):
        raise ArithmeticError("hostile __lt__")

    def __hash__(self):
        raise ArithmeticError("hostile __hash__")

    def __len__(self):
        raise ArithmeticError("hostile __len__")

    def __iter__(self):
        raise ArithmeticError("hostile __iter__")

    def __repr__(self):
        return "Hostile()"


BIG = 10**30

# name -> a fresh value each call (natives may mutate their arguments)
VALUES = [
    ("None", lambda: None),
    ("1", lambda: 1),
    ("-1", lambda: -1),
    ("10**30", lambda: BIG),
    ("2**40", lambda: 2**40),
    ("'x'", lambda: "x"),
    ("b'x'", lambda: b"x"),
    ("[]", lambda: []),
    ("()", lambda: ()),
    ("{}", lambda: {}),
    ("1.5", lambda: 1.5),
    ("nan", lambda: float("nan")),
    ("Hostile()", lambda: Hostile()),
]

class WrongHooks:
    """An object whose hooks return values of the wrong type."""

    def __index__(self):
        return "x"

    def __int__(self):
        return "x"

    def __float__(self):
        return 1

    def __len__(self):
        return -1

    def __iter__(self):
        return 1

    def __hash__(self):
        return "x"

    def __eq__(self, other):
        return WrongHooks()

    def __bool__(self):
        return 2

    def __repr__(self):
        return "WrongHooks()"


class IntSub(int):
    pass


class StrSub(str):
    pass


class ListSub(list):
    pass


def self_list():
    x = [1]
    x.append(x)
    return x


# More hostile values for the seeded sample and the fuzz target (the full run
# above stays with VALUES: its pairs grow with the square of the pool).
EXTRA_VALUES = [
    ("WrongHooks()", lambda: WrongHooks()),
    ("IntSub(3)", lambda: IntSub(3)),
    ("StrSub('ab')", lambda: StrSub("ab")),
    ("ListSub([1])", lambda: ListSub([1])),
    ("self_list()", self_list),
    ("inf", lambda: float("inf")),
    ("-2**63", lambda: -2**63),
    ("2**63", lambda: 2**63),
    ("0", lambda: 0),
    ("''", lambda: ""),
    ("[1, 'x', None]", lambda: [1, "x", None]),
    ("{1: 2}", lambda: {1: 2}),
    ("bytearray(b'ab')", lambda: bytearray(b"ab")),
    ("list(range(300))", lambda: list(range(300))),
    ("int", lambda: int),
    ("len", lambda: len),
    ("(1, 'x')", lambda: (1, "x")),
    ("True", lambda: True),
    ("-1.5", lambda: -1.5),
]

MIXED = [
    ("1", "'x'", "None"),
    ("'x'", "1", "1"),
    ("1", "1", "1"),
    ("-1", "-1", "-1"),
    ("'x'", "'x'", "'x'"),
    ("b'x'", "b'x'", "b'x'"),
    ("[]", "1", "'x'"),
    ("'x'", "()", "{}"),
    ("10**30", "1", "-1"),
    ("1", "10**30", "Hostile()"),
    ("'x'", "2**40", "'x'"),
    ("2**40", "2**40", "2**40"),
    ("Hostile()", "Hostile()", "Hostile()"),
    ("None", "None", "None"),
    ("'x'", "'x'", "1"),
    ("1.5", "nan", "1"),
]

SKIP_BUILTINS = {
    "input", "breakpoint", "exit", "quit", "help", "open", "print", "exec",
    "eval", "compile", "__import__", "__build_class__", "setattr", "delattr",
    "copyright", "credits", "license",
}

TYPES = [
    int, float, str, bytes, bytearray, list, tuple, dict, set, frozenset,
    range, slice, object, type, bool,
]


async def _coroutine():
    pass


async def _async_generator():
    yield


def async_samples():
    """A coroutine, its `__await__` wrapper, an async generator and its asend
    and athrow awaitables (closed, so nothing warns of a coroutine never
    awaited)."""
    c = _coroutine()
    w = c.__await__()
    c.close()
    g = _async_generator()
    return [c, w, g, g.asend(None), g.athrow(ValueError)]


def more_types():
    """The other classes in builtins (iterators, descriptors, exceptions), and
    the types of a few common objects, whose methods are targets too (their
    names carry a `+` so the core set above can be compared on its own)."""
    seen = set(TYPES)
    out = []
    for name in sorted(dir(builtins)):
        obj = getattr(builtins, name)
        if isinstance(obj, type) and obj not in seen:
            seen.add(obj)
            out.append(obj)
    samples = [
        iter([]), iter(()), iter(""), iter(range(0)), iter({}), iter(set()),
        {}.keys(), {}.values(), {}.items(), (x for x in ()), lambda: 0, None,
        NotImplemented, ..., len, [].append,
    ] + async_samples()
    for v in samples:
        t = type(v)
        if t not in seen:
            seen.add(t)
            out.append(t)
    return out

SKIP_ATTRS = {"__class__"}

# Calls CPython itself cannot finish quickly (numbers with ~10**30 digits).
UNBOUNDED = {"pow", "__pow__", "__rpow__", "__ipow__", "round", "__round__",
             "ipow", "factorial", "comb", "perm", "getrandbits", "randbytes",
             "randrange", "randint", "ldexp"}

# With --modules: the functions and classes of these modules (if importable)
# are targets too, named `module.name` (and `module.Class.method`).
MODULES = ["math", "cmath", "itertools", "collections", "functools", "operator", "heapq",
           "random", "array", "string", "bisect", "json", "copy", "re", "struct",
           "abc", "keyword", "types", "weakref", "time", "io", "os", "sys"]
SKIP_MODULE_ATTRS = {
    "time.sleep", "random.seed", "sys.exit", "sys.setrecursionlimit",
    "sys.settrace", "sys.setprofile", "sys.breakpointhook", "sys.displayhook",
    "sys.excepthook", "sys.unraisablehook", "sys.addaudithook", "sys._exit",
    "sys.set_int_max_str_digits", "sys.setswitchinterval", "sys.intern",
}
# io, os and sys: only functions that read state (no files, processes, exits).
SAFE_PREFIXES = {
    "io": ("io.StringIO", "io.BytesIO"),
    "os": ("os.fspath", "os.getcwd", "os.path.", "os.fsencode", "os.fsdecode",
           "os.getenv", "os.get_terminal_size", "os.cpu_count", "os.getpid",
           "os.strerror", "os.urandom"),
    "sys": ("sys.getsizeof", "sys.getrecursionlimit", "sys.getdefaultencoding",
            "sys.intern", "sys.exc_info", "sys.getrefcount",
            "sys.get_int_max_str_digits"),
    "time": ("time.time", "time.monotonic", "time.perf_counter", "time.gmtime",
             "time.strftime", "time.localtime", "time.mktime", "time.asctime",
             "time.ctime", "time.process_time", "time.thread_time"),
}


def module_targets():
    out = []
    for mname in MODULES:
        try:
            m = __import__(mname)
        except Exception:
            continue
        names = [(mname + "." + n, getattr(m, n, None)) for n in sorted(dir(m))
                 if not n.startswith("_")]
        if mname == "os":
            names += [("os.path." + n, getattr(m.path, n, None))
                      for n in sorted(dir(m.path)) if not n.startswith("_")]
        for full, obj in names:
            # random's variates loop forever on nan in CPython
            if full in SKIP_MODULE_ATTRS or obj is None or full.endswith("variate"):
                continue
            allow = SAFE_PREFIXES.get(mname)
            if allow and not full.startswith(allow):
                continue
            if isinstance(obj, type):
                if issubclass(obj, BaseException):
                    continue
                out.append((full, obj))
                for attr in sorted(dir(obj)):
                    if attr.startswith("__") and attr not in ("__init__", "__call__",
                                                              "__getitem__", "__eq__"):
                        continue
                    if attr.endswith("variate") or attr == "seed":
                        continue
                    try:
                        meth = getattr(obj, attr)
                    except Exception:
                        continue
                    if callable(meth):
                        out.append((full + "." + attr, meth))
            elif callable(obj) and not isinstance(obj, type(sys)):
                out.append((full, obj))
    return out


def targets():
    out = []
    for name in sorted(dir(builtins)):
        if name in SKIP_BUILTINS or name.startswith("_") and name != "__build_class__":
            continue
        obj = getattr(builtins, name)
        if callable(obj) and not (isinstance(obj, type) and issubclass(obj, BaseException)):
            out.append((name, obj))
    for group, prefix in ((TYPES, ""), (more_types(), "+")):
        for t in group:
            for attr in sorted(dir(t)):
                if attr in SKIP_ATTRS:
                    continue
                try:
                    obj = getattr(t, attr)
                except Exception:
                    continue
                if callable(obj):
                    out.append((prefix + t.__name__ + "." + attr, obj))
    if WITH_MODULES:
        out += module_targets()
    return out


# Keyword arguments built-ins commonly take, each tried with a few hostile values
# after a few positional argument lists.
KEYWORDS = ["key", "default", "reverse", "sep", "end", "start", "maxsplit",
            "encoding", "errors", "base", "ndigits", "length", "byteorder",
            "signed", "tabsize", "keepends", "strict", "x"]
KW_VALUES = ["None", "1", "2**40", "'x'", "Hostile()"]
KW_POSITIONAL = [(), ("1",), ("'x'",), ("[]",)]


def arg_lists():
    by_name = dict(VALUES)
    lists = [()]
    lists += [(v,) for v, _ in VALUES]
    lists += [(v, w) for v, _ in VALUES for w, _ in VALUES]
    lists += list(MIXED)
    out = [(names, [by_name[n] for n in names], None) for names in lists]
    for pos in KW_POSITIONAL:
        for k in KEYWORDS:
            for v in KW_VALUES:
                out.append((pos + (k + "=" + v,), [by_name[n] for n in pos], (k, by_name[v])))
    return out


def call_one(name, fn, names, makers, kw):
    """Makes one call and prints its line."""
    args = [m() for m in makers]
    kwargs = {kw[0]: kw[1]()} if kw else {}
    label = name + "(" + ", ".join(names) + ")"
    try:
        fn(*args, **kwargs)
        result = "ok"
    except Exception as e:
        result = type(e).__name__
    print(label + ": " + result)


def unbounded(name, names):
    """A call CPython itself cannot finish (a power of a huge number)."""
    short = name.rsplit(".", 1)[-1]
    return short in UNBOUNDED and any("10**30" in n or "2**40" in n or "2**63" in n
                                      for n in names)


def main(only=None):
    for name, fn in targets():
        if only is not None and name != only:
            continue
        for names, makers, kw in arg_lists():
            if not unbounded(name, names):
                call_one(name, fn, names, makers, kw)
                if only is not None:
                    sys.stdout.flush()
    sys.stdout.flush()


def sample(seed, k):
    """`k` argument lists per target, drawn from the pairs, triples and keywords
    of VALUES and EXTRA_VALUES by a hash of (seed, target name), so CPython and
    Coil pick the same calls for a target whatever targets each lacks (the seeded
    test in tests/natives.rs compares the two)."""
    pool = VALUES + EXTRA_VALUES
    by_name = dict(pool)
    kws = KEYWORDS
    mask = 2**64 - 1
    for name, fn in targets():
        h = seed
        for c in name:
            h = (h * 1000003 + ord(c)) & mask
        for _ in range(k):
            h = (h * 6364136223846793005 + 1442695040888963407) & mask
            r = h >> 11
            nargs = r % 4
            r //= 4
            names = []
            for _ in range(nargs):
                names.append(pool[r % len(pool)][0])
                r //= len(pool)
            kw = None
            if r % 4 == 0:
                r //= 4
                kname = kws[r % len(kws)]
                r //= len(kws)
                vname = pool[r % len(pool)][0]
                kw = (kname, by_name[vname])
                label_names = tuple(names) + (kname + "=" + vname,)
            else:
                label_names = tuple(names)
            if not unbounded(name, label_names):
                call_one(name, fn, label_names, [by_name[n] for n in names], kw)
    sys.stdout.flush()


def resolve(name):
    """The callable a target name (as targets() names it) stands for."""
    if name.startswith("+"):
        tname, _, attr = name[1:].partition(".")
        for t in more_types():
            if t.__name__ == tname:
                return getattr(t, attr)
        raise LookupError(name)
    head, _, rest = name.partition(".")
    if head in MODULES and not hasattr(builtins, head):
        obj = __import__(head)
    else:
        obj = getattr(builtins, head)
    for part in rest.split(".") if rest else []:
        obj = getattr(obj, part)
    return obj


def drive(coil, out_path):
    """Runs every target under `coil` in its own process (so a crash or hang
    loses one target, not the run), writes the combined output to out_path and
    reports the targets that crashed or hung."""
    import subprocess
    names = [name for name, _ in targets()]
    here = __file__
    crashes = []
    with open(out_path, "w") as out:
        for name in names:
            try:
                cmd = [coil, here, "--target", name] + (["--modules"] if WITH_MODULES else [])
                p = subprocess.run(cmd, capture_output=True, text=True, timeout=60)
                status, text, err = p.returncode, p.stdout, p.stderr
            except subprocess.TimeoutExpired as e:
                status, text, err = "hang", (e.stdout or b"").decode(), ""
            out.write(text)
            if status != 0:
                last = text.strip().splitlines()[-1:] or ["(nothing)"]
                tail = err.strip().splitlines()[-1:] or [""]
                crashes.append((name, status, last[0], tail[0]))
    print("targets:", len(names))
    print("crashed or hung:", len(crashes))
    for name, status, last, tail in crashes:
        print("  %s: status %s after %r: %s" % (name, status, last, tail))


def compare(ref_path, other_path):
    """Prints the agreement between two outputs of this script."""
    def load(path):
        d = {}
        with open(path) as f:
            for line in f:
                label, _, result = line.rstrip("\n").rpartition(": ")
                d[label] = result
        return d
    ref, other = load(ref_path), load(other_path)
    common = [k for k in ref if k in other]
    same = sum(1 for k in common if ref[k] == other[k])
    print("calls in reference:", len(ref))
    print("calls in both:", len(common))
    print("only in reference:", len(ref) - len(common))
    print("same exception type (or both ok):", same)
    if common:
        print("agreement: %.1f%%" % (100.0 * same / len(common)))
    diffs = {}
    for k in common:
        if ref[k] != other[k]:
            fname = k.split("(", 1)[0]
            diffs[fname] = diffs.get(fname, 0) + 1
    worst = sorted(diffs.items(), key=lambda kv: (-kv[1], kv[0]))[:40]
    for fname, n in worst:
        print("  %5d  %s" % (n, fname))


WITH_MODULES = "--modules" in sys.argv
if WITH_MODULES:
    sys.argv.remove("--modules")

if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "--compare":
        compare(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 4 and sys.argv[1] == "--drive":
        drive(sys.argv[2], sys.argv[3])
    elif len(sys.argv) == 3 and sys.argv[1] == "--target":
        main(sys.argv[2])
    elif len(sys.argv) == 4 and sys.argv[1] == "--sample":
        sample(int(sys.argv[2]), int(sys.argv[3]))
    else:
        main()
