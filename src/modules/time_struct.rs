//! The calendar half of `time`: `struct_time`, `gmtime`, `strftime` (the C
//! locale's names) and `asctime`, written in Python over the integer clock.
//! Local time zones are not supported: `localtime`/`mktime` and `strftime`
//! without a time raise NotImplementedError rather than guess one.

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
    return struct_time((y, m, d, rem // 3600, rem % 3600 // 60, rem % 60, wday, yday, 0, "UTC", 0))


def localtime(secs=None):
    raise NotImplementedError("Coil does not support local time zones (time.localtime) yet")


def mktime(t):
    raise NotImplementedError("Coil does not support local time zones (time.mktime) yet")


def _two(n):
    return f"{n:02d}"


def strftime(format, t=None):
    if t is None:
        raise NotImplementedError("Coil does not support local time zones (time.strftime without a time) yet")
    if not isinstance(t, struct_time):
        t = struct_time(t)
    y, m, d, H, M, S, wd, yd, dst = t
    out = []
    i = 0
    while i < len(format):
        c = format[i]
        if c != "%" or i + 1 == len(format):
            out.append(c)
            i += 1
            continue
        f = format[i + 1]
        i += 2
        if f == "Y": out.append(str(y))
        elif f == "y": out.append(_two(y % 100))
        elif f == "m": out.append(_two(m))
        elif f == "d": out.append(_two(d))
        elif f == "e": out.append(f"{d:2d}")
        elif f == "H": out.append(_two(H))
        elif f == "I": out.append(_two((H + 11) % 12 + 1))
        elif f == "M": out.append(_two(M))
        elif f == "S": out.append(_two(S))
        elif f == "p": out.append("AM" if H < 12 else "PM")
        elif f == "A": out.append(_DAYS[wd])
        elif f == "a": out.append(_DAYS[wd][:3])
        elif f == "B": out.append(_MONTHS[m - 1])
        elif f in "bh": out.append(_MONTHS[m - 1][:3])
        elif f == "j": out.append(f"{yd:03d}")
        elif f == "w": out.append(str((wd + 1) % 7))
        elif f == "u": out.append(str(wd + 1))
        elif f == "%": out.append("%")
        elif f == "n": out.append("\n")
        elif f == "t": out.append("\t")
        elif f == "D": out.append(f"{_two(m)}/{_two(d)}/{_two(y % 100)}")
        elif f == "F": out.append(f"{y}-{_two(m)}-{_two(d)}")
        elif f == "T": out.append(f"{_two(H)}:{_two(M)}:{_two(S)}")
        elif f == "R": out.append(f"{_two(H)}:{_two(M)}")
        elif f == "c": out.append(asctime(t))
        elif f == "x": out.append(f"{_two(m)}/{_two(d)}/{_two(y % 100)}")
        elif f == "X": out.append(f"{_two(H)}:{_two(M)}:{_two(S)}")
        elif f == "U": out.append(_two((yd + 6 - (wd + 1) % 7) // 7))
        elif f == "W": out.append(_two((yd + 6 - wd) // 7))
        elif f == "Z": out.append(t.tm_zone or "")
        elif f == "z":
            off = t.tm_gmtoff or 0
            sign = "-" if off < 0 else "+"
            off = abs(off)
            out.append(f"{sign}{off // 3600:02d}{off % 3600 // 60:02d}")
        else:
            raise NotImplementedError(f"Coil does not support the strftime directive %{f} yet")
    return "".join(out)


def asctime(t=None):
    if t is None:
        raise NotImplementedError("Coil does not support local time zones (time.asctime without a time) yet")
    y, m, d, H, M, S, wd = tuple(t)[:7]
    return f"{_DAYS[wd][:3]} {_MONTHS[m - 1][:3]} {d:2d} {H:02d}:{M:02d}:{S:02d} {y}"


timezone = 0
altzone = 0
daylight = 0
tzname = ("UTC", "UTC")
"#;

/// Adds the calendar functions to the `time` module being made.
pub fn add(vm: &mut Vm, m: Value) -> PyResult<()> {
    crate::modules::itertools::run_source(vm, m, SRC, "<time>")
}
