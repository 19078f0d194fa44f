//! The `random` module: CPython's Mersenne Twister (bit-identical sequences for the
//! same seed) in Rust, and the distribution methods in Python following
//! Lib/random.py of CPython 3.11.

use std::any::Any;
use std::cell::RefCell;

use num_bigint::{BigInt, Sign};
use num_traits::{Signed, ToPrimitive, Zero};

use crate::builtins::signature::Sig;
use crate::object::{NativeData, ObjData};
use crate::value::Value;
use crate::vm::{Args, PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("random", init);
}

const N: usize = 624;
const M: usize = 397;

pub struct Mt {
    st: RefCell<MtState>,
}

struct MtState {
    mt: [u32; N],
    index: usize,
}

impl NativeData for Mt {
    fn trace(&self, _visit: &mut dyn FnMut(Value)) {}
    fn as_any(&self) -> &dyn Any {
        self
    }
}

impl MtState {
    fn new() -> MtState {
        let mut s = MtState {
            mt: [0; N],
            index: N + 1,
        };
        s.init_genrand(5489);
        s
    }

    fn init_genrand(&mut self, s: u32) {
        self.mt[0] = s;
        for i in 1..N {
            let prev = self.mt[i - 1];
            self.mt[i] = 1812433253u32
                .wrapping_mul(prev ^ (prev >> 30))
                .wrapping_add(i as u32);
        }
        self.index = N;
    }

    fn init_by_array(&mut self, key: &[u32]) {
        self.init_genrand(19650218);
        let mut i = 1usize;
        let mut j = 0usize;
        let len = key.len();
        let mut k = N.max(len);
        while k > 0 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1664525))
                .wrapping_add(key[j])
                .wrapping_add(j as u32);
            i += 1;
            j += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            if j >= len {
                j = 0;
            }
            k -= 1;
        }
        k = N - 1;
        while k > 0 {
            let prev = self.mt[i - 1];
            self.mt[i] = (self.mt[i] ^ (prev ^ (prev >> 30)).wrapping_mul(1566083941))
                .wrapping_sub(i as u32);
            i += 1;
            if i >= N {
                self.mt[0] = self.mt[N - 1];
                i = 1;
            }
            k -= 1;
        }
        self.mt[0] = 0x80000000;
    }

    fn genrand(&mut self) -> u32 {
        const MATRIX_A: u32 = 0x9908b0df;
        const UPPER: u32 = 0x80000000;
        const LOWER: u32 = 0x7fffffff;
        if self.index >= N {
            let mt = &mut self.mt;
            let mag = |y: u32| if y & 1 == 1 { MATRIX_A } else { 0 };
            for kk in 0..N - M {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M] ^ (y >> 1) ^ mag(y);
            }
            for kk in N - M..N - 1 {
                let y = (mt[kk] & UPPER) | (mt[kk + 1] & LOWER);
                mt[kk] = mt[kk + M - N] ^ (y >> 1) ^ mag(y);
            }
            let y = (mt[N - 1] & UPPER) | (mt[0] & LOWER);
            mt[N - 1] = mt[M - 1] ^ (y >> 1) ^ mag(y);
            self.index = 0;
        }
        let mut y = self.mt[self.index];
        self.index += 1;
        y ^= y >> 11;
        y ^= (y << 7) & 0x9d2c5680;
        y ^= (y << 15) & 0xefc60000;
        y ^= y >> 18;
        y
    }

    fn random(&mut self) -> f64 {
        let a = (self.genrand() >> 5) as f64;
        let b = (self.genrand() >> 6) as f64;
        (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// getrandbits(k) for k <= 64.
    fn bits64(&mut self, k: u64) -> u64 {
        if k == 0 {
            return 0;
        }
        if k <= 32 {
            return (self.genrand() >> (32 - k)) as u64;
        }
        let lo = self.genrand() as u64;
        let hi = (self.genrand() >> (64 - k)) as u64;
        lo | (hi << 32)
    }

    fn bits_big(&mut self, k: u64) -> BigInt {
        if k <= 64 {
            return BigInt::from(self.bits64(k));
        }
        let words = ((k - 1) / 32 + 1) as usize;
        let mut ws = Vec::with_capacity(words);
        let mut left = k as i64;
        for _ in 0..words {
            let mut r = self.genrand();
            if left < 32 {
                r >>= 32 - left;
            }
            ws.push(r);
            left -= 32;
        }
        BigInt::from_slice(Sign::Plus, &ws)
    }
}

/// The state of a bound receiver.
fn this(vm: &mut Vm, recv: Value) -> PyResult<&'static Mt> {
    match recv.as_obj().and_then(|o| match &o.data {
        ObjData::Native(n) => n.as_any().downcast_ref::<Mt>(),
        _ => None,
    }) {
        Some(m) => Ok(m),
        None => Err(vm.type_error("descriptor requires a random state")),
    }
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("random");
    let d = vm.module_dict(m);
    let object = vm.types.object;
    let t = vm.new_native_type("_MersenneTwister", "_random", object);
    vm.add_method(t, "__new__", |vm, a| {
        const NEW: Sig<0> = Sig::new("_MersenneTwister", [])
            .constructor()
            .varargs()
            .varkw();
        let cls = NEW.bind(vm, &a)?.recv;
        Ok(vm.alloc(
            cls,
            ObjData::Native(Box::new(Mt {
                st: RefCell::new(MtState::new()),
            })),
        ))
    });
    vm.add_method(t, "random", |vm, a| {
        let recv = Sig::new("Random.random", []).method().bind(vm, &a)?.recv;
        let m = this(vm, recv)?;
        Ok(Value::float(m.st.borrow_mut().random()))
    });
    vm.add_method(t, "getrandbits", |vm, a| {
        const GETRANDBITS: Sig<1> = Sig::new("Random.getrandbits", ["k"]).method();
        let b = GETRANDBITS.bind(vm, &a)?;
        let (m, k) = (this(vm, b.recv)?, b.req(0));
        // a C int, as CPython's: 2**31 bits at most
        let k = crate::builtins::signature::to_c_int(vm, k)?;
        if k < 0 {
            return Err(vm.value_error("number of bits must be non-negative"));
        }
        let r = m.st.borrow_mut().bits_big(k as u64);
        Ok(vm.new_bigint(r))
    });
    vm.add_method(t, "randbelow", |vm, a| {
        const RANDBELOW: Sig<1> = Sig::new("_randbelow", ["n"]).method();
        let b = RANDBELOW.bind(vm, &a)?;
        let m = this(vm, b.recv)?;
        let n = crate::builtins::signature::to_index(vm, b.req(0))?;
        let n = vm.to_bigint(n).unwrap_or_default();
        if !n.is_positive() {
            return Err(vm.value_error("empty range for randrange()"));
        }
        let k = n.bits();
        let mut st = m.st.borrow_mut();
        if let Some(n64) = n.to_u64() {
            let mut r = st.bits64(k);
            while r >= n64 {
                r = st.bits64(k);
            }
            drop(st);
            return Ok(vm.new_bigint(BigInt::from(r)));
        }
        let mut r = st.bits_big(k);
        while r >= n {
            r = st.bits_big(k);
        }
        drop(st);
        Ok(vm.new_bigint(r))
    });
    vm.add_method(t, "seed", mt_seed);
    vm.add_method(t, "getstate", |vm, a| {
        let recv = Sig::new("Random.getstate", []).method().bind(vm, &a)?.recv;
        let m = this(vm, recv)?;
        let st = m.st.borrow();
        let mut items: Vec<Value> = st.mt.iter().map(|w| Value::small_int(*w as i64)).collect();
        items.push(Value::small_int(st.index as i64));
        drop(st);
        Ok(vm.new_tuple(items))
    });
    vm.add_method(t, "setstate", |vm, a| {
        const SETSTATE: Sig<1> = Sig::new("Random.setstate", ["state"]).method();
        let b = SETSTATE.bind(vm, &a)?;
        let m = this(vm, b.recv)?;
        let Some(state) = vm.tuple_items(b.req(0)) else {
            return Err(vm.type_error("state vector must be a tuple"));
        };
        if state.len() != N + 1 {
            return Err(vm.value_error("state vector is the wrong size"));
        }
        let mut words = [0u32; N];
        for (i, w) in state[..N].iter().enumerate() {
            if !vm.is_intlike(*w) {
                return Err(vm.type_error("an integer is required"));
            }
            match vm.to_i64(*w) {
                Some(x) if (0..=u32::MAX as i64).contains(&x) => words[i] = x as u32,
                _ => {
                    return Err(
                        vm.overflow_error("Python int too large to convert to C unsigned long")
                    );
                }
            }
        }
        if !vm.is_intlike(state[N]) {
            return Err(vm.type_error("an integer is required"));
        }
        let index = vm.to_i64(state[N]).unwrap_or(-1);
        if index < 0 || index > N as i64 {
            return Err(vm.value_error("invalid state"));
        }
        let mut st = m.st.borrow_mut();
        st.mt = words;
        st.index = index as usize;
        Ok(Value::NONE)
    });
    let k = vm.intern("_MersenneTwister");
    vm.dict_set_str(d, k, t);
    vm.add_fn(d, "_index", |vm, a| {
        // operator.index, as CPython's random imports it
        const INDEX: Sig<1> = Sig::new("index", ["a"]);
        let v = INDEX.bind(vm, &a)?.req(0);
        crate::builtins::signature::to_index(vm, v)
    });
    let bk = vm.intern("__builtins__");
    let b = vm.builtins;
    vm.dict_set_str(d, bk, b);
    let code = crate::run::compile_source(vm, SRC, "<random>", "<module>")?;
    vm.run_code(code, d, Value::NONE)?;
    Ok(m)
}

fn mt_seed(vm: &mut Vm, a: Args) -> PyResult<Value> {
    /// `seed(n=None, /)`
    const SEED: Sig<1> = Sig::new("seed", ["n"]).required(0).method();
    let b = SEED.bind(vm, &a)?;
    let m = this(vm, b.recv)?;
    let arg = b.get(0).unwrap_or(Value::NONE);
    let n: BigInt = if arg.is_none() {
        let mut buf = [0u8; 32];
        let ok = std::fs::File::open("/dev/urandom").and_then(|mut f| {
            use std::io::Read;
            f.read_exact(&mut buf)
        });
        if ok.is_err() {
            let t = std::time::SystemTime::now()
                .duration_since(std::time::UNIX_EPOCH)
                .map(|d| d.as_nanos())
                .unwrap_or(0);
            buf[..16].copy_from_slice(&t.to_le_bytes());
            buf[16..20].copy_from_slice(&std::process::id().to_le_bytes());
        }
        BigInt::from_bytes_le(Sign::Plus, &buf)
    } else if let Some(b) = vm.to_bigint(arg) {
        b.abs()
    } else {
        let h = vm.hash(arg)?;
        BigInt::from(h as u64)
    };
    let key: Vec<u32> = if n.is_zero() {
        vec![0]
    } else {
        n.to_u32_digits().1
    };
    m.st.borrow_mut().init_by_array(&key);
    Ok(Value::NONE)
}

const SRC: &str = r#"
from math import log as _log, exp as _exp, pi as _pi, e as _e, ceil as _ceil
from math import sqrt as _sqrt, acos as _acos, cos as _cos, sin as _sin
from math import tau as TWOPI, floor as _floor, isfinite as _isfinite

NV_MAGICCONST = 4 * _exp(-0.5) / _sqrt(2.0)
LOG4 = _log(4.0)
SG_MAGICCONST = 1.0 + _log(4.5)
BPF = 53
RECIP_BPF = 2 ** -BPF
_ONE = 1


def _warn(message, category=UserWarning, stacklevel=1):
    # warnings.warn, imported when first needed (it imports re and enum)
    from warnings import warn
    warn(message, category, stacklevel + 1)

from os import urandom as _urandom

__all__ = ["Random", "SystemRandom", "betavariate", "choice", "choices",
           "expovariate", "gammavariate", "gauss", "getrandbits", "getstate",
           "lognormvariate", "normalvariate", "paretovariate", "randbytes",
           "randint", "random", "randrange", "sample", "seed", "setstate",
           "shuffle", "triangular", "uniform", "vonmisesvariate", "weibullvariate"]

def _accumulate(xs):
    out = []
    total = None
    first = True
    for x in xs:
        if first:
            total = x
            first = False
        else:
            total = total + x
        out.append(total)
    return out

def _bisect(a, x, lo=0, hi=None):
    if hi is None:
        hi = len(a)
    while lo < hi:
        mid = (lo + hi) // 2
        if x < a[mid]:
            hi = mid
        else:
            lo = mid + 1
    return lo

def _is_sequence(p):
    if isinstance(p, (list, tuple, str, range, bytes, bytearray)):
        return True
    if isinstance(p, (dict, set, frozenset)):
        return False
    return hasattr(p, '__getitem__') and hasattr(p, '__len__')

class Random:
    VERSION = 3

    def __init__(self, x=None):
        self._mt = _MersenneTwister()
        self.seed(x)
        self.gauss_next = None

    def seed(self, a=None, version=2):
        if version == 1 and isinstance(a, (str, bytes)):
            a = a.decode('latin-1') if isinstance(a, bytes) else a
            x = ord(a[0]) << 7 if a else 0
            for c in map(ord, a):
                x = ((1000003 * x) ^ c) & 0xFFFFFFFFFFFFFFFF
            x ^= len(a)
            a = -2 if x == -1 else x
        elif version == 2 and isinstance(a, (str, bytes, bytearray)):
            try:
                from _sha512 import sha512 as _sha512
            except ImportError:
                raise NotImplementedError("Coil does not support random.seed() "
                                          "with a str or bytes seed yet") from None
            if isinstance(a, str):
                a = a.encode()
            a = int.from_bytes(a + _sha512(a).digest())
        elif not isinstance(a, (type(None), int, float, str, bytes, bytearray)):
            raise TypeError('The only supported seed types are: None,\n'
                            'int, float, str, bytes, and bytearray.')
        self._mt.seed(a)
        self.gauss_next = None

    def random(self):
        return self._mt.random()

    def getrandbits(self, k):
        return self._mt.getrandbits(k)

    def getstate(self):
        return self.VERSION, self._mt.getstate(), self.gauss_next

    def setstate(self, state):
        version = state[0]
        if version == 3:
            version, internalstate, self.gauss_next = state
            self._mt.setstate(internalstate)
        elif version == 2:
            version, internalstate, self.gauss_next = state
            try:
                internalstate = tuple(x % (2 ** 32) for x in internalstate)
            except ValueError as e:
                raise TypeError from e
            self._mt.setstate(internalstate)
        else:
            raise ValueError(f"state with version {version} passed to "
                             f"Random.setstate() of version {self.VERSION}")

    def __getstate__(self):  # for pickle
        return self.getstate()

    def __setstate__(self, state):  # for pickle
        self.setstate(state)

    def __reduce__(self):
        return self.__class__, (), self.getstate()

    def __init_subclass__(cls, /, **kwargs):
        # CPython's choice of _randbelow for a subclass overriding random()
        # or getrandbits()
        for c in cls.__mro__:
            if '_randbelow' in c.__dict__:
                break
            if 'getrandbits' in c.__dict__:
                cls._randbelow = cls._randbelow_with_getrandbits
                break
            if 'random' in c.__dict__:
                cls._randbelow = cls._randbelow_without_getrandbits
                break

    def _randbelow(self, n):
        # _randbelow_with_getrandbits, in Rust
        return self._mt.randbelow(n)

    def _randbelow_with_getrandbits(self, n):
        getrandbits = self.getrandbits
        k = n.bit_length()
        r = getrandbits(k)
        while r >= n:
            r = getrandbits(k)
        return r

    def _randbelow_without_getrandbits(self, n, maxsize=1<<BPF):
        random = self.random
        if n >= maxsize:
            _warn("Underlying random() generator does not supply \n"
                "enough bits to choose from a population range this large.\n"
                "To remove the range limitation, add a getrandbits() method.")
            return _floor(random() * n)
        rem = maxsize % n
        limit = (maxsize - rem) / maxsize
        r = random()
        while r >= limit:
            r = random()
        return _floor(r * maxsize) % n

    def randbytes(self, n):
        return self.getrandbits(n * 8).to_bytes(n, 'little')

    def randrange(self, start, stop=None, step=_ONE):
        # This code is a bit messy to make it fast for the
        # common case while still doing adequate error checking.
        try:
            istart = _index(start)
        except TypeError:
            istart = int(start)
            if istart != start:
                _warn('randrange() will raise TypeError in the future',
                      DeprecationWarning, 2)
                raise ValueError("non-integer arg 1 for randrange()")
            _warn('non-integer arguments to randrange() have been deprecated '
                  'since Python 3.10 and will be removed in a subsequent '
                  'version',
                  DeprecationWarning, 2)
        if stop is None:
            # We don't check for "step != 1" because it hasn't been
            # type checked and converted to an integer yet.
            if step is not _ONE:
                raise TypeError('Missing a non-None stop argument')
            if istart > 0:
                return self._randbelow(istart)
            raise ValueError("empty range for randrange()")

        # stop argument supplied.
        try:
            istop = _index(stop)
        except TypeError:
            istop = int(stop)
            if istop != stop:
                _warn('randrange() will raise TypeError in the future',
                      DeprecationWarning, 2)
                raise ValueError("non-integer stop for randrange()")
            _warn('non-integer arguments to randrange() have been deprecated '
                  'since Python 3.10 and will be removed in a subsequent '
                  'version',
                  DeprecationWarning, 2)
        width = istop - istart
        try:
            istep = _index(step)
        except TypeError:
            istep = int(step)
            if istep != step:
                _warn('randrange() will raise TypeError in the future',
                      DeprecationWarning, 2)
                raise ValueError("non-integer step for randrange()")
            _warn('non-integer arguments to randrange() have been deprecated '
                  'since Python 3.10 and will be removed in a subsequent '
                  'version',
                  DeprecationWarning, 2)
        # Fast path.
        if istep == 1:
            if width > 0:
                return istart + self._randbelow(width)
            raise ValueError("empty range for randrange() (%d, %d, %d)" % (istart, istop, width))

        # Non-unit step argument supplied.
        if istep > 0:
            n = (width + istep - 1) // istep
        elif istep < 0:
            n = (width + istep + 1) // istep
        else:
            raise ValueError("zero step for randrange()")
        if n <= 0:
            raise ValueError("empty range for randrange()")
        return istart + istep * self._randbelow(n)

    def randint(self, a, b):
        return self.randrange(a, b + 1)

    def choice(self, seq):
        if not len(seq):
            raise IndexError('Cannot choose from an empty sequence')
        return seq[self._randbelow(len(seq))]

    def shuffle(self, x):
        randbelow = self._randbelow
        for i in reversed(range(1, len(x))):
            j = randbelow(i + 1)
            x[i], x[j] = x[j], x[i]

    def sample(self, population, k, *, counts=None):
        if not _is_sequence(population):
            raise TypeError("Population must be a sequence.  "
                            "For dicts or sets, use sorted(d).")
        n = len(population)
        if counts is not None:
            cum_counts = _accumulate(counts)
            if len(cum_counts) != n:
                raise ValueError('The number of counts does not match the population')
            total = cum_counts.pop()
            if not isinstance(total, int):
                raise TypeError('Counts must be integers')
            if total <= 0:
                raise ValueError('Total of counts must be greater than zero')
            selections = self.sample(range(total), k=k)
            return [population[_bisect(cum_counts, s)] for s in selections]
        randbelow = self._randbelow
        if not 0 <= k <= n:
            raise ValueError("Sample larger than population or is negative")
        result = [None] * k
        setsize = 21
        if k > 5:
            setsize += 4 ** _ceil(_log(k * 3, 4))
        if n <= setsize:
            pool = list(population)
            for i in range(k):
                j = randbelow(n - i)
                result[i] = pool[j]
                pool[j] = pool[n - i - 1]
        else:
            selected = set()
            selected_add = selected.add
            for i in range(k):
                j = randbelow(n)
                while j in selected:
                    j = randbelow(n)
                selected_add(j)
                result[i] = population[j]
        return result

    def choices(self, population, weights=None, *, cum_weights=None, k=1):
        random = self.random
        n = len(population)
        if cum_weights is None:
            if weights is None:
                floor = _floor
                n += 0.0
                return [population[floor(random() * n)] for i in range(k)]
            try:
                cum_weights = _accumulate(weights)
            except TypeError:
                if not isinstance(weights, int):
                    raise
                k = weights
                raise TypeError(
                    f'The number of choices must be a keyword argument: k={k}'
                ) from None
        elif weights is not None:
            raise TypeError('Cannot specify both weights and cumulative weights')
        if len(cum_weights) != n:
            raise ValueError('The number of weights does not match the population')
        total = cum_weights[-1] + 0.0
        if total <= 0.0:
            raise ValueError('Total of weights must be greater than zero')
        if not _isfinite(total):
            raise ValueError('Total of weights must be finite')
        bisect = _bisect
        hi = n - 1
        return [population[bisect(cum_weights, random() * total, 0, hi)]
                for i in range(k)]

    def uniform(self, a, b):
        return a + (b - a) * self.random()

    def triangular(self, low=0.0, high=1.0, mode=None):
        u = self.random()
        try:
            c = 0.5 if mode is None else (mode - low) / (high - low)
        except ZeroDivisionError:
            return low
        if u > c:
            u = 1.0 - u
            c = 1.0 - c
            low, high = high, low
        return low + (high - low) * _sqrt(u * c)

    def normalvariate(self, mu=0.0, sigma=1.0):
        random = self.random
        while True:
            u1 = random()
            u2 = 1.0 - random()
            z = NV_MAGICCONST * (u1 - 0.5) / u2
            zz = z * z / 4.0
            if zz <= -_log(u2):
                break
        return mu + z * sigma

    def gauss(self, mu=0.0, sigma=1.0):
        random = self.random
        z = self.gauss_next
        self.gauss_next = None
        if z is None:
            x2pi = random() * TWOPI
            g2rad = _sqrt(-2.0 * _log(1.0 - random()))
            z = _cos(x2pi) * g2rad
            self.gauss_next = _sin(x2pi) * g2rad
        return mu + z * sigma

    def lognormvariate(self, mu, sigma):
        return _exp(self.normalvariate(mu, sigma))

    def expovariate(self, lambd):
        return -_log(1.0 - self.random()) / lambd

    def vonmisesvariate(self, mu, kappa):
        random = self.random
        if kappa <= 1e-6:
            return TWOPI * random()
        s = 0.5 / kappa
        r = s + _sqrt(1.0 + s * s)
        while True:
            u1 = random()
            z = _cos(_pi * u1)
            d = z / (r + z)
            u2 = random()
            if u2 < 1.0 - d * d or u2 <= (1.0 - d) * _exp(d):
                break
        q = 1.0 / r
        f = (q + z) / (1.0 + q * z)
        u3 = random()
        if u3 > 0.5:
            theta = (mu + _acos(f)) % TWOPI
        else:
            theta = (mu - _acos(f)) % TWOPI
        return theta

    def gammavariate(self, alpha, beta):
        if alpha <= 0.0 or beta <= 0.0:
            raise ValueError('gammavariate: alpha and beta must be > 0.0')
        random = self.random
        if alpha > 1.0:
            ainv = _sqrt(2.0 * alpha - 1.0)
            bbb = alpha - LOG4
            ccc = alpha + ainv
            while True:
                u1 = random()
                if not 1e-7 < u1 < 0.9999999:
                    continue
                u2 = 1.0 - random()
                v = _log(u1 / (1.0 - u1)) / ainv
                x = alpha * _exp(v)
                z = u1 * u1 * u2
                r = bbb + ccc * v - x
                if r + SG_MAGICCONST - 4.5 * z >= 0.0 or r >= _log(z):
                    return x * beta
        elif alpha == 1.0:
            return -_log(1.0 - random()) * beta
        else:
            while True:
                u = random()
                b = (_e + alpha) / _e
                p = b * u
                if p <= 1.0:
                    x = p ** (1.0 / alpha)
                else:
                    x = -_log((b - p) / alpha)
                u1 = random()
                if p > 1.0:
                    if u1 <= x ** (alpha - 1.0):
                        break
                elif u1 <= _exp(-x):
                    break
            return x * beta

    def betavariate(self, alpha, beta):
        y = self.gammavariate(alpha, 1.0)
        if y:
            return y / (y + self.gammavariate(beta, 1.0))
        return 0.0

    def paretovariate(self, alpha):
        u = 1.0 - self.random()
        return u ** (-1.0 / alpha)

    def weibullvariate(self, alpha, beta):
        u = 1.0 - self.random()
        return alpha * (-_log(u)) ** (1.0 / beta)

class SystemRandom(Random):
    def seed(self, *args, **kwds):
        self._mt.seed(None)
        return None

    def getstate(self, *args, **kwds):
        raise NotImplementedError('System entropy source does not have state.')

    setstate = getstate

_inst = Random()
seed = _inst.seed
random = _inst._mt.random
uniform = _inst.uniform
triangular = _inst.triangular
randint = _inst.randint
choice = _inst.choice
randrange = _inst.randrange
sample = _inst.sample
shuffle = _inst.shuffle
choices = _inst.choices
normalvariate = _inst.normalvariate
lognormvariate = _inst.lognormvariate
expovariate = _inst.expovariate
vonmisesvariate = _inst.vonmisesvariate
gammavariate = _inst.gammavariate
gauss = _inst.gauss
betavariate = _inst.betavariate
paretovariate = _inst.paretovariate
weibullvariate = _inst.weibullvariate
getstate = _inst.getstate
setstate = _inst.setstate
getrandbits = _inst._mt.getrandbits
randbytes = _inst.randbytes
"#;
