//! The tracing JIT driver: hot loop counters, starting and finishing recordings,
//! installing compiled traces, entering them from loop headers and turning their exits
//! back into interpreter state. Options come from the command line (`--trace-jit`,
//! `--jit-hotloop`, `--jit-opt`, `--trace-log`, `--jit-stats`).

pub mod backend;
mod compiled_calls;
pub mod driver;
pub mod helpers;
pub mod layout;
pub mod record;
pub mod residual;
pub mod sunk;
pub mod zeroed;

use std::collections::HashMap;
use std::io::Write;
use std::rc::Rc;

use guards::Trace;

use crate::compiler::bytecode::{Code, JitState};
use crate::value::Value;
use crate::vm::frame::Frame;
pub use record::Recorder;

/// A compiled trace: a root trace starts at a loop header and loops (or links to
/// an inner loop's trace); a side trace starts at a hot exit of its parent and
/// links to the trace of the loop header it reaches.
pub struct CompiledTrace {
    pub id: u32,
    pub trace: Trace,
    pub code: asm::CompiledTrace,
    /// Boxed heap constants the trace embeds (GC roots).
    pub consts: Vec<Value>,
    /// The constant operands of its `UNWIND`s (exceptions caught in the trace).
    pub unwinds: Vec<Box<record::caught::Unwind>>,
    /// Entries from the interpreter (root traces).
    pub entries: u64,
    /// Exits taken back to the interpreter, per snapshot.
    pub exits: Vec<u64>,
    pub disabled: bool,
    /// Frame chains for exits inside inlined calls (snapshot pc & RESUME_FLAG).
    pub resume: Vec<Rc<record::ResumePoint>>,
    /// The pc of the loop header of the tree's root trace.
    pub header_pc: usize,
    /// The loop of the tree's root trace.
    pub key: CodeKey,
    /// The code objects whose addresses the trace and the driver's tables use
    /// (`key`, inlined generators' code guards): kept alive with the trace, so no
    /// new code object can reuse an address and be taken for one of them.
    pub codes: Vec<Rc<Code>>,
    /// For a side trace: (parent trace, parent snapshot).
    pub parent: Option<(u32, u32)>,
    /// Where this trace's values live in the shared `vals` buffer.
    pub vals_base: usize,
    /// The `vals` index of this trace's execution counter (`Count`).
    pub counter: usize,
    /// Bytecodes recorded (for the share of bytecodes run in traces).
    pub bytecodes: u64,
    /// Per snapshot: the exit jumps to a side trace now.
    pub linked: Vec<bool>,
    /// Per snapshot: side-trace recordings that failed there.
    pub side_failures: Vec<u8>,
    /// Per snapshot: what guard leaves through it (for `--jit-stats`).
    pub exit_kinds: Vec<&'static str>,
    /// Per snapshot: exits taken, never reset (`--jit-stats`' `exits_by_guard`).
    pub exits_taken: Vec<u64>,
    /// The `vals` offsets of the invariant slot loads a body-entry stub compares
    /// (`Jit::body_entry_roots`), found once rather than at every collection.
    pub body_entry_homes: Vec<u32>,
    /// Per snapshot: never record a side trace there (an `exit`, a GC poll, a
    /// residual call).
    pub no_side_trace: Vec<bool>,
    /// (snapshot, `TypeObj` address, version wanted) of its class-version guards.
    pub class_guards: Vec<(u32, usize, u64)>,
    /// Its globals dicts' version and keys-version guards: (snapshot, the
    /// address of the word guarded, the value it wanted).
    pub globals_guards: Vec<(u32, usize, u64)>,
    /// Its residual calls (bytecodes it runs but does not compile).
    pub residual_sites: u64,
}

/// Compiled traces by number. Numbers are handed out in order from 1 and traces
/// are never removed, so a vector indexed by number serves (an exit's trace is
/// looked up on every residual call).
#[derive(Default)]
pub struct TraceTable(Vec<Option<CompiledTrace>>);

impl TraceTable {
    pub fn get(&self, id: &u32) -> Option<&CompiledTrace> {
        self.0.get(*id as usize)?.as_ref()
    }

    pub fn get_mut(&mut self, id: &u32) -> Option<&mut CompiledTrace> {
        self.0.get_mut(*id as usize)?.as_mut()
    }

    pub fn insert(&mut self, id: u32, t: CompiledTrace) {
        let i = id as usize;
        if self.0.len() <= i {
            self.0.resize_with(i + 1, || None);
        }
        self.0[i] = Some(t);
    }

    pub fn values(&self) -> impl Iterator<Item = &CompiledTrace> {
        self.0.iter().flatten()
    }

    /// (id, trace) of every trace.
    pub fn iter(&self) -> impl Iterator<Item = (u32, &CompiledTrace)> {
        (0u32..)
            .zip(&self.0)
            .filter_map(|(id, t)| t.as_ref().map(|t| (id, t)))
    }
}

impl std::ops::Index<&u32> for TraceTable {
    type Output = CompiledTrace;
    fn index(&self, id: &u32) -> &CompiledTrace {
        self.get(id).expect("a compiled trace")
    }
}

#[derive(Default)]
pub struct Stats {
    pub traces: u64,
    pub side_traces: u64,
    pub aborts: HashMap<String, u64>,
    pub exits: u64,
    pub entries: u64,
    pub compile_ns: u128,
    pub code_bytes: usize,
    /// The compiled traces' instructions, as kept for exits and side traces.
    pub ir_bytes: usize,
    /// Their snapshots: pc, stack refs and delayed slot stores.
    pub snapshot_bytes: usize,
    /// Their resume points: the frames an exit inside inlined calls rebuilds
    /// (counted in `meta_bytes`, beside IR and snapshots).
    pub resume_bytes: usize,
    pub blacklisted: u64,
    /// Bytecodes the interpreter dispatched (counted only with `--jit-stats`).
    pub interp_ops: u64,
    /// The code objects whose `dispatch_counts` count (what the interpreter
    /// still runs is what the JIT should take on next).
    pub counted_codes: Vec<Rc<crate::compiler::bytecode::Code>>,
    /// Residual calls made by traces (`callr`).
    pub residual_calls: u64,
    /// Residual calls of Python functions that entered the callee's compiled
    /// entry trace directly (`jit::compiled_calls`).
    pub compiled_calls: u64,
    /// Exits taken inside inlined generators.
    pub generator_exits: u64,
    /// Allocations compiled traces do not make (`sinka`), and objects exits
    /// made of them.
    pub sunk: u64,
    pub materialized: u64,
}

pub struct Jit {
    pub enabled: bool,
    pub hotloop: u32,
    pub hotexit: u32,
    pub passes: String,
    pub log: Option<Box<dyn Write>>,
    pub stats_on_exit: bool,
    /// Every compiled trace by number.
    pub traces: TraceTable,
    /// (code address, loop slot) -> the loop's root trace.
    pub roots: FastMap<CodeKey, u32>,
    /// Per code object: how many frame slots its traces may touch.
    pub max_slots: FastMap<usize, usize>,
    /// The next free index in `vals` (index 0 is the chaos countdown).
    pub vals_top: usize,
    /// Count interpreted bytecodes (`--jit-stats`).
    pub count_ops: bool,
    /// Loops that failed to record, with the number of failures (exponential
    /// back-off; blacklisted past `MAX_ABORTS`).
    pub failures: FastMap<(usize, u32), u32>,
    pub recording: Option<Box<Recorder>>,
    /// Exceptions raised by interpreted bytecodes while recording (a residual
    /// call that does not come back where it should raised if this moved).
    pub raised_while_recording: u64,
    /// Recordings of a loop or exit (root key, side parent and exit) retried
    /// because a bytecode raised (`RAISED_RETRY`).
    pub raise_retries: FastMap<(CodeKey, Option<(u32, u32)>), u32>,
    pub stats: Stats,
    /// Executable memory for compiled traces, created on first compile.
    pub arena: Option<asm::CodeArena>,
    /// The `vals` buffer every trace runs with: allocated once at its full size
    /// (`VALS_CAPACITY`, zeroed pages the kernel maps on first touch: see
    /// `zeroed`), never
    /// moved, since a residual call may run further traces while one is on the
    /// native stack.
    pub vals: zeroed::ZeroedWords,
    /// Bytecodes that traces run through the interpreter (`callr`), by index.
    pub sites: Vec<residual::Site>,
    /// The residual calls in progress, innermost last: their snapshots are GC
    /// roots, and the frames they hold inlined are `sys._getframe`'s.
    pub residual_calls: Vec<ResidualCall>,
    /// An exception a residual call raised: raised at the exit's bytecode once
    /// the exit has rebuilt the frames.
    pub pending_raise: Option<Value>,
    /// A residual `ForIter` found its iterator exhausted: the exit pops it and
    /// jumps here.
    pub pending_jump: Option<usize>,
    /// Set by `Vm::run_entry_trace` for the function-entry run it is about to
    /// start (taken by `run_trace` at once, so runs nested in its residual
    /// calls do not see it): an exit at that frame's `return` may leave the
    /// frame as it is and hand back the return value in `returned`.
    pub return_directly: bool,
    /// The value a run that `return_directly` allowed returned (see there).
    pub returned: Option<Value>,
    /// Trees to record again: one of their residual calls calls a function
    /// that can be inlined now (see `Vm::tree_to_retire`). Their runs leave
    /// at their next residual call, where `run_trace` drops them (and all of
    /// them at an exit with no run waiting on the native stack).
    pub retire: Vec<u32>,
    /// Code objects with a trace running (on the native stack), innermost
    /// last. A run nested in another's residual call gets the next `vals`
    /// window (`window + VALS_WINDOW`) while one fits, so a residual call may
    /// enter a trace that is already running (recursion) without touching the
    /// waiting run's values; past that it shares the waiting run's window,
    /// and only traces of codes not running are entered.
    pub active: Vec<usize>,
    /// The start of the innermost running trace's `vals` window (see `active`).
    pub window: usize,
    /// The deepest window a trace has run in (the collector visits the
    /// body-entry homes of every window up to it).
    pub max_window: usize,
    /// Functions whose entry trace was once found too short (the next is
    /// their last try).
    pub short_once: FastSet<CodeKey>,
    /// Functions not to inline: recording inside them failed. Calls of them
    /// become residual calls.
    pub no_inline: FastSet<usize>,
    /// Side traces grown inside each inlined function that has loops (by code
    /// address): past a few, it is called instead (src/jit/driver.rs).
    pub callee_loop_side_traces: FastMap<usize, u32>,
    /// `--jit-chaos=SEED[:P]`: every guard also fails with probability P.
    pub chaos: Option<deopt::chaos::Chaos>,
    /// A loop header (code address, pc) not to enter on its next execution (the
    /// last exit was there).
    pub skip_entry: Option<(usize, usize)>,
    next_id: u32,
    /// Root loops whose traces store globals, so look them up each time instead of
    /// guarding the dicts' versions.
    pub volatile_globals: FastSet<CodeKey>,
    /// Loops of `volatile_globals` whose guards on the globals' keys failed
    /// hot too: their traces look every global up by a helper.
    pub volatile_keys: FastSet<CodeKey>,
    /// Loops and exits (trace key, parent trace and exit for a side trace)
    /// whose recording saw a virtual instance taken by an op that cannot take
    /// one (`record::virtuals`): they are recorded again with class calls
    /// making their instances.
    pub escaped_virtuals: FastSet<(CodeKey, Option<(u32, u32)>)>,
    /// Classes (by `TypeObj` address) whose version keeps changing under
    /// traces: no trace guards it (attribute access goes through helpers,
    /// instantiation is a residual call). Types are never freed while a trace
    /// holds them, and a stale entry only costs speed.
    pub volatile_classes: FastSet<usize>,
    /// Linking traces enter their target loop's body directly when they can
    /// (`--jit-opt=-bodyentry` turns it off, for bisecting).
    pub body_entry: bool,
    /// Short branches on ints are recorded branch-free (`ifconv`;
    /// `--jit-opt=-ifconv` records branch guards instead).
    pub if_convert: bool,
    /// Object field offsets for inline loads (`layout`).
    pub layouts: layout::Layouts,
    /// `for` over a generator inlines its resumption (`--jit-opt=-generators`
    /// calls it instead).
    pub inline_generators: bool,
    /// Calls inside inlined generators are inlined when they have no effects
    /// (`record/pure_calls.rs`; `--jit-opt=-purecalls` calls them instead).
    pub pure_calls: bool,
    /// Functions (by code address) whose recording as a pure call inside an
    /// inlined generator failed: called from generators from then on.
    pub impure_calls: FastSet<usize>,
    /// `set(g)`, `tuple(g)`, `list(g)` of a short generator record it whole
    /// (`record/drains.rs`; `--jit-opt=-drains` calls the builtin instead).
    pub inline_drains: bool,
    /// `C(...)` of a plain class inlines its allocation and `__init__`
    /// (`--jit-opt=-classes` records a residual call instead).
    pub inline_classes: bool,
    /// Int chains reduced by `% 2**k` or `& mask` run in wrapping words
    /// (`wrapping`; `--jit-opt=-wrapping` records each operation instead).
    pub wrapping_ints: bool,
    /// Functions with loops are inlined with their loops unrolled, up to a
    /// budget (`--jit-opt=callee-loops`; off: pystone runs 38% fewer
    /// instructions with it, but richards 4.7x and deltablue 2.4x more, their
    /// data-dependent loops multiplying a trace's paths).
    pub inline_callee_loops: bool,
    /// Objects only exits need are not made (`sunk`; `--jit-opt=-allocsink`
    /// makes them in the trace).
    pub sink_alloc: bool,
    /// Virtuals an op cannot take are made before it (`settle_virtuals`).
    /// `--jit-opt=-settle` lets them reach every op, for testing what the
    /// recorder does when one escapes (the recording is thrown away and the
    /// loop recorded again without virtuals).
    pub settle_virtuals: bool,
}

/// The size of `Jit::vals` in words (256 MiB of address space, touched only as
/// far as traces use it).
pub(crate) const VALS_CAPACITY: usize = 1 << 25;

/// A residual call in progress (`Jit::residual_calls`).
#[derive(Clone, Copy, Debug)]
pub struct ResidualCall {
    /// Its `callr`'s exit code (trace and snapshot).
    pub exit: u64,
    /// The `vals` window its trace runs in.
    pub window: usize,
    /// How many interpreter frames there were when it started: its trace runs
    /// on the last of them.
    pub depth: usize,
}

/// The size in words of one running trace's view of `vals` (see
/// `Jit::active`): every trace's homes lie below `vals_top`, so while that
/// stays under this size, runs nested `VALS_WINDOW` apart never overlap. At
/// 2^18 words, 128 runs nest (recursion deeper than that is interpreted).
pub(crate) const VALS_WINDOW: usize = 1 << 18;

/// A word no frame slot ever holds (tag `0xFFFE` is no value's, and a float
/// with those bits is a NaN, which values keep canonical): a body-entry home
/// holding it fails the stub's identity check (`forget_dead_body_entry_homes`).
const NO_VALUE: u64 = 0xFFFE << crate::value::TAG_SHIFT;

pub use guards::fastmap::{FastMap, FastSet, WordHasher};

/// Failed recordings after which a loop is blacklisted.
pub(crate) const MAX_ABORTS: u32 = 4;
/// The abort reason for reaching a loop whose trace does not exist yet: not held
/// against the loop or exit (that trace may come soon), only retried later.
pub(crate) const NO_TRACE_YET: &str = "inner loop without a trace yet";
/// The abort reason for an inlined generator that returned while recording (its
/// iterating loop ends): retried later, not held against the loop or generator.
pub(crate) const GEN_RETURNED: &str = "inlined generator returned";

/// The abort reason for a loop in an inlined call that ran past the unrolling
/// budget: the callee is called from then on (`Jit::no_inline`).
pub(crate) const LONG_INLINED_LOOP: &str = "loop in an inlined call ran long";
/// The abort reason for a trace that stores a global while it treats globals as
/// constants: its loop is recorded again, looking globals up each time.
pub(crate) const GLOBALS_WRITTEN: &str = "global stored";
/// The recording passed `MAX_RECORD_OPS` bytecodes.
pub(crate) const TOO_LONG: &str = "trace too long";
/// The abort reason for a bytecode that raised while recording (not a `raise`
/// statement: `d[k]` missing, `int(s)` failing): the loop or exit is recorded
/// again, not held against it, since another iteration likely takes the path
/// that does not raise, which the trace should run (the raising case leaves
/// through the bytecode's own guard). After `RAISE_RETRIES` such retries the
/// trace ends at the bytecode instead (`Vm::end_recording_at_raise`).
pub(crate) const RAISED_RETRY: &str = "exception raised (recorded again)";
pub(crate) const RAISE_RETRIES: u32 = 3;
/// The same for a residual `ForIter` that ran out while recording: the loop
/// ended, which says nothing about its next run.
pub(crate) const JUMPED_RETRY: &str = "residual bytecode jumped (recorded again)";
/// The same for a `for` over a generator not started yet, whose first
/// resumption the trace cannot inline (it would leave the generator's frame at
/// another pc and stack depth than it found it): the next pass most likely
/// meets one suspended at its yield, whose resumption inlines, and the trace's
/// guard sends the first resumptions to a side trace.
pub(crate) const FRESH_GEN_RETRY: &str = "generator not started yet (recorded again)";

/// Whether `reason` is one of the aborts recorded again at the next pass.
/// A virtual instance reached an op that cannot take one (see
/// `record::virtuals`): recorded again, class calls then making their objects.
pub(crate) const VIRTUAL_ESCAPED: &str = "virtual instance escaped (recorded again)";

/// `VIRTUAL_ESCAPED` the first time a loop or exit sees it, then held
/// against it (a virtual the recorder makes with class calls' objects made,
/// an `enumerate` step's tuple, escaping again).
pub(crate) fn virtual_escaped(first: bool) -> &'static str {
    if first {
        VIRTUAL_ESCAPED
    } else {
        "virtual instance escaped"
    }
}

pub(crate) fn recorded_again(reason: &str) -> bool {
    reason == RAISED_RETRY
        || reason == JUMPED_RETRY
        || reason == FRESH_GEN_RETRY
        || reason == VIRTUAL_ESCAPED
}

impl Default for Jit {
    fn default() -> Self {
        Jit {
            enabled: false,
            hotloop: 56,
            hotexit: 10,
            passes: "all".into(),
            log: None,
            stats_on_exit: false,
            traces: TraceTable::default(),
            roots: FastMap::default(),
            max_slots: FastMap::default(),
            // 0: the chaos countdown; 1: a residual call's exit code
            vals_top: guards::ir::RESIDUAL_EXIT_SLOT + 1,
            count_ops: false,
            failures: FastMap::default(),
            recording: None,
            raised_while_recording: 0,
            raise_retries: Default::default(),
            stats: Stats::default(),
            arena: None,
            vals: zeroed::ZeroedWords::empty(),
            sites: Vec::new(),
            residual_calls: Vec::new(),
            pending_raise: None,
            pending_jump: None,
            return_directly: false,
            returned: None,
            retire: Vec::new(),
            active: Vec::new(),
            window: 0,
            max_window: 0,
            short_once: Default::default(),
            no_inline: Default::default(),
            callee_loop_side_traces: Default::default(),
            chaos: None,
            skip_entry: None,
            next_id: 1,
            volatile_globals: Default::default(),
            volatile_keys: Default::default(),
            escaped_virtuals: Default::default(),
            volatile_classes: Default::default(),
            body_entry: true,
            if_convert: true,
            layouts: layout::Layouts::measure(),
            inline_generators: true,
            inline_drains: true,
            pure_calls: true,
            impure_calls: Default::default(),
            wrapping_ints: true,
            inline_callee_loops: false,
            inline_classes: true,
            sink_alloc: true,
            settle_virtuals: true,
        }
    }
}

impl Jit {
    /// Forgets the frame values a looping trace's body-entry stub compares by
    /// identity (the peeled iteration's loads of invariant slots, kept in
    /// their homes) whose objects the collection under way found dead: the
    /// home gets `NO_VALUE`, which no frame slot holds, so the next entry
    /// goes to the top. Were the object collected and the home kept, a new
    /// object at its address would pass the check with the old one's
    /// invariants (a range iterator's stop, say); were the homes roots, as
    /// they were, every trace would keep the objects of its last run alive
    /// (the list a loop iterated, and all it holds) for as long as the
    /// program runs. Call after marking, before the sweep.
    pub fn forget_dead_body_entry_homes(&mut self) {
        for t in self.traces.values() {
            // (a nested run's window keeps its homes for the next run nested as deep)
            for window in (0..=self.max_window).step_by(VALS_WINDOW) {
                for &k in &t.body_entry_homes {
                    let Some(home) = self.vals.get_mut(window + t.vals_base + k as usize) else {
                        continue;
                    };
                    if Value(*home).as_obj().is_some_and(|o| !o.marked.get()) {
                        *home = NO_VALUE;
                    }
                }
            }
        }
    }

    /// The count at `vals` index `k` (a trace's entry or iteration counter)
    /// over every window a trace has run in.
    pub fn counted(&self, k: usize) -> u64 {
        (0..=self.max_window)
            .step_by(VALS_WINDOW)
            .map(|w| self.vals.get(w + k).copied().unwrap_or(0))
            .sum()
    }

    /// Whether a trace may start running now in the next window: one is
    /// running (the caller is its residual call) and both the depth and every
    /// trace's homes fit (`VALS_WINDOW`).
    pub fn nested_window_fits(&self) -> bool {
        self.vals_top <= VALS_WINDOW && self.window + 2 * VALS_WINDOW <= VALS_CAPACITY
    }

    /// `CompiledTrace::body_entry_homes` of a trace compiled to `code`.
    pub fn body_entry_homes(code: &asm::CompiledTrace, trace: &guards::Trace) -> Vec<u32> {
        let (Some(_), Some(lp)) = (&code.body_entry, trace.loop_start()) else {
            return Vec::new();
        };
        trace.ins[..lp]
            .iter()
            .enumerate()
            .filter(|(_, ins)| {
                ins.op == guards::Op::Slot && !trace.carried.contains(&(ins.imm as u32))
            })
            .map(|(k, _)| k as u32)
            .collect()
    }

    /// `--jit-opt`: the optimizer's passes, plus `bodyentry` (the driver's) and
    /// `ifconv` (the recorder's).
    pub fn set_opts(&mut self, spec: &str) {
        let mut passes = Vec::new();
        for tok in spec.split(',').map(str::trim) {
            match tok {
                "-bodyentry" => self.body_entry = false,
                "bodyentry" | "+bodyentry" => self.body_entry = true,
                "-ifconv" => self.if_convert = false,
                "ifconv" | "+ifconv" => self.if_convert = true,
                "-generators" => self.inline_generators = false,
                "generators" | "+generators" => self.inline_generators = true,
                "-purecalls" => self.pure_calls = false,
                "purecalls" | "+purecalls" => self.pure_calls = true,
                "-drains" => self.inline_drains = false,
                "drains" | "+drains" => self.inline_drains = true,
                "-callee-loops" => self.inline_callee_loops = false,
                "callee-loops" | "+callee-loops" => self.inline_callee_loops = true,
                "-wrapping" => self.wrapping_ints = false,
                "wrapping" | "+wrapping" => self.wrapping_ints = true,
                "-allocsink" => self.sink_alloc = false,
                "allocsink" | "+allocsink" => self.sink_alloc = true,
                "-settle" => self.settle_virtuals = false,
                "settle" | "+settle" => self.settle_virtuals = true,
                "-classes" => self.inline_classes = false,
                "classes" | "+classes" => self.inline_classes = true,
                _ => passes.push(tok),
            }
        }
        self.passes = if passes.is_empty() {
            "all".into()
        } else {
            passes.join(",")
        };
    }

    pub fn log(&mut self, s: &str) {
        if let Some(l) = &mut self.log {
            let _ = l.write_all(s.as_bytes());
        }
    }

    /// Whether the loop at (code, slot) has crossed its hot threshold, honouring
    /// back-off for loops that failed to record.
    /// Whether the interpreter must call the JIT at a loop header or function
    /// entry whose counter reads `count`: a recording sees every one; otherwise
    /// only hot or compiled ones can do anything (`Jit::is_hot`, `JitState`).
    #[inline]
    pub fn asked(&self, count: u32, state: JitState) -> bool {
        self.recording.is_some()
            || match state {
                JitState::Counting => count >= self.hotloop,
                JitState::Compiled => true,
                JitState::Off => false,
            }
    }

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
        for s in &self.sites {
            visit(s.name);
            visit(s.globals);
            visit(s.locals);
            if let Some(c) = &s.code {
                c.trace(visit);
            }
        }
        if let Some(e) = self.pending_raise {
            visit(e);
        }
        // Every value a trace holds for the interpreter during a residual call:
        // its snapshot, written home before the call.
        for &ResidualCall { exit, window, .. } in &self.residual_calls {
            let (id, snap) = driver::split_exit(exit as u32);
            if let Some(t) = self.traces.get(&id) {
                // (a sunk object's parts, not the object: none exists yet)
                let own = &self.vals[window + t.vals_base..];
                for r in t.trace.snapshot_values(snap) {
                    visit(Value(deopt::box_ref(&t.trace, r, own)));
                }
            }
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
        let mut by_name: std::collections::BTreeMap<&str, u64> = Default::default();
        for t in self.traces.values() {
            for (k, &n) in t.exit_kinds.iter().zip(&t.exits_taken) {
                if n > 0 {
                    *by_name.entry(k).or_default() += n;
                }
            }
        }
        // the exits taken most: trace#snapshot:kind@pc
        let mut hot: Vec<(u64, String)> = Vec::new();
        for (id, t) in self.traces.iter() {
            for (s, (k, &n)) in t.exit_kinds.iter().zip(&t.exits_taken).enumerate() {
                if n > 0 {
                    let pc = t.trace.snapshots[s].pc;
                    hot.push((n, format!("{id}#{s}:{k}@{pc:x}")));
                }
            }
        }
        hot.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let hot: Vec<String> = hot
            .iter()
            .take(8)
            .map(|(n, w)| format!("{w}:{n}"))
            .collect();
        let kinds: Vec<(&str, u64)> = by_name.into_iter().collect();
        let kinds: Vec<String> = kinds.iter().map(|(k, v)| format!("{k}:{v}")).collect();
        // Bytecodes run in traces: every execution of a trace counted as its whole
        // recording (an exit part-way overcounts by at most one pass).
        let traced: u64 = self
            .traces
            .values()
            .map(|t| self.counted(t.counter) * t.bytecodes)
            .sum();
        let total = traced + self.stats.interp_ops;
        let share = if total == 0 {
            0.0
        } else {
            100.0 * traced as f64 / total as f64
        };
        // the residual calls made most, by op and recorded input types
        let mut sites: std::collections::HashMap<&str, u64> = Default::default();
        for s in &self.sites {
            *sites.entry(&s.what).or_default() += s.calls;
        }
        let mut sites: Vec<(&str, u64)> = sites.into_iter().filter(|&(_, n)| n > 0).collect();
        sites.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
        let sites: Vec<String> = sites
            .iter()
            .take(12)
            .map(|(k, n)| format!("{}:{n}", k.replace(' ', "_")))
            .collect();
        let mut interpreted: Vec<(u64, String)> = Vec::new();
        for code in &self.stats.counted_codes {
            let Some(counts) = code.dispatch_counts.get() else {
                continue;
            };
            for (op, n) in code.ops.iter().zip(counts.iter()) {
                if n.get() > 0 {
                    interpreted.push((n.get(), format!("{}@{op:?}", code.qualname)));
                }
            }
        }
        interpreted.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)));
        let interpreted: Vec<String> = interpreted
            .iter()
            .take(8)
            .map(|(n, k)| format!("{}:{n}", k.replace(' ', "_")))
            .collect();
        format!(
            "jit: traces={} side_traces={} aborts={} blacklisted={} entries={} exits={} residual_calls={} compiled_calls={} generator_exits={} sunk={} materialized={} compile_ms={:.3} code_bytes={} ir_bytes={} snapshot_bytes={} meta_bytes={} in_traces={:.1}% exits_by_guard={} abort_reasons={} residual_sites={} interpreted={} hot_exits={}\n",
            self.stats.traces,
            self.stats.side_traces,
            aborts,
            self.stats.blacklisted,
            self.stats.entries,
            self.stats.exits,
            self.stats.residual_calls,
            self.stats.compiled_calls,
            self.stats.generator_exits,
            self.stats.sunk,
            self.stats.materialized,
            self.stats.compile_ns as f64 / 1e6,
            self.stats.code_bytes,
            self.stats.ir_bytes,
            self.stats.snapshot_bytes,
            self.stats.ir_bytes + self.stats.snapshot_bytes + self.stats.resume_bytes,
            share,
            if kinds.is_empty() {
                "none".to_string()
            } else {
                kinds.join(",")
            },
            if reasons.is_empty() {
                "none".to_string()
            } else {
                reasons.join(",")
            },
            if sites.is_empty() {
                "none".to_string()
            } else {
                sites.join(",")
            },
            if interpreted.is_empty() {
                "none".to_string()
            } else {
                interpreted.join(",")
            },
            if hot.is_empty() {
                "none".to_string()
            } else {
                hot.join(",")
            }
        )
    }
}

/// Turns a trace exit into interpreter state: the snapshot's operand stack is boxed
/// back onto the frame and execution resumes at the snapshot's pc. `vals` starts at
/// the trace's own `vals_base`.
pub fn restore_frame(
    frame: &mut Frame,
    trace: &Trace,
    snap: u32,
    vals: &[u64],
    maker: &mut sunk::Maker,
) {
    // (what `deopt::restore` computes, written in place: exits are frequent)
    let s = &trace.snapshots[snap as usize];
    for &(slot, r) in &s.slots {
        frame.slots[slot as usize] = maker.value(trace, r, vals);
    }
    frame.slots.truncate(frame.stack_base);
    frame
        .slots
        .extend(s.stack.iter().map(|&r| maker.value(trace, r, vals)));
    frame.pc = s.pc as usize;
}

pub type CodeKey = (usize, u32);

pub fn key_of(code: &Rc<Code>, slot: u32) -> CodeKey {
    (Rc::as_ptr(code) as usize, slot)
}
