//! The trace IR (SSA, typed, guards carrying snapshots) and its passes: fold/CSE, DCE,
//! guard hoisting by loop peeling, allocation sinking. Depends on nothing else in Coil.

pub mod eval;
pub mod fastmap;
pub mod ir;
pub mod opt;
pub mod tracegen;
pub mod verify;

pub use eval::eval;
pub use ir::{EXIT_SENTINEL, Ins, Op, Ref, Snapshot, Trace, Ty, tags};
pub use opt::{Passes, optimize};
pub use verify::verify;

/// The calling contract of compiled trace code, shared by `asm` (which emits it),
/// `deopt` (which reads exits) and the interpreter (which enters traces):
///
/// `extern "C" fn(slots: *mut u64, vals: *mut u64, helpers: *const Helper) -> u32`
/// (the platform's C ABI: System V on x86-64, AAPCS64 on AArch64)
///
/// - `slots`: the interpreter frame's slot vector (locals, cells, value stack), boxed
///   values; `Slot`/`SetSlot` read and write it.
/// - `vals`: one u64 per IR instruction. When the trace exits, `vals[r]` holds the
///   unboxed value of every ref `r` the exit's snapshot names (I64 as i64 bits, F64
///   as f64 bits, Bool as 0/1, Val as the boxed bits), except constants (`KInt`,
///   `KFloat`, `KVal`), whose values readers take from the IR.
/// - `helpers`: the table `CallG` indexes.
/// - returns the index of the snapshot of the exit taken.
pub type Helper = extern "C" fn(u64, u64) -> u64;
pub type TraceFn = unsafe extern "C" fn(*mut u64, *mut u64, *const Helper) -> u32;
