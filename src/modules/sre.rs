//! `_sre`, the engine under the standard library's `re`: patterns compiled by
//! `re._compiler` run on RustPython's `sre-engine` crate, which implements
//! CPython's SRE engine (same opcodes as 3.11). The native part matches and
//! searches; the `Pattern`, `Match` and scanner objects around it are written in
//! Python below, with CPython's methods, reprs and errors.

use rustpython_sre_engine::{Request, State, StrDrive};

use crate::builtins::signature::{Sig, to_c_int};
use crate::object::{NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm, str_of};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_sre", init);
}

/// The compiled opcodes of one pattern.
struct Code(Vec<u32>);

impl NativeData for Code {
    fn trace(&self, _visit: &mut dyn FnMut(Value)) {}
    fn as_any(&self) -> &dyn std::any::Any {
        self
    }
}

/// CPython 3.11's `re._constants.MAGIC`: the opcodes the engine runs are 3.11's.
const MAGIC: i64 = 20220615;

const PY_SRC: &str = r#"
import sys as _sys

_FLAG_NAMES = [
    (1, "re.TEMPLATE"), (2, "re.IGNORECASE"), (4, "re.LOCALE"), (8, "re.MULTILINE"),
    (16, "re.DOTALL"), (32, "re.UNICODE"), (64, "re.VERBOSE"), (128, "re.DEBUG"),
    (256, "re.ASCII"),
]


def _exact(string):
    # what the engine reads and groups are sliced from: the str or bytes itself, a
    # str subclass's str, a bytes-like object's bytes (groups are exact str/bytes)
    t = type(string)
    if t is str or t is bytes:
        return string
    if isinstance(string, str):
        return str.__str__(string)
    try:
        return bytes(memoryview(string))
    except TypeError:
        raise TypeError(f"expected string or bytes-like object, got '{t.__name__}'") from None


def _check(pattern, string):
    if isinstance(pattern.pattern, str):
        if not isinstance(string, str):
            raise TypeError("cannot use a string pattern on a bytes-like object")
    elif isinstance(string, str):
        raise TypeError("cannot use a bytes pattern on a string-like object")


def _bounds(string, pos, endpos):
    n = len(string)
    if pos < 0:
        pos = 0
    elif pos > n:
        pos = n
    if endpos < 0:
        endpos = 0
    elif endpos > n:
        endpos = n
    return pos, endpos


class Pattern:
    def __init__(self, pattern, flags, code, groups, groupindex, indexgroup):
        self.pattern = pattern
        self.flags = flags
        self._code = code
        self.groups = groups
        self._groupindex = dict(groupindex)
        self._indexgroup = indexgroup

    @property
    def groupindex(self):
        return dict(self._groupindex)

    def _run(self, mode, string, pos, endpos, must_advance=False):
        text = string if type(string) is str else _exact(string)
        _check(self, text)
        pos, endpos = _bounds(text, pos, endpos)
        r = _run(self._code, text, pos, endpos, mode, must_advance, self.groups)
        if r is None:
            return None
        return Match(self, string, pos, endpos, r[0], r[1], text)

    def match(self, string, pos=0, endpos=_sys.maxsize):
        return self._run(0, string, pos, endpos)

    def fullmatch(self, string, pos=0, endpos=_sys.maxsize):
        return self._run(1, string, pos, endpos)

    def search(self, string, pos=0, endpos=_sys.maxsize):
        return self._run(2, string, pos, endpos)

    def _iter(self, string, pos=0, endpos=_sys.maxsize):
        text = string if type(string) is str else _exact(string)
        _check(self, text)
        pos, endpos = _bounds(text, pos, endpos)
        must_advance = False
        while pos <= endpos:
            r = _run(self._code, text, pos, endpos, 2, must_advance, self.groups)
            if r is None:
                return
            m = Match(self, string, pos, endpos, r[0], r[1], text)
            yield m
            s, e = r[0][0]
            must_advance = e == s
            pos = e

    def finditer(self, string, pos=0, endpos=_sys.maxsize):
        return self._iter(string, pos, endpos)

    def findall(self, string, pos=0, endpos=_sys.maxsize):
        out = []
        empty = _exact(string)[:0]
        for m in self._iter(string, pos, endpos):
            if self.groups == 0:
                out.append(m.group(0))
            elif self.groups == 1:
                g = m.group(1)
                out.append(empty if g is None else g)
            else:
                out.append(tuple(empty if g is None else g for g in m.groups()))
        return out

    def scanner(self, string, pos=0, endpos=_sys.maxsize):
        return SRE_Scanner(self, string, pos, endpos)

    def _filter(self, repl):
        if callable(repl):
            return repl
        if isinstance(repl, str) and "\\" not in repl:
            return repl
        if isinstance(repl, (bytes, bytearray)) and b"\\" not in repl:
            return bytes(repl)
        import re
        return re._subx(self, repl)

    def subn(self, repl, string, count=0):
        text = string if type(string) is str else _exact(string)
        _check(self, text)
        f = self._filter(repl)
        pieces = []
        last = 0
        n = 0
        for m in self._iter(string):
            if count and n >= count:
                break
            s, e = m.span()
            pieces.append(text[last:s])
            r = f(m) if callable(f) else f
            if r:
                pieces.append(r)
            last = e
            n += 1
        pieces.append(text[last:])
        return text[:0].join(pieces), n

    def sub(self, repl, string, count=0):
        return self.subn(repl, string, count)[0]

    def split(self, string, maxsplit=0):
        text = string if type(string) is str else _exact(string)
        _check(self, text)
        out = []
        last = 0
        n = 0
        for m in self._iter(string):
            if maxsplit and n >= maxsplit:
                break
            s, e = m.span()
            out.append(text[last:s])
            out.extend(m.groups())
            last = e
            n += 1
        out.append(text[last:])
        return out

    def __repr__(self):
        flags = self.flags
        if isinstance(self.pattern, str) and (flags & (4 | 32 | 256)) == 32:
            flags &= ~32
        names = []
        for bit, name in _FLAG_NAMES:
            if flags & bit:
                names.append(name)
                flags &= ~bit
        if flags:
            names.append(hex(flags))
        r = repr(self.pattern)[:200]
        if names:
            return f"re.compile({r}, {'|'.join(names)})"
        return f"re.compile({r})"

    def __eq__(self, other):
        if not isinstance(other, Pattern):
            return NotImplemented
        return (self.pattern == other.pattern and self.flags == other.flags
                and type(self.pattern) is type(other.pattern))

    def __hash__(self):
        return hash((self.pattern, self.flags))

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __reduce__(self):
        import re
        return (re._compile, (self.pattern, self.flags))

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


class Match:
    def __init__(self, pattern, string, pos, endpos, regs, lastindex, text):
        self.re = pattern
        self.string = string
        self._text = text
        self.pos = pos
        self.endpos = endpos
        self.regs = regs
        self.lastindex = None if lastindex < 0 else lastindex

    @property
    def lastgroup(self):
        if self.lastindex is None:
            return None
        return self.re._indexgroup[self.lastindex] if self.lastindex < len(self.re._indexgroup) else None

    def _index(self, g):
        if isinstance(g, int) and not isinstance(g, bool) or hasattr(type(g), "__index__") and not isinstance(g, (str, bytes)):
            try:
                i = g.__index__()
            except Exception:
                raise IndexError("no such group")
            if 0 <= i < len(self.regs):
                return i
            raise IndexError("no such group")
        if isinstance(g, str):
            i = self.re._groupindex.get(g)
            if i is not None:
                return i
        raise IndexError("no such group")

    def _get(self, i, default=None):
        s, e = self.regs[i]
        if s < 0:
            return default
        return self._slice(s, e)

    def _slice(self, s, e):
        t = self._text
        if t is self.string or isinstance(t, str):
            return t[s:e]
        # a buffer is read as it is now (it may have changed since the match)
        return bytes(memoryview(self.string)[s:e])

    def group(self, *args):
        if not args:
            return self._get(0)
        if len(args) == 1:
            return self._get(self._index(args[0]))
        return tuple(self._get(self._index(a)) for a in args)

    def __getitem__(self, g):
        return self._get(self._index(g))

    def groups(self, default=None):
        return tuple(self._get(i, default) for i in range(1, len(self.regs)))

    def groupdict(self, default=None):
        return {name: self._get(i, default) for name, i in self.re._groupindex.items()}

    def start(self, g=0):
        return self.regs[self._index(g)][0]

    def end(self, g=0):
        return self.regs[self._index(g)][1]

    def span(self, g=0):
        return self.regs[self._index(g)]

    def expand(self, template):
        import re
        return re._expand(self.re, self, template)

    def __bool__(self):
        return True

    def __repr__(self):
        s, e = self.regs[0]
        return f"<re.Match object; span=({s}, {e}), match={repr(self._slice(s, e))[:50]}>"

    def __copy__(self):
        return self

    def __deepcopy__(self, memo):
        return self

    def __class_getitem__(cls, item):
        return _GenericAlias(cls, item)


class SRE_Scanner:
    def __init__(self, pattern, string, pos, endpos):
        text = string if type(string) is str else _exact(string)
        _check(pattern, text)
        self.pattern = pattern
        self._string = string
        self._text = text
        self._pos, self._endpos = _bounds(text, pos, endpos)
        self._must_advance = False
        self._done = False

    def _step(self, mode):
        if self._done or self._pos > self._endpos:
            return None
        r = _run(self.pattern._code, self._text, self._pos, self._endpos, mode,
                 self._must_advance, self.pattern.groups)
        if r is None:
            self._done = True
            return None
        m = Match(self.pattern, self._string, self._pos, self._endpos, r[0], r[1],
                  self._text)
        s, e = r[0][0]
        self._must_advance = e == s
        self._pos = e
        return m

    def match(self):
        return self._step(0)

    def search(self):
        return self._step(2)


_GenericAlias = type(list[int])
Pattern.__module__ = Match.__module__ = "re"
SRE_Scanner.__module__ = "_sre"


def compile(pattern, flags, code, groups, groupindex, indexgroup):
    return Pattern(pattern, flags, _code(code), groups, groupindex, indexgroup)
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_sre");
    let d = vm.module_dict(m);
    for (k, v) in [
        ("MAGIC", MAGIC),
        ("CODESIZE", 4),
        ("MAXREPEAT", rustpython_sre_engine::MAXREPEAT as i64),
        ("MAXGROUPS", rustpython_sre_engine::MAXGROUPS as i64),
    ] {
        let v = vm.new_int(v);
        let k = vm.intern(k);
        vm.dict_set_str(d, k, v);
    }
    vm.add_fn(d, "_code", make_code);
    vm.add_fn(d, "_run", run);
    vm.add_fn(d, "getcodesize", |vm, a| {
        Sig::new("getcodesize", []).owner("_sre").bind(vm, &a)?;
        Ok(Value::small_int(4))
    });
    vm.add_fn(d, "ascii_iscased", |vm, a| {
        const SIG: Sig<1> = Sig::new("ascii_iscased", ["character"]).owner("_sre");
        let c = char_arg(vm, &SIG, &a)?;
        Ok(Value::bool(c < 128 && (c as u8).is_ascii_alphabetic()))
    });
    vm.add_fn(d, "unicode_iscased", |vm, a| {
        const SIG: Sig<1> = Sig::new("unicode_iscased", ["character"]).owner("_sre");
        let c = char_arg(vm, &SIG, &a)?;
        Ok(Value::bool(
            rustpython_sre_engine::string::lower_unicode(c) != c
                || rustpython_sre_engine::string::upper_unicode(c) != c,
        ))
    });
    vm.add_fn(d, "ascii_tolower", |vm, a| {
        const SIG: Sig<1> = Sig::new("ascii_tolower", ["character"]).owner("_sre");
        let c = char_arg(vm, &SIG, &a)?;
        Ok(vm.new_int(rustpython_sre_engine::string::lower_ascii(c) as i32 as i64))
    });
    vm.add_fn(d, "unicode_tolower", |vm, a| {
        const SIG: Sig<1> = Sig::new("unicode_tolower", ["character"]).owner("_sre");
        let c = char_arg(vm, &SIG, &a)?;
        Ok(vm.new_int(rustpython_sre_engine::string::lower_unicode(c) as i32 as i64))
    });
    crate::modules::itertools::run_source(vm, m, PY_SRC, "<_sre>")?;
    Ok(m)
}

/// The `character` argument: a C int, which CPython passes on as an unsigned
/// int (so -1 is 0xFFFFFFFF, cased as nothing and lowered to itself).
fn char_arg(vm: &mut Vm, sig: &Sig<1>, a: &Args) -> PyResult<u32> {
    let v = sig.bind(vm, a)?.req(0);
    Ok(to_c_int(vm, v)? as u32)
}

/// `_code(list_of_ints)`: the opcodes as a native object, converted once.
fn make_code(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const CODE: Sig<1> = Sig::new("_code", ["code"]);
    let l = CODE.bind(vm, &a)?.req(0);
    let items = vm.collect_iter(l)?;
    let mut code = Vec::with_capacity(items.len());
    for v in items {
        // opcodes are int subclasses (_NamedIntConstant): read through __index__
        match vm.index_of(v)? {
            Some(x) if (0..=u32::MAX as i64).contains(&x) => code.push(x as u32),
            _ => return Err(vm.type_error("regular expression code size limit exceeded")),
        }
    }
    let t =
        crate::modules::itertools::make_type(vm, "_sre.code", "SRE_Code", "_sre", vm.types.object);
    Ok(vm.alloc(t, ObjData::Native(Box::new(Code(code)))))
}

/// `_run(code, string, pos, endpos, mode, must_advance, groups)`: mode 0 match, 1
/// fullmatch, 2 search. Returns None, or `(regs, lastindex)` with `regs` the
/// (start, end) of the match and of each group ((-1, -1) when a group did not
/// take part).
fn run(vm: &mut Vm, a: Args) -> PyResult<Value> {
    const RUN: Sig<7> = Sig::new(
        "_run",
        [
            "code",
            "string",
            "pos",
            "endpos",
            "mode",
            "must_advance",
            "groups",
        ],
    );
    let b = RUN.bind(vm, &a)?;
    let Some(code) = crate::modules::itertools::native::<Code>(b.req(0)) else {
        return Err(vm.type_error("_run() needs a compiled code"));
    };
    // an instance of a str or bytes subclass is matched as its payload
    let s = match vm.base_payload(b.req(1)) {
        p if p.is_empty() => b.req(1),
        p => p,
    };
    let pos = vm.to_i64(b.req(2)).unwrap_or(0).max(0) as usize;
    let endpos = vm.to_i64(b.req(3)).unwrap_or(0).max(0) as usize;
    let mode = vm.to_i64(b.req(4)).unwrap_or(0);
    let must_advance = vm.truthy(b.req(5))?;
    // a pattern has fewer groups than code words: a bigger count would only
    // fill the result with (-1, -1)s (and 2**40 of them would not fit)
    let groups = (vm.to_i64(b.req(6)).unwrap_or(0).max(0) as usize).min(code.0.len());
    let found = match s.as_obj().map(|o| &o.data) {
        Some(ObjData::Str(st)) => {
            let text: &str = &st.s;
            execute(text, &code.0, pos, endpos, mode, must_advance, groups)
        }
        Some(ObjData::Bytes(b)) => {
            let bytes: &[u8] = b;
            execute(bytes, &code.0, pos, endpos, mode, must_advance, groups)
        }
        Some(ObjData::ByteArray(b)) => {
            let bytes: Vec<u8> = b.get().clone();
            execute(
                bytes.as_slice(),
                &code.0,
                pos,
                endpos,
                mode,
                must_advance,
                groups,
            )
        }
        _ => {
            if vm.is_str(s) {
                let text = str_of(s);
                execute(text, &code.0, pos, endpos, mode, must_advance, groups)
            } else {
                return Err(vm.type_error(&format!(
                    "expected string or bytes-like object, got '{}'",
                    vm.type_name(s)
                )));
            }
        }
    };
    let Some((regs, lastindex)) = found else {
        return Ok(Value::NONE);
    };
    let mut spans = Vec::with_capacity(regs.len());
    for (st, en) in regs {
        let t = vec![vm.new_int(st), vm.new_int(en)];
        spans.push(vm.new_tuple(t));
    }
    let spans = vm.new_tuple(spans);
    vm.temp_roots.push(spans);
    let li = vm.new_int(lastindex as i64);
    vm.temp_roots.pop();
    Ok(vm.new_tuple(vec![spans, li]))
}

type Found = Option<(Vec<(i64, i64)>, isize)>;

fn execute<S: StrDrive>(
    s: S,
    code: &[u32],
    pos: usize,
    endpos: usize,
    mode: i64,
    must_advance: bool,
    groups: usize,
) -> Found {
    let mut req = Request::new(s, pos, endpos, code, mode == 1);
    req.must_advance = must_advance;
    let mut state = State::default();
    let ok = if mode == 2 {
        state.search(req)
    } else {
        state.py_match(&req)
    };
    if !ok {
        return None;
    }
    let mut regs = vec![(state.start as i64, state.cursor.position as i64)];
    for g in 0..groups {
        let (a, b) = state.marks.get(g);
        if a.is_some() && b.is_some() {
            regs.push((a.unpack() as i64, b.unpack() as i64));
        } else {
            regs.push((-1, -1));
        }
    }
    Some((regs, state.marks.last_index()))
}
