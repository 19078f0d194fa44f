//! The stress features a generated loop body combines (see `super::programs`):
//! type changes mid-loop, ints crossing into big ints, flipping branches, calls
//! inlined 1-3 deep, changing attribute layouts and methods, list/tuple swaps,
//! exceptions raised in inlined calls (caught in the loop or in the callee's own
//! `try`, or re-raised into an outer handler), generators, rebound globals, shadowed
//! builtins, inner loops, objects built and combined through dunder methods
//! (residual calls in traces: class calls, `__add__`, `__eq__`, `__hash__`,
//! objects escaping on some iterations, calls deeper than the inlining limit,
//! recursion, a dunder swapped mid-loop), class-level counters, Python
//! `__getitem__`, Counter/defaultdict items, tuple comparisons and `del lst[i]`
//! (application shapes), generators (pipelines inlined into traces,
//! genexprs, one left half-way), functions with short loops (function-entry
//! traces), tuples packed and unpacked (never allocated in traces) and an
//! uncaught exception mid-loop. Each uses names
//! suffixed with its id `j` only, so features combine freely. With `jit` set a
//! feature picks variants the trace recorder can compile (no builtin calls but
//! `len`, no object construction, no generators in the body), so the
//! loop really runs as a trace and its changes become guard exits.

use super::programs::{Choices, Feature};

/// One feature for a loop of `n` iterations; `raised` limits uncaught exceptions
/// to one per program.
pub fn feature(c: &mut Choices, j: usize, n: usize, jit: bool, raised: &mut bool) -> Feature {
    // an iteration in the loop, where a change happens
    let k = c.below(n.max(1));
    match c.below(20) {
        0 => type_change(c, j, k),
        1 => big_int(c, j),
        2 => flip_branch(c, j, k),
        3 => inlined_calls(c, j, k),
        4 => attributes(c, j, k, jit),
        5 => list_tuple(c, j, jit),
        6 => except_in_loop(c, j),
        7 if !jit => generator(c, j),
        8 => global_rebind(c, j, k),
        9 => shadow_builtin(c, j, k, jit),
        10 if !jit => inner_loop(c, j),
        11 if !*raised && c.chance(50) => {
            *raised = true;
            uncaught(c, j, k, jit)
        }
        7 | 10 => flip_branch(c, j, k),
        13 => residual_objects(c, j, k),
        14 => generators_in_traces(c, j, k),
        15 => function_entry(c, j, k),
        16 => tuples(c, j, k),
        17 => operators_and_helpers(c, j, k),
        18 => closures_and_drains(c, j, k),
        19 => application_shapes(c, j, k),
        _ => containers(c, j, jit),
    }
}

/// What application code does to its objects and containers: a class-level
/// counter bumped in `__init__`, a Python `__getitem__` (replaced at `k`),
/// Counter and defaultdict items (a key that is not plain at `k`), tuple
/// comparisons (a tuple of other items at `k`, raising TypeError), `del
/// lst[i]` (out of range at `k`).
fn application_shapes(c: &mut Choices, j: usize, k: usize) -> Feature {
    let m = 2 + c.below(5);
    let defs = format!(
        "from collections import Counter, defaultdict
class A{j}:
    made = 0
    def __init__(self, x):
        A{j}.made += 1
        self.x = x
    def __getitem__(self, key):
        return self.x * key
"
    );
    let body = match c.below(5) {
        0 => format!(
            "a{j} = A{j}(i)
acc{j} = acc{j} + a{j}[2] + A{j}.made % 5
if i == {k}:
    A{j}.__getitem__ = lambda s, key: -key
"
        ),
        1 => format!(
            "cn{j}[i % {m}] += 1
if i == {k}:
    cn{j}[(i, 'k')] += 5
acc{j} = acc{j} + cn{j}[i % {m}] + (i % 3 in cn{j})
"
        ),
        2 => format!(
            "t{j} = (i % {m}, str(i % 3)) if i != {k} else (None, i)
try:
    acc{j} = acc{j} + (t{j} < (2, '1')) + 2 * (t{j} == (1, '1'))
except TypeError:
    acc{j} = acc{j} + 100
"
        ),
        3 => format!(
            "w{j} = list(range({m} + 2))
try:
    del w{j}[i % {m} if i != {k} else {m} + 5]
except IndexError:
    acc{j} = acc{j} - 1
acc{j} = acc{j} + len(w{j}) + w{j}[-1]
"
        ),
        _ => format!(
            "dd{j}[str(i % {m})].append(i)
acc{j} = acc{j} + len(dd{j}[str(i % {m})])
"
        ),
    };
    Feature {
        defs,
        setup: format!(
            "acc{j} = 0
cn{j} = Counter()
dd{j} = defaultdict(list)
"
        ),
        body,
        state: vec![
            format!("acc{j}"),
            format!("A{j}.made"),
            format!("sorted(cn{j}.items(), key=str)[:4]"),
            format!("len(dd{j})"),
        ],
        globals: vec![],
    }
}

/// User objects in the loop: made by class calls, combined through dunder
/// methods, kept on some iterations only, hashed into a dict; calls four deep
/// (past the inlining limit) and recursive (also past the unrolling limit,
/// with exceptions crossing nested runs), made and combined inside a function
/// (instances traces need not make), kept on some iterations; at iteration
/// `k` the class's `__add__` may be replaced.
fn residual_objects(c: &mut Choices, j: usize, k: usize) -> Feature {
    let m = 2 + c.below(5);
    let defs = format!(
        "class V{j}:\n    def __init__(self, a):\n        self.a = a\n    def __add__(self, o):\n        return V{j}(self.a + (o.a if isinstance(o, V{j}) else o))\n    def __eq__(self, o):\n        return isinstance(o, V{j}) and self.a == o.a\n    def __hash__(self):\n        return hash(self.a % {m})\n    def __lt__(self, o):\n        if isinstance(o, str):\n            return NotImplemented\n        return self.a < (o.a if isinstance(o, V{j}) else o)\n\
         def g{j}_4(x):\n    return V{j}(x)\ndef g{j}_3(x):\n    return g{j}_4(x + 1)\ndef g{j}_2(x):\n    return g{j}_3(x * 2)\ndef g{j}_1(x):\n    return g{j}_2(x) + 1\n\
         def r{j}(n):\n    return 0 if n <= 0 else n + r{j}(n - 1)\n\
         def h{j}(x):\n    t = V{j}(x) + V{j}(1)\n    u = t + t\n    if x % {m} == 0:\n        kept{j}.append(u)\n    u.a = u.a + 1\n    return u.a + t.a\n\
         def rt{j}(n, k):\n    if n <= 0:\n        if k == 3:\n            raise KeyError(n)\n        return (n, k * 0.5 if k == 1 else k)\n    here = n * 3 % 7\n    left = rt{j}(n - 1, k)\n    if n % 4 == k % 4:\n        try:\n            return (rt{j}(n - 2, k + 1)[0] + here, left[1])\n        except KeyError:\n            return (here, -1)\n    return (left[0] + here, left[1])\n"
    );
    let body = match c.below(7) {
        0 => format!(
            "v{j} = V{j}(i)\nacc{j} = acc{j} + v{j}\nif i % {m} == 0:\n    kept{j}.append(v{j})\n"
        ),
        // instances made and combined inside an inlined call (virtual in
        // traces), one kept on some iterations and changed after
        6 => format!("acc{j} = acc{j} + h{j}(i)\n"),
        // comparison dunders: `>` through the reflected `__lt__`, an int on
        // the right, `!=` through object's `__ne__` (`__eq__` negated, its
        // False for an int), a NotImplemented ending in TypeError
        4 => format!(
            "w{j} = V{j}(i % {m} * 3)\nif w{j} > V{j}(acc{j}.a % 7) or w{j} < i % 5:\n    kept{j}.append(w{j}.a)\nif w{j} != V{j}(i % 4) and w{j} != i % 3:\n    acc{j} = acc{j} + 2\nif i % 9 == {k} % 9:\n    try:\n        w{j} < 's'\n    except TypeError:\n        acc{j} = acc{j} + 1\n"
        ),
        1 => format!("acc{j} = acc{j} + g{j}_1(i)\nd{j}[V{j}(i)] = i\n"),
        2 => format!(
            "acc{j} = acc{j} + r{j}(i % 7)\nif V{j}(i % {m}) == V{j}(0):\n    kept{j}.append(acc{j})\n"
        ),
        // recursion past the unrolling limit (nested runs of one trace, each
        // in its own `vals` window), a value kept across the recursive call,
        // an int turning float at some depths, a KeyError raised deep and
        // caught a few frames up
        3 => format!(
            "try:\n    acc{j} = acc{j} + rt{j}(i % 13, (i + {k}) % 5)[0]\nexcept KeyError:\n    acc{j} = acc{j} + 1000\n"
        ),
        _ => format!(
            "if i == {k}:\n    V{j}.__add__ = lambda s, o: V{j}(s.a - 1)\nacc{j} = acc{j} + V{j}(i)\n"
        ),
    };
    Feature {
        defs,
        setup: format!("acc{j} = V{j}(0)\nkept{j} = []\nd{j} = {{}}\n"),
        body,
        state: vec![
            format!("acc{j}.a"),
            format!("len(kept{j})"),
            format!("sorted(v.a % 97 for v in d{j})"),
        ],
        globals: vec![],
    }
}

/// Generators in the loop: a pipeline the loop iterates (its resumptions are
/// inlined into the loop's trace), a genexpr a builtin consumes (a loop leaving at
/// its yield), a generator left half-way by a `break` and resumed by the next
/// iteration, one raising inside, a filter skipping items irregularly, calls
/// inside generators (with no effect, inlined: record/pure_calls.rs; or
/// appending to a list, left calls); at iteration `k` the yielded values
/// change type.
fn generators_in_traces(c: &mut Choices, j: usize, k: usize) -> Feature {
    let defs = format!(
        "def gsrc{j}(n, k):\n    i = 0\n    while i < n:\n        yield i if i != k else i * 1.5\n        i += 1\n\
         def gmap{j}(it):\n    for x in it:\n        yield x * 2 + 1\n\
         def gfilt{j}(it):\n    for x in it:\n        if x % 3:\n            yield x\n\
         def graise{j}(n, k):\n    for i in range(n):\n        yield 10 // (i - k % 5)\n\
         def gpick{j}(it):\n    for x in it:\n        if (x * 7919) % 11 < 5:\n            yield x\n\
         def gsq{j}(x, k):\n    return x * x if x != k else x * 0.5\n\
         def gdiv{j}(x, k):\n    return 10 // (x - k % 5)\n\
         def gnote{j}(x):\n    gl{j}.append(x)\n    return x\n\
         class GP{j}:\n    def __init__(self, v):\n        self.v = v\n    @property\n    def w(self):\n        return gsq{j}(self.v, 2)\n"
    );
    let body = match c.below(7) {
        // calls inside generators (inlined when they have no effect, every
        // exit in them re-running the call: record/pure_calls.rs): a
        // helper's result turning float at `k`, a property over it, a
        // division raising, a helper appending to a list
        5 => format!(
            "acc{j} = acc{j} + sum(gsq{j}(x, {k} % 9) for x in range(i % 9))\n\
             for x{j} in (gsq{j}(y, i % 4) + p.w for y, p in zip(range(3), gp{j})):\n    acc{j} = acc{j} + x{j}\n"
        ),
        6 => format!(
            "try:\n    acc{j} = acc{j} + sum(gdiv{j}(x, i) for x in range(i % 7))\nexcept ZeroDivisionError:\n    acc{j} = acc{j} - 1\n\
             acc{j} = acc{j} + sum(gnote{j}(x) for x in range(2)) + len(gl{j}) % 7\n"
        ),
        0 => format!(
            "for x{j} in gfilt{j}(gmap{j}(gsrc{j}(i % 9, {k} % 9))):\n    acc{j} = acc{j} + x{j}\n"
        ),
        1 => format!("acc{j} = acc{j} + sum(x * x for x in range(i % 11) if x != {k} % 11)\n"),
        2 => format!(
            "for x{j} in long{j}:\n    acc{j} = acc{j} + x{j}\n    if x{j} % 5 < 2:\n        break\n"
        ),
        3 => format!(
            "try:\n    for x{j} in gmap{j}(graise{j}(i % 7, {k})):\n        acc{j} = acc{j} + x{j}\nexcept ZeroDivisionError:\n    acc{j} = acc{j} - 1\n"
        ),
        // a filter in no regular pattern (its exits grow side traces inside the
        // generators), feeding a chain reduced by a power of two (wrapping words)
        _ => format!(
            "for x{j} in gpick{j}(gsrc{j}(i % 40 + 20, {k})):\n    acc{j} = (acc{j} * 1103515245 + x{j}) % 2147483648\n"
        ),
    };
    Feature {
        defs,
        setup: format!(
            "acc{j} = 0\nlong{j} = gmap{j}(gsrc{j}(1000000, {k}))\ngl{j} = []\ngp{j} = [GP{j}(v) for v in range(3)]\n"
        ),
        body,
        state: vec![format!("acc{j}")],
        globals: vec![],
    }
}

/// A function with a short loop and an early return, called from the loop (not
/// inlined: it has a loop), so it gets a function-entry trace with the loop
/// unrolled; at iteration `k` its argument changes type.
fn function_entry(c: &mut Choices, j: usize, k: usize) -> Feature {
    let t = c.below(7);
    let defs = format!(
        "def fe{j}(xs, t):\n    n = 0\n    for x in xs:\n        if x == t:\n            return -n\n        n += x\n    return n\n"
    );
    let body =
        format!("acc{j} = acc{j} + fe{j}(lst{j}[i % 5:i % 5 + 4], {t} if i != {k} else {t}.5)\n");
    Feature {
        defs,
        setup: format!("acc{j} = 0\nlst{j} = [3, 1, 4, 1, 5, 9, 2, 6, 5]\n"),
        body,
        state: vec![format!("acc{j}")],
        globals: vec![],
    }
}

/// Tuples in the loop: returned by an inlined call and unpacked at once (the
/// trace never allocates them), indexed with constants, holding fresh
/// instances, kept on some iterations only; at iteration `k` an item changes
/// type.
fn tuples(c: &mut Choices, j: usize, k: usize) -> Feature {
    let m = 2 + c.below(9);
    let defs = format!(
        "def tp{j}(a, b):\n    return b, (a + b) % 1009\n\
         class TC{j}:\n    def __init__(self, v):\n        self.v = v\n\
         def tq{j}(a):\n    return (TC{j}(a), TC{j}(a + 1))\n"
    );
    let body = match c.below(4) {
        // a tuple of fresh instances (neither made in traces), one pair kept
        // whole and read later
        3 => format!(
            "p{j}, q{j} = tq{j}(x{j} if i != {k} else x{j} * 0.5)\nw{j} = (p{j}, i)\nx{j} = (p{j}.v + q{j}.v + w{j}[1]) % 1009\nif i % {m} == 0:\n    kept{j}.append(w{j})\nif kept{j} and i % {m} == 1:\n    y{j} = kept{j}[-1][0].v + kept{j}[-1][1]\n"
        ),
        0 => format!(
            "x{j}, y{j} = tp{j}(x{j}, y{j} if i != {k} else y{j} + 0.5)\nif i % {m} == 0:\n    kept{j}.append((x{j}, y{j}))\n"
        ),
        1 => format!(
            "t{j} = (i, x{j}) if i != {k} else (i, x{j} * 1.0)\nx{j} = (t{j}[-1] + t{j}[0]) % 1009\nif i % {m} == 0:\n    kept{j}.append(t{j})\n"
        ),
        _ => format!(
            "a{j}, b{j}, c{j} = (x{j}, i, {m}) if i != {k} else (x{j}, i * 1.0, {m})\nx{j} = (a{j} + b{j} * c{j}) % 1009\n"
        ),
    };
    Feature {
        defs,
        setup: format!("x{j} = 1\ny{j} = 2\nkept{j} = []\n"),
        body,
        state: vec![
            format!("x{j}"),
            format!("y{j}"),
            format!("len(kept{j})"),
            format!(
                "[t if not isinstance(t, tuple) or not t or not isinstance(t[0], TC{j}) else (t[0].v, t[1]) for t in kept{j}[-3:]]"
            ),
        ],
        globals: vec![],
    }
}

/// Inlined operator dunders that return NotImplemented at iteration `k` (the
/// reflected method or a TypeError then), and the helpers' shapes: slices,
/// f-strings, str and dict operations, loops over `enumerate`, `zip` and strs,
/// str methods, with a value of another type at `k`.
fn operators_and_helpers(c: &mut Choices, j: usize, k: usize) -> Feature {
    let m = 2 + c.below(7);
    let defs = format!(
        "class P{j}:
    def __init__(self, a):
        self.a = a
    def __sub__(self, o):
        if not isinstance(o, P{j}):
            return NotImplemented
        return P{j}(self.a - o.a)
    def __mul__(self, k):
        return P{j}(self.a * k)
    def __repr__(self):
        return 'P{j}(%r)' % (self.a,)
         class Q{j}:
    def __rsub__(self, o):
        return P{j}(-1)
         class R{j}:
    keys = []
    def __getitem__(self, key):
        R{j}.keys.append(key)
        return (key.start, key.stop, key.step)
"
    );
    let body = match c.below(7) {
        0 => format!(
            "o{j} = P{j}(1) if i != {k} else Q{j}()
p{j} = (p{j} - o{j}) * 1 if i % {m} else p{j} * 1.0
kept{j}.append(p{j}.a)
"
        ),
        1 => format!(
            "o{j} = P{j}(i) if i != {k} else {m}
try:
    p{j} = P{j}(i) - o{j}
except TypeError as e:
    kept{j}.append(str(e))
"
        ),
        2 => format!(
            "s{j} = 'abcdefgh'[i % {m}:] if i != {k} else 'xyz'[::-1]
kept{j}.append(f'{{s{j}}}:{{i:03d}}' + s{j}[-1:] + str(len(s{j})))
d{j}[s{j}[:1]] = d{j}.get(s{j}[:1], 0) + 1
"
        ),
        3 => format!(
            "w{j} = [i, i % {m}] if i != {k} else [i]
w{j}[:1] = w{j}[::-1]
kept{j}.append(w{j}[0] if 'a' < 'b{j}' else None)
"
        ),
        4 => format!(
            "t{j} = 0
for q{j}, x{j} in enumerate(range(i % {m}) if i != {k} else 'xy', 5):
    t{j} += q{j}
for x{j}, y{j} in zip('abcd'[: i % {m}], (1, 2, 3)):
    t{j} += ord(x{j}) * y{j}
kept{j}.append(t{j})
"
        ),
        // the sequence and a bound come out of lists unguarded: the slicing
        // helper meets the R or the float itself, and the exit makes the
        // slice the trace never made (jit/sunk.rs)
        5 => format!(
            "if i == {k}:
    zs{j}[1] = R{j}()
    bs{j}[2] = 2.5
z{j} = zs{j}[i % 2]
b{j} = bs{j}[i % 3]
try:
    kept{j}.append(z{j}[b{j}:b{j} + {m}])
    kept{j}.append(z{j}[::-{m}][:2])
except TypeError:
    kept{j}.append('type')
kept{j}.append(len(R{j}.keys) - len(set(map(id, R{j}.keys))))
"
        ),
        _ => format!(
            "s{j} = ' Ab_Cd, ef ' * (i % {m}) if i != {k} else 7
try:
    kept{j}.append(s{j}.strip().lower().replace('_', '-', 1).split(',')[:2])
except AttributeError:
    kept{j}.append('attr')
"
        ),
    };
    Feature {
        defs,
        setup: format!(
            "p{j} = P{j}(0)
kept{j} = []
d{j} = {{}}
zs{j} = [list(range(9)), 'abcdefghi']
bs{j} = [0, 1, 2]
"
        ),
        body,
        state: vec![
            format!("p{j}"),
            format!("len(kept{j})"),
            format!("kept{j}[-3:]"),
            format!("sorted(d{j}.items())"),
        ],
        globals: vec![],
    }
}

/// Closures made anew on each iteration (inlined by code, their cells read from
/// whichever closure is called; at iteration `k` a cell holds a float), `next`
/// of a generator (resumed inline) and generators drained by `sum`/`set`/
/// `list` (their yields feeding a sink), or by `tuple`/`set`/`list` recorded
/// whole into the loop's trace (record/drains.rs), where at iteration `k` an
/// item turns float, a set item is a tuple (its hash not the fast path's), and
/// the genexpr raises (caught around the call).
fn closures_and_drains(c: &mut Choices, j: usize, k: usize) -> Feature {
    let m = 2 + c.below(6);
    let defs = format!(
        "def mk{j}(s):
    return lambda v: v * s if v > 1 else v - s
def counter{j}():
    n = 0
    def inc(step):
        nonlocal n
        n += step
        return n
    return inc
def gen{j}():
    i = 0
    while True:
        yield i if i != {k} else 0.5
        i += 1
"
    );
    let body = match c.below(5) {
        4 => format!(
            "t{j} = tuple(v * {m} + (1 if v != i % 7 or i != {k} else 0.5) for v in row{j})
s{j} = set((v, i) if i == {k} else v % {m} for v in row{j})
acc{j} += len(s{j}) + t{j}[i % 7] + len(list(w for w in t{j} if w != {k}))
try:
    acc{j} += sum(list(10 // (v + 1 - (i == {k}) * 4) for v in row{j}))
except ZeroDivisionError:
    acc{j} -= 1
"
        ),
        0 => format!(
            "f{j} = mk{j}(i % {m} if i != {k} else 0.5)
acc{j} += f{j}(3) + f{j}(i % 3)
"
        ),
        1 => format!(
            "acc{j} += next(g{j}) + next(h{j}, -1)
"
        ),
        2 => format!(
            "acc{j} += sum(x * (i % {m}) for x in range(i % 5))
acc{j} += len(set(x % {m} for x in range(i % 9))) + len(list(y for y in (1, 2.5, i) if y != {k}))
"
        ),
        _ => format!(
            "c{j} = counter{j}() if i % {m} == 0 else c{j}
acc{j} += c{j}(1 if i != {k} else 0.25)
"
        ),
    };
    Feature {
        defs,
        setup: format!(
            "acc{j} = 0
g{j} = gen{j}()
row{j} = tuple(range(7))
h{j} = iter(range({m}))
c{j} = counter{j}()
"
        ),
        body,
        state: vec![format!("acc{j}")],
        globals: vec![],
    }
}

/// `2**e + d` as a literal (`**` is not traced).
fn lit(e: u32, d: i128) -> String {
    ((1i128 << e) + d).to_string()
}

fn f(setup: String, body: String, state: &[String]) -> Feature {
    Feature {
        setup,
        body,
        state: state.to_vec(),
        ..Feature::default()
    }
}

fn type_change(c: &mut Choices, j: usize, k: usize) -> Feature {
    let init = c.pick(&["0", "1", "-3", "True"]);
    let k2 = k + c.below(20);
    let body = match c.below(4) {
        0 => format!("x{j} = x{j} + (1 if i < {k} else 0.5)\n"),
        1 => format!("if i == {k}:\n    x{j} = x{j} * 1.0\nx{j} = x{j} * 3 // 2 - i\n"),
        2 => format!("x{j} = x{j} + i if i % {} else x{j} / 3\n", 2 + c.below(5)),
        _ => format!(
            "v{j} = i if i < {k} else (i * 1.0 if i < {k2} else i > {k})\nx{j} = x{j} + v{j}\n"
        ),
    };
    f(format!("x{j} = {init}\n"), body, &[format!("x{j}")])
}

fn big_int(c: &mut Choices, j: usize) -> Feature {
    let start = [
        lit(47, -5),
        lit(63, -5),
        (-(1i128 << 47) + 5).to_string(),
        lit(62, 0),
        lit(46, 0),
        lit(64, -3),
        (-(1i128 << 63) + 2).to_string(),
        "7".to_string(),
    ][c.below(8)]
    .clone();
    let step = [
        "1".to_string(),
        "3".to_string(),
        lit(40, 0),
        (-(1i128 << 41)).to_string(),
        lit(61, 0),
    ][c.below(5)]
    .clone();
    let bits = c.pick(&[47, 48, 62, 63, 64, 65]);
    let (mask, top, p70, m66) = (lit(bits, -1), lit(bits, 0), lit(70, 0), lit(66, 0));
    let body = match c.below(4) {
        0 => format!("b{j} = b{j} + {step}\n"),
        1 => format!("b{j} = b{j} * 2 if b{j} < {p70} else b{j} // 3\n"),
        2 => format!("b{j} = ((b{j} << 1) | (i & 1)) & {mask}\n"),
        _ => format!("b{j} = b{j} - i * {step}\nif b{j} < -{m66}:\n    b{j} = -b{j} // 5\n"),
    };
    let body = if c.chance(40) {
        format!("{body}h{j} = (h{j} + b{j} % 1000003) ^ (b{j} >> {bits})\n")
    } else {
        format!("{body}h{j} = h{j} + (b{j} > {top})\n")
    };
    f(
        format!("b{j} = {start}\nh{j} = 0\n"),
        body,
        &[format!("b{j}"), format!("h{j}")],
    )
}

fn flip_branch(c: &mut Choices, j: usize, k: usize) -> Feature {
    let m = 2 + c.below(6);
    let r = c.below(m);
    let cond = match c.below(5) {
        0 => format!("i < {k}"),
        1 => format!("i % {m} == {r}"),
        2 => format!("(i // {}) % 2 == 0", k.max(1)),
        3 => format!("i >= {k}"),
        _ => format!("c{j} > {}", k as i64 - 20),
    };
    let d = c.below(4);
    let body = if c.chance(30) {
        format!(
            "if {cond}:\n    c{j} = c{j} + i\nelif i % 3 == 1:\n    c{j} = c{j} * 2\nelse:\n    c{j} = c{j} - {d}\n"
        )
    } else {
        format!("if {cond}:\n    c{j} = c{j} + i\nelse:\n    c{j} = c{j} - {d}\n")
    };
    f(format!("c{j} = 0\n"), body, &[format!("c{j}")])
}

fn inlined_calls(c: &mut Choices, j: usize, k: usize) -> Feature {
    let depth = 1 + c.below(3);
    let mut defs = String::new();
    for l in 1..=depth {
        let cst = c.below(5);
        let ret = if l == depth {
            match c.below(4) {
                0 => format!("a + {cst}"),
                1 => format!("a * 2 if a < {k} else a - 1"),
                2 => "-a".to_string(),
                _ => format!("a * {cst} + b"),
            }
        } else {
            let next = l + 1;
            // (keyword arguments and defaults inlined too: bound by name at
            // recording time)
            match c.below(4) {
                0 => format!("f{j}_{next}(a + 1, b) + {cst}"),
                1 => format!("f{j}_{next}(a, {cst}) * 2"),
                2 => format!("f{j}_{next}(a - b, b=b + 1)"),
                _ => format!("f{j}_{next}(a - b)"),
            }
        };
        defs.push_str(&format!("def f{j}_{l}(a, b=1):\n    return {ret}\n"));
    }
    let arg = match c.below(4) {
        0 => "i".to_string(),
        1 => format!("i if i < {k} else i * 0.5"),
        2 => format!("i if i < {k} else i + {}", lit(62, 0)),
        _ => format!("i if i != {k} else True"),
    };
    Feature {
        defs,
        setup: format!("s{j} = 0\n"),
        body: format!("s{j} = s{j} + f{j}_1({arg}, 1)\n"),
        state: vec![format!("s{j}")],
        globals: vec![],
    }
}

fn attributes(c: &mut Choices, j: usize, k: usize, jit: bool) -> Feature {
    let defs = format!(
        "class C{j}:\n    def __init__(self, a):\n        self.a = a\n    def m(self, v):\n        return self.a + v\nclass D{j}(C{j}):\n    def m(self, v):\n        return self.a - v\ndef m{j}(self, v):\n    return self.a * 2 - v\ndef mi{j}(v):\n    return v + 1\n"
    );
    let mut body = format!("t{j} = t{j} + o{j}.m(i)\n");
    if c.chance(50) {
        body.push_str(&format!("o{j}.a = o{j}.a + 1\n"));
    }
    let events = [
        format!("if i == {k}:\n    o{j}.extra = i\n"),
        format!("if i == {k}:\n    C{j}.m = m{j}\n"),
        format!("if i == {k}:\n    o{j} = p{j}\n"),
        format!(
            "if i % {} == 0:\n    o{j} = q{j}\nelse:\n    o{j} = r{j}\n",
            2 + c.below(5)
        ),
        format!("if i == {k}:\n    o{j}.a = o{j}.a * 0.5\n"),
        format!("if i == {k}:\n    C{j}.z = 5\n"),
        format!("if i == {k}:\n    o{j}.m = mi{j}\n"),
        format!("if i == {k}:\n    o{j} = C{j}(i)\n"),
    ];
    let n_events = events.len() - jit as usize;
    for _ in 0..1 + c.below(3) {
        body.push_str(&events[c.below(n_events)]);
    }
    if jit {
        body.push_str(&format!("t{j} = t{j} + o{j}.a\n"));
    } else {
        body.push_str(&format!(
            "t{j} = t{j} + getattr(o{j}, \"extra\", 0) + getattr(o{j}, \"z\", 0)\n"
        ));
    }
    Feature {
        defs,
        setup: format!(
            "o{j} = C{j}(1)\np{j} = D{j}(2)\nq{j} = C{j}(3)\nr{j} = D{j}(4)\nt{j} = 0\n"
        ),
        body,
        state: vec![
            format!("t{j}"),
            format!("o{j}.a"),
            format!("type(o{j}).__name__"),
            format!("getattr(o{j}, \"extra\", None)"),
        ],
        globals: vec![],
    }
}

fn list_tuple(c: &mut Choices, j: usize, jit: bool) -> Feature {
    let m = 2 + c.below(5);
    let swap = match c.below(if jit { 2 } else { 4 }) {
        0 => format!("if i % {m} == 0:\n    l{j} = lt{j}\nelse:\n    l{j} = ll{j}\n"),
        1 => format!("l{j} = lt{j} if l{j} is ll{j} else ll{j}\n"),
        2 => format!("if i % {m} == 0:\n    l{j} = tuple(l{j})\nelse:\n    l{j} = list(l{j})\n"),
        _ => format!("if i % {m} == 0:\n    l{j} = (i, i + 1, 2)\nelse:\n    l{j} = [i, 2, 3]\n"),
    };
    let use_ = match c.below(if jit { 3 } else { 4 }) {
        0 => format!("u{j} = u{j} + l{j}[i % 3] + len(l{j})\n"),
        1 => format!("p{j}, q{j}, r{j} = l{j}\nu{j} = u{j} + p{j} * q{j} - r{j}\n"),
        2 => format!("if l{j} is ll{j}:\n    ll{j}[0] = i % 7\nu{j} = u{j} + l{j}[0] + l{j}[-1]\n"),
        _ => format!("for e{j} in l{j}:\n    u{j} = u{j} + e{j}\n"),
    };
    f(
        format!("ll{j} = [1, 2, 3]\nlt{j} = (4, 5.5, 6)\nl{j} = ll{j}\nu{j} = 0\n"),
        format!("{swap}{use_}"),
        &[format!("l{j}"), format!("u{j}")],
    )
}

fn except_in_loop(c: &mut Choices, j: usize) -> Feature {
    let m = 2 + c.below(6);
    let r = c.below(m);
    let fail = match c.below(4) {
        0 => format!("    if v % {m} == {r}:\n        raise ValueError(\"bad \" + str(v))\n"),
        1 => format!("    v = v + 100 // (v % {m} - {r})\n"),
        2 => format!("    v = v + {{0: 1, 1: 2}}[v % {m}]\n"),
        _ => format!("    v = v + [1, 2, 3][v % {m}]\n"),
    };
    let mut defs = format!("def g{j}_1(v):\n{fail}    return v * 2\n");
    let mut top = 1;
    for l in 2..=1 + c.below(3) {
        defs.push_str(&format!(
            "def g{j}_{l}(v):\n    return g{j}_{}(v + 1) - 1\n",
            l - 1
        ));
        top = l;
    }
    if c.chance(40) {
        // a `try` inside the (inlined) callee: exits rebuild its frame with
        // the handler block, whose handler the interpreter then runs
        defs.push_str(&format!(
            "def g{j}_{}(v):\n    try:\n        return g{j}_{top}(v)\n    except (ValueError, ZeroDivisionError) as ex:\n        return -len(str(ex))\n    except LookupError:\n        return -7\n",
            top + 1
        ));
        top += 1;
    }
    let mut body = if c.chance(35) {
        // raised again from a handler in the loop (a fresh exception with
        // `__context__`, or the same one by a bare `raise`), into an outer
        // handler in the loop
        let again = if c.chance(50) {
            "raise LookupError(\"again \" + str(ex2))"
        } else {
            "raise"
        };
        format!(
            "try:\n    try:\n        e{j} = e{j} + g{j}_{top}(i)\n    except ValueError as ex2:\n        {again}\nexcept Exception as ex:\n    e{j} = e{j} - 1\n    m{j} = type(ex).__name__ + \":\" + str(ex) + \":\" + type(ex.__context__).__name__\n"
        )
    } else {
        format!(
            "try:\n    e{j} = e{j} + g{j}_{top}(i)\nexcept Exception as ex:\n    e{j} = e{j} - 1\n    m{j} = type(ex).__name__ + \":\" + str(ex)\n"
        )
    };
    if c.chance(30) {
        body.push_str(&format!("else:\n    e{j} = e{j} + 1\n"));
    }
    if c.chance(30) {
        body.push_str(&format!("finally:\n    n{j} = n{j} + 1\n"));
    }
    Feature {
        defs,
        setup: format!("e{j} = 0\nm{j} = \"\"\nn{j} = 0\n"),
        body,
        state: vec![format!("e{j}"), format!("m{j}"), format!("n{j}")],
        globals: vec![],
    }
}

fn generator(c: &mut Choices, j: usize) -> Feature {
    let cst = 1 + c.below(4);
    let m = 2 + c.below(5);
    let defs = if c.chance(50) {
        format!("def gen{j}(n):\n    for k in range(n):\n        yield k * {cst}\n")
    } else {
        format!(
            "def gen{j}(n):\n    k = 0\n    while k < n:\n        if k % 2:\n            yield k\n        else:\n            yield -k * {cst}\n        k = k + 1\n"
        )
    };
    let body = match c.below(4) {
        0 => format!("for v{j} in gen{j}(i % {m}):\n    s{j} = s{j} + v{j}\n"),
        1 => format!("s{j} = s{j} + sum(gen{j}(i % {m}))\n"),
        2 => format!("s{j} = s{j} + sum(k * k for k in range(i % {m}))\n"),
        _ => format!("s{j} = s{j} + next(it{j}, -1)\n"),
    };
    Feature {
        defs,
        setup: format!("s{j} = 0\nit{j} = gen{j}({})\n", c.below(200)),
        body,
        state: vec![format!("s{j}")],
        globals: vec![],
    }
}

fn global_rebind(c: &mut Choices, j: usize, k: usize) -> Feature {
    let init = c.pick(&["1", "0.5", "4611686018427387904"]);
    let new = c.pick(&["2.5", "100000000000000000000", "-1", "True"]);
    let k2 = k + c.below(10);
    let mut body = format!("if i == {k}:\n    G{j} = {new}\n");
    if c.chance(50) {
        body.push_str(&format!("if i == {k2}:\n    h{j} = h{j}_alt\n"));
    }
    body.push_str(&format!("w{j} = w{j} + h{j}(i)\n"));
    Feature {
        defs: format!(
            "G{j} = {init}\ndef h{j}(a):\n    return a + G{j}\ndef h{j}_alt(a):\n    return a * 2 - G{j}\n"
        ),
        setup: format!("w{j} = 0\n"),
        body,
        state: vec![format!("w{j}"), format!("G{j}")],
        globals: vec![format!("G{j}"), format!("h{j}")],
    }
}

fn shadow_builtin(c: &mut Choices, j: usize, k: usize, jit: bool) -> Feature {
    // every shadow keeps the builtin's arity, since other instances call it too
    let (name, call, shadow) = match c.below(4) {
        0 => ("abs", format!("abs(i - {k})"), "return -p"),
        1 if jit => ("len", format!("len(lj{j}) + {k}"), "return 7"),
        1 => ("len", format!("len((i, {k}))"), "return 7"),
        2 => ("min", format!("min(i, {k})"), "return p + q"),
        _ => ("max", format!("max(i, {k})"), "return p * 2"),
    };
    let params = if matches!(name, "abs" | "len") {
        "p"
    } else {
        "p, q"
    };
    let k2 = k + c.below(10);
    Feature {
        defs: format!("def my_{name}{j}({params}):\n    {shadow}\n"),
        setup: format!("a{j} = 0\nlj{j} = [1, 2]\n"),
        body: format!("if i == {k2}:\n    {name} = my_{name}{j}\na{j} = a{j} + {call}\n"),
        state: vec![format!("a{j}")],
        globals: vec![name.to_string()],
    }
}

fn inner_loop(c: &mut Choices, j: usize) -> Feature {
    let m = 2 + c.below(5);
    let cst = 1 + c.below(3);
    let body = if c.chance(50) {
        format!("for k{j} in range(i % {m}):\n    n{j} = n{j} + k{j} * {cst}\n")
    } else {
        format!(
            "k{j} = 0\nwhile k{j} < i % {m}:\n    n{j} = n{j} + k{j} - {cst}\n    k{j} = k{j} + 1\n"
        )
    };
    f(format!("n{j} = 0\n"), body, &[format!("n{j}")])
}

/// An exception escaping the loop at iteration `k` (from an inlined call in `jit`
/// mode); the program prints what it had and ends with it.
fn uncaught(c: &mut Choices, j: usize, k: usize, jit: bool) -> Feature {
    let m = 3 + c.below(5);
    let (defs, body) = match c.below(if jit { 4 } else { 5 }) {
        0 => (String::new(), format!("z{j} = 10 // ({k} - i)\n")),
        1 => (
            format!("def y{j}(v):\n    return [1, 2, 3][v]\n"),
            format!("z{j} = z{j} + y{j}(i - {k} + 3 if i >= {k} else i % 3)\n"),
        ),
        2 => (
            format!("def y{j}(v):\n    return v % ({k} - v)\n"),
            format!("z{j} = z{j} + y{j}(i)\n"),
        ),
        3 if jit => (
            format!("def y{j}(v, d):\n    return d[v]\n"),
            format!("z{j} = z{j} + y{j}(i % {m} if i < {k} else {m}, ld{j})\n"),
        ),
        3 => (
            format!("def y{j}(v, d):\n    return d[v]\n"),
            format!("z{j} = z{j} + y{j}(i % {m} if i < {k} else {m}, dd{j})\n"),
        ),
        _ => (
            String::new(),
            format!("if i == {k}:\n    raise RuntimeError(\"stop \" + str(i))\nz{j} = i\n"),
        ),
    };
    let dd: Vec<String> = (0..m).map(|v| format!("{v}: {}", v * 3)).collect();
    Feature {
        defs,
        setup: format!(
            "z{j} = 0\ndd{j} = {{{}}}\nld{j} = [0] * {m}\n",
            dd.join(", ")
        ),
        body,
        state: vec![format!("z{j}")],
        globals: vec![],
    }
}

fn containers(c: &mut Choices, j: usize, jit: bool) -> Feature {
    let m = 2 + c.below(6);
    // dict subscripts are not compiled: jit loops use lists
    let body = match c.below(if jit { 2 } else { 4 }) {
        0 => format!("sl{j}[i % {m}] = sl{j}[i % {m}] + i\n"),
        1 => format!("st{j}.append(i % {m})\nsl{j}[0] = sl{j}[0] + len(st{j})\n"),
        2 => format!("d{j}[i % {m}] = d{j}[i % {m}] + i\n"),
        _ => format!("d{j}[str(i % {m})] = d{j}.get(str(i), 0) + i\n"),
    };
    let keys: Vec<String> = (0..m).map(|v| format!("{v}: 0")).collect();
    f(
        format!(
            "d{j} = {{{}}}\nst{j} = []\nsl{j} = [0] * {m}\n",
            keys.join(", ")
        ),
        body,
        &[format!("d{j}"), format!("sl{j}"), format!("st{j}[-10:]")],
    )
}
