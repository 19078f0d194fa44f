//! The calendar half of `time`: `struct_time`, `gmtime`, `localtime`, `mktime`,
//! `strftime`, `asctime`, `ctime` and the time zone names, written in Python over
//! the integer clock and the C library's calls in time.rs.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

const SRC: &str = r#"
_FIELDS = ("tm_year", "tm_mon", "tm_mday", "tm_hour", "tm_min", "tm_sec",
           "tm_wday", "tm_yday", "tm_isdst")
_DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
_MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December"]


class struct_time(tuple):
    n_fields = 11
    n_sequence_fields = 9
    n_unnamed_fields = 0

    def __new__(cls, seq, dict=None):
        seq = tuple(seq)
        if len(seq) < 9:
            raise TypeError(f"time.struct_time() takes an at least 9-sequence ({len(seq)}-sequence given)")
        if len(seq) > 11:
            raise TypeError(f"time.struct_time() takes an at most 11-sequence ({len(seq)}-sequence given)")
        self = tuple.__new__(cls, seq[:9])
        self._extra = seq[9:] + (None,) * (11 - len(seq))
        return self

    tm_zone = property(lambda self: self._extra[0])
    tm_gmtoff = property(lambda self: self._extra[1])

    def __repr__(self):
        parts = ", ".join(f"{n}={v!r}" for n, v in zip(_FIELDS, self))
        return f"time.struct_time({parts})"

    __str__ = __repr__

    def __reduce__(self):
        return (struct_time, (tuple(self) + self._extra,))


for _i, _n in enumerate(_FIELDS):
    setattr(struct_time, _n, property(lambda self, _i=_i: self[_i]))
struct_time.__module__ = "time"
del _i, _n


def _days_from_civil(y, m, d):
    y -= m <= 2
    era = y // 400
    yoe = y - era * 400
    doy = (153 * (m + (-3 if m > 2 else 9)) + 2) // 5 + d - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    return era * 146097 + doe - 719468


def gmtime(secs=None):
    if secs is None:
        secs = time()
    secs = int(secs // 1) if isinstance(secs, float) else int(secs)
    days, rem = divmod(secs, 86400)
    z = days + 719468
    era = z // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    y += m <= 2
    yday = days - _days_from_civil(y, 1, 1) + 1
    wday = (days + 3) % 7
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, yday, 0, "GMT", 0))


def _secs(secs):
    if secs is None:
        return int(time() // 1)
    if isinstance(secs, float):
        if secs != secs:
            raise ValueError("Invalid value NaN (not a number)")
        return int(secs // 1)
    if isinstance(secs, int):
        return secs
    raise TypeError(f"'{type(secs).__name__}' object cannot be interpreted as an integer")


def localtime(secs=None):
    return struct_time(_localtime(_secs(secs)))


def mktime(t):
    if not isinstance(t, struct_time):
        t = tuple(t)
        if len(t) != 9:
            raise TypeError("mktime(): illegal time tuple argument")
    r = _mktime(*tuple(t)[:9])
    if r is None:
        raise OverflowError("mktime argument out of range")
    return float(r)


def _checked(t, name):
    if isinstance(t, struct_time):
        fields = list(t)
        extra = [t.tm_gmtoff or 0, t.tm_zone]
    else:
        if not isinstance(t, tuple):
            raise TypeError(f"Tuple or struct_time argument required")
        if len(t) != 9:
            raise TypeError(f"{name}(): illegal time tuple argument")
        fields = list(t)
        extra = [0, None]
    for v in fields:
        if not isinstance(v, int):
            raise TypeError(f"'{type(v).__name__}' object cannot be interpreted as an integer")
    y, m, d, H, M, S, wd, yd, dst = fields
    if m == 0:
        m = 1
    elif not 1 <= m <= 12:
        raise ValueError("month out of range")
    if d == 0:
        d = 1
    elif not 1 <= d <= 31:
        raise ValueError("day of month out of range")
    if not 0 <= H <= 23:
        raise ValueError("hour out of range")
    if not 0 <= M <= 59:
        raise ValueError("minute out of range")
    if not 0 <= S <= 61:
        raise ValueError("seconds out of range")
    if wd < 0:
        raise ValueError("day of week out of range")
    wd %= 7
    if yd == 0:
        yd = 1
    elif not 1 <= yd <= 366:
        raise ValueError("day of year out of range")
    if dst < -1:
        dst = -1
    elif dst > 1:
        dst = 1
    return [y, m, d, H, M, S, wd, yd, dst] + extra


def strftime(format, t=None):
    if not isinstance(format, str):
        raise TypeError(f"strftime() argument 1 must be str, not {type(format).__name__}")
    if t is None:
        t = localtime()
    f = _checked(t, "strftime")
    return _strftime(format, *f)


def asctime(t=None):
    if t is None:
        t = localtime()
    y, m, d, H, M, S, wd = _checked(t, "asctime")[:7]
    return f"{_DAYS[wd][:3]} {_MONTHS[m - 1][:3]} {d:2d} {H:02d}:{M:02d}:{S:02d} {y}"


def ctime(secs=None):
    return asctime(localtime(secs))


def _init_timezone():
    global timezone, altzone, daylight, tzname
    year = localtime()[0]
    jan = _localtime(int(mktime((year, 1, 1, 0, 0, 0, 0, 1, -1))))
    jul = _localtime(int(mktime((year, 7, 1, 0, 0, 0, 0, 182, -1))))
    janzone, julzone = -jan[10], -jul[10]
    if janzone < julzone:
        timezone, altzone, tzname = julzone, janzone, (jul[9], jan[9])
    else:
        timezone, altzone, tzname = janzone, julzone, (jan[9], jul[9])
    daylight = int(janzone != julzone)


def tzset():
    _init_timezone()


_init_timezone()
"#;

/// Adds the calendar functions to the `time` module being made.
pub fn add(vm: &mut Vm, m: Value) -> PyResult<()> {
    crate::modules::itertools::run_source(vm, m, SRC, "<time>")
}
