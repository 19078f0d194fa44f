//! The tracing JIT driver: hot loop counters, starting and finishing recordings,
//! installing compiled traces, entering them from loop headers and turning their exits
//! back into interpreter state. Options come from the command line (`--trace-jit`,
//! `--jit-hotloop`, `--jit-opt`, `--trace-log`, `--jit-stats`).

pub mod backend;
pub mod helpers;
pub mod record;

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use guards::{Ref, Trace};

use crate::compiler::bytecode::Code;
use crate::value::Value;
use crate::vm::frame::Frame;
pub use record::Recorder;

/// What runs a finished trace. The native x86-64 backend (asm) when available; the
/// IR evaluator otherwise (and as the oracle for fuzzing).
pub trait Executor {
    /// Runs the trace on the frame's slots; returns the exit's snapshot index and
    /// fills `vals` per the calling contract in `guards`.
    fn run(&self, slots: &mut [u64], vals: &mut [u64]) -> Result<u32, String>;
    fn code_bytes(&self) -> usize {
        0
    }
}

pub struct CompiledTrace {
    pub id: u32,
    pub trace: Trace,
    pub exec: Box<dyn Executor>,
    /// Boxed heap constants the trace embeds (GC roots).
    pub consts: Vec<Value>,
    pub entries: u64,
    pub exits: Vec<u64>,
    pub disabled: bool,
    /// Frame chains for exits inside inlined calls (snapshot pc & RESUME_FLAG).
    pub resume: Vec<record::ResumePoint>,
    /// The pc of the loop header the trace starts at.
    pub header_pc: usize,
}

#[derive(Default)]
pub struct Stats {
    pub traces: u64,
    pub aborts: HashMap<String, u64>,
    pub exits: u64,
    pub entries: u64,
    pub compile_ns: u128,
    pub code_bytes: usize,
    pub ir_bytes: usize,
    pub blacklisted: u64,
}

pub struct Jit {
    pub enabled: bool,
    pub hotloop: u32,
    pub hotexit: u32,
    pub passes: String,
    pub log: Option<Box<dyn Write>>,
    pub stats_on_exit: bool,
    /// (code address, loop slot) -> compiled trace
    pub traces: HashMap<(usize, u32), CompiledTrace>,
    /// Loops that failed to record, with the number of failures (exponential
    /// back-off; blacklisted past `MAX_ABORTS`).
    pub failures: HashMap<(usize, u32), u32>,
    pub recording: Option<Box<Recorder>>,
    pub stats: Stats,
    /// Executable memory for compiled traces, created on first compile.
    pub arena: Option<asm::CodeArena>,
    /// The `vals` buffer traces run with, reused across entries.
    pub vals: Vec<u64>,
    /// `--jit-chaos=SEED[:P]`: every guard also fails with probability P.
    pub chaos: Option<deopt::chaos::Chaos>,
    /// A loop header not to enter on its next execution (the last exit was there).
    pub skip_entry: Option<CodeKey>,
    next_id: u32,
}

const MAX_ABORTS: u32 = 4;

impl Default for Jit {
    fn default() -> Self {
        Jit {
            enabled: false,
            hotloop: 56,
            hotexit: 10,
            passes: "all".into(),
            log: None,
            stats_on_exit: false,
            traces: HashMap::new(),
            failures: HashMap::new(),
            recording: None,
            stats: Stats::default(),
            arena: None,
            vals: Vec::new(),
            chaos: None,
            skip_entry: None,
            next_id: 1,
        }
    }
}

impl Jit {
    pub fn log(&mut self, s: &str) {
        if let Some(l) = &mut self.log {
            let _ = l.write_all(s.as_bytes());
        }
    }

    /// Whether the loop at (code, slot) has crossed its hot threshold, honouring
    /// back-off for loops that failed to record.
    pub fn is_hot(&self, code: &Code, slot: u32, count: u32) -> bool {
        let key = (code as *const Code as usize, slot);
        let failures = self.failures.get(&key).copied().unwrap_or(0);
        if failures >= MAX_ABORTS {
            return false;
        }
        let threshold = self.hotloop.max(1).saturating_mul(1 << (failures * 2));
        count >= threshold
    }

    pub fn record_failure(&mut self, key: (usize, u32), reason: &str) {
        *self.stats.aborts.entry(reason.to_string()).or_default() += 1;
        let n = self.failures.entry(key).or_default();
        *n += 1;
        if *n == MAX_ABORTS {
            self.stats.blacklisted += 1;
        }
    }

    pub fn trace_roots(&self, visit: &mut dyn FnMut(Value)) {
        for t in self.traces.values() {
            t.consts.iter().for_each(|v| visit(*v));
        }
        if let Some(r) = &self.recording {
            r.consts.iter().for_each(|v| visit(*v));
        }
    }

    pub fn next_id(&mut self) -> u32 {
        self.next_id += 1;
        self.next_id - 1
    }

    /// `--jit-stats` output, one `jit:` line of key=value pairs (read by bench/run.py).
    pub fn stats_line(&self) -> String {
        let aborts: u64 = self.stats.aborts.values().sum();
        let mut reasons: Vec<(&String, &u64)> = self.stats.aborts.iter().collect();
        reasons.sort();
        let reasons: Vec<String> = reasons
            .iter()
            .map(|(k, v)| format!("{}:{v}", k.replace(' ', "_")))
            .collect();
        format!(
            "jit: traces={} aborts={} blacklisted={} entries={} exits={} compile_ms={:.3} code_bytes={} ir_bytes={} abort_reasons={}\n",
            self.stats.traces,
            aborts,
            self.stats.blacklisted,
            self.stats.entries,
            self.stats.exits,
            self.stats.compile_ns as f64 / 1e6,
            self.stats.code_bytes,
            self.stats.ir_bytes,
            if reasons.is_empty() {
                "none".to_string()
            } else {
                reasons.join(",")
            }
        )
    }
}

/// Turns a trace exit into interpreter state: the snapshot's operand stack is boxed
/// back onto the frame and execution resumes at the snapshot's pc.
pub fn restore_frame(frame: &mut Frame, trace: &Trace, snap: u32, vals: &[u64]) {
    let r = deopt::restore(trace, snap, vals);
    frame.slots.truncate(frame.stack_base);
    frame.slots.extend(r.stack.into_iter().map(Value));
    frame.pc = r.pc as usize;
}

/// The boxed value of `r` at an exit, from its unboxed form in `vals`.
pub fn box_ref(trace: &Trace, r: Ref, vals: &[u64]) -> u64 {
    deopt::box_ref(trace, r, vals)
}

pub type CodeKey = (usize, u32);

pub fn key_of(code: &Rc<Code>, slot: u32) -> CodeKey {
    (Rc::as_ptr(code) as usize, slot)
}
