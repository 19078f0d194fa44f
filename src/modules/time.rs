//! The `time` module: clocks and sleep (the calendar half is time_struct.rs), and
//! the C library's `localtime_r`/`mktime`/`strftime` under it.

use std::io::Write;

use crate::builtins::signature::Sig;
use crate::ffi::clock::{Tm, clock_ns};
use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("time", init);
}

/// The nine fields of a `struct_time`, as the private helpers take them.
const FIELDS: [&str; 9] = [
    "year", "mon", "mday", "hour", "min", "sec", "wday", "yday", "isdst",
];

/// Bound int arguments.
fn ints(vm: &mut Vm, args: &[Option<Value>]) -> PyResult<Vec<i64>> {
    args.iter()
        .map(|v| match v.and_then(|v| vm.to_i64(v)) {
            Some(x) => Ok(x),
            None => Err(vm.type_error("an integer is required")),
        })
        .collect()
}

/// A `struct tm` from struct_time's nine fields (Python's year, month 1-12,
/// weekday Monday=0, yearday 1-366).
fn tm_of(vm: &mut Vm, v: &[i64]) -> PyResult<Tm> {
    let mut tm = Tm::zeroed();
    let int = |vm: &mut Vm, x: i64| -> PyResult<i32> {
        i32::try_from(x).map_err(|_| vm.overflow_error("signed integer is greater than maximum"))
    };
    tm.tm_year = int(vm, v[0] - 1900)?;
    tm.tm_mon = int(vm, v[1] - 1)?;
    tm.tm_mday = int(vm, v[2])?;
    tm.tm_hour = int(vm, v[3])?;
    tm.tm_min = int(vm, v[4])?;
    tm.tm_sec = int(vm, v[5])?;
    tm.tm_wday = int(vm, (v[6] + 1).rem_euclid(7))?;
    tm.tm_yday = int(vm, v[7] - 1)?;
    tm.tm_isdst = int(vm, v[8])?;
    Ok(tm)
}

/// `_localtime(secs)`: the 11 fields of `time.localtime(secs)` (secs an int).
fn localtime_fields(vm: &mut Vm, a: crate::vm::Args) -> PyResult<Value> {
    const LOCALTIME: Sig<1> = Sig::new("_localtime", ["secs"]);
    let b = LOCALTIME.bind(vm, &a)?;
    let t = ints(vm, &b.args)?[0];
    let Some((tm, zone)) = crate::ffi::clock::localtime(t) else {
        return Err(vm.overflow_error("timestamp out of range for platform time_t"));
    };
    let mut items: Vec<Value> = [
        tm.tm_year as i64 + 1900,
        tm.tm_mon as i64 + 1,
        tm.tm_mday as i64,
        tm.tm_hour as i64,
        tm.tm_min as i64,
        tm.tm_sec as i64,
        (tm.tm_wday as i64 + 6) % 7,
        tm.tm_yday as i64 + 1,
        tm.tm_isdst as i64,
    ]
    .iter()
    .map(|x| Value::small_int(*x))
    .collect();
    items.push(vm.new_string(zone));
    items.push(vm.new_int(tm.tm_gmtoff));
    Ok(vm.new_tuple(items))
}

/// `_mktime(*nine_fields)`: seconds since the epoch of a local time, or None
/// when the C library cannot represent it.
fn mktime_fields(vm: &mut Vm, a: crate::vm::Args) -> PyResult<Value> {
    const MKTIME: Sig<9> = Sig::new("_mktime", FIELDS);
    let b = MKTIME.bind(vm, &a)?;
    let v = ints(vm, &b.args)?;
    let mut tm = tm_of(vm, &v)?;
    // mktime leaves tm_wday alone when it fails: the sentinel tells failure from -1
    tm.tm_wday = -1;
    let t = crate::ffi::clock::mktime(&mut tm);
    if t == -1 && tm.tm_wday == -1 {
        return Ok(Value::NONE);
    }
    Ok(vm.new_int(t))
}

/// `_strftime(format, *nine_fields, gmtoff, zone)`: the C library's strftime.
fn strftime_fields(vm: &mut Vm, a: crate::vm::Args) -> PyResult<Value> {
    const STRFTIME: Sig<12> = Sig::new(
        "_strftime",
        [
            "format", "year", "mon", "mday", "hour", "min", "sec", "wday", "yday", "isdst",
            "gmtoff", "zone",
        ],
    );
    let b = STRFTIME.bind(vm, &a)?;
    let f = b.req(0);
    if !vm.is_str(f) {
        return Err(vm.type_error("strftime() argument 1 must be str"));
    }
    let fmt = crate::vm::str_of(f).to_string();
    let v = ints(vm, &b.args[1..11])?;
    let mut tm = tm_of(vm, &v[..9])?;
    tm.tm_gmtoff = v[9];
    let zone = Some(b.req(11))
        .filter(|z| vm.is_str(*z))
        .map(|z| crate::vm::str_of(z).to_string());
    let zone = std::ffi::CString::new(zone.unwrap_or_default()).unwrap_or_default();
    let Ok(cfmt) = std::ffi::CString::new(fmt.clone()) else {
        return Err(vm.value_error("embedded null character"));
    };
    if fmt.is_empty() {
        return Ok(vm.new_str(""));
    }
    let mut size = 1024.max(fmt.len() * 4);
    loop {
        let mut buf = vec![0u8; size];
        let n = crate::ffi::clock::strftime(&mut buf, &cfmt, &tm, &zone);
        if n > 0 || size >= 256 * fmt.len() + 4096 {
            buf.truncate(n);
            return Ok(vm.new_string(String::from_utf8_lossy(&buf).into_owned()));
        }
        size *= 2;
    }
}

const CLOCK_REALTIME: i32 = 0;
const CLOCK_MONOTONIC: i32 = 1;
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;

fn secs(clk: i32) -> Value {
    Value::float(clock_ns(clk) as f64 * 1e-9)
}

/// A function of no arguments: `time.time() takes no arguments (1 given)`.
fn no_args(vm: &mut Vm, a: &crate::vm::Args, name: &'static str) -> PyResult<()> {
    Sig::new(name, []).owner("time").bind(vm, a)?;
    Ok(())
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("time");
    let d = vm.module_dict(m);
    vm.add_fn(d, "time", |vm, a| {
        no_args(vm, &a, "time")?;
        Ok(secs(CLOCK_REALTIME))
    });
    vm.add_fn(d, "perf_counter", |vm, a| {
        no_args(vm, &a, "perf_counter")?;
        Ok(secs(CLOCK_MONOTONIC))
    });
    vm.add_fn(d, "monotonic", |vm, a| {
        no_args(vm, &a, "monotonic")?;
        Ok(secs(CLOCK_MONOTONIC))
    });
    vm.add_fn(d, "process_time", |vm, a| {
        no_args(vm, &a, "process_time")?;
        Ok(secs(CLOCK_PROCESS_CPUTIME_ID))
    });
    vm.add_fn(d, "time_ns", |vm, a| {
        no_args(vm, &a, "time_ns")?;
        Ok(vm.new_int(clock_ns(CLOCK_REALTIME) as i64))
    });
    vm.add_fn(d, "perf_counter_ns", |vm, a| {
        no_args(vm, &a, "perf_counter_ns")?;
        Ok(vm.new_int(clock_ns(CLOCK_MONOTONIC) as i64))
    });
    vm.add_fn(d, "monotonic_ns", |vm, a| {
        no_args(vm, &a, "monotonic_ns")?;
        Ok(vm.new_int(clock_ns(CLOCK_MONOTONIC) as i64))
    });
    vm.add_fn(d, "process_time_ns", |vm, a| {
        no_args(vm, &a, "process_time_ns")?;
        Ok(vm.new_int(clock_ns(CLOCK_PROCESS_CPUTIME_ID) as i64))
    });
    vm.add_fn(d, "sleep", |vm, a| {
        let v = Sig::new("sleep", ["secs"])
            .owner("time")
            .bind(vm, &a)?
            .req(0);
        let s = if v.is_float() {
            v.as_float()
        } else if let Some(b) = vm.to_bigint(v) {
            vm.int_to_float(&b).unwrap_or(f64::INFINITY)
        } else {
            return Err(vm.type_error(&format!(
                "'{}' object cannot be interpreted as an integer",
                vm.type_name(v)
            )));
        };
        if s.is_nan() {
            return Err(vm.value_error("Invalid value NaN (not a number)"));
        }
        if s < 0.0 {
            return Err(vm.value_error("sleep length must be non-negative"));
        }
        // CPython's _PyTime_t counts nanoseconds in an i64
        if s >= 9.2e9 {
            return Err(vm.overflow_error(if v.is_float() {
                "timestamp out of range for platform time_t"
            } else {
                "timestamp too large to convert to C _PyTime_t"
            }));
        }
        let _ = vm.stdout.flush();
        std::thread::sleep(std::time::Duration::from_secs_f64(s));
        Ok(Value::NONE)
    });
    vm.add_fn(d, "_localtime", localtime_fields);
    vm.add_fn(d, "_mktime", mktime_fields);
    vm.add_fn(d, "_strftime", strftime_fields);
    crate::modules::time_struct::add(vm, m)?;
    Ok(m)
}
