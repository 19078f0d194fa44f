//! The `time` module: clocks and sleep (the calendar half is time_struct.rs).

use std::io::Write;

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("time", init);
}

#[repr(C)]
struct Timespec {
    tv_sec: i64,
    tv_nsec: i64,
}

unsafe extern "C" {
    fn clock_gettime(clk: i32, ts: *mut Timespec) -> i32;
}

const CLOCK_REALTIME: i32 = 0;
const CLOCK_MONOTONIC: i32 = 1;
const CLOCK_PROCESS_CPUTIME_ID: i32 = 2;

fn clock_ns(clk: i32) -> i128 {
    let mut ts = Timespec {
        tv_sec: 0,
        tv_nsec: 0,
    };
    // SAFETY: clock_gettime writes into the provided struct, laid out as the C timespec.
    unsafe {
        clock_gettime(clk, &mut ts);
    }
    ts.tv_sec as i128 * 1_000_000_000 + ts.tv_nsec as i128
}

fn secs(clk: i32) -> Value {
    Value::float(clock_ns(clk) as f64 * 1e-9)
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("time");
    let d = vm.module_dict(m);
    vm.add_fn(d, "time", |_vm, _a| Ok(secs(CLOCK_REALTIME)));
    vm.add_fn(d, "perf_counter", |_vm, _a| Ok(secs(CLOCK_MONOTONIC)));
    vm.add_fn(d, "monotonic", |_vm, _a| Ok(secs(CLOCK_MONOTONIC)));
    vm.add_fn(d, "process_time", |_vm, _a| {
        Ok(secs(CLOCK_PROCESS_CPUTIME_ID))
    });
    vm.add_fn(d, "time_ns", |vm, _a| {
        Ok(vm.new_int(clock_ns(CLOCK_REALTIME) as i64))
    });
    vm.add_fn(d, "perf_counter_ns", |vm, _a| {
        Ok(vm.new_int(clock_ns(CLOCK_MONOTONIC) as i64))
    });
    vm.add_fn(d, "monotonic_ns", |vm, _a| {
        Ok(vm.new_int(clock_ns(CLOCK_MONOTONIC) as i64))
    });
    vm.add_fn(d, "process_time_ns", |vm, _a| {
        Ok(vm.new_int(clock_ns(CLOCK_PROCESS_CPUTIME_ID) as i64))
    });
    vm.add_fn(d, "sleep", |vm, a| {
        let Some(v) = a.get(0) else {
            return Err(vm.type_error("time.sleep() takes exactly one argument (0 given)"));
        };
        let s = if v.is_float() {
            v.as_float()
        } else if let Some(i) = vm.to_i64(v) {
            i as f64
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
        let _ = vm.stdout.flush();
        std::thread::sleep(std::time::Duration::from_secs_f64(s));
        Ok(Value::NONE)
    });
    crate::modules::time_struct::add(vm, m)?;
    Ok(m)
}
