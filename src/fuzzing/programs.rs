//! Small Python programs built from fuzz input to stress JIT exits: bytes decide
//! the loops (count, kind, bound, module level or inside a function) and which
//! stress features (`super::features`) each loop body combines. Every program
//! terminates quickly (loops of at most 300 iterations, inner loops of a few) and
//! prints its state, so a wrong value after an exit shows in the output.

use super::features;

/// Reads decisions from the input bytes (zeros once they run out, so every input,
/// including the empty one, is a valid program).
pub struct Choices<'a> {
    data: &'a [u8],
    pos: usize,
}

impl<'a> Choices<'a> {
    pub fn new(data: &'a [u8]) -> Self {
        Choices { data, pos: 0 }
    }
    pub fn byte(&mut self) -> u8 {
        let b = self.data.get(self.pos).copied().unwrap_or(0);
        self.pos += 1;
        b
    }
    /// A value in `0..n` (`n > 0`).
    pub fn below(&mut self, n: usize) -> usize {
        self.byte() as usize % n
    }
    /// True with probability about `pct` percent.
    pub fn chance(&mut self, pct: usize) -> bool {
        self.below(100) < pct
    }
    /// One of `items`.
    pub fn pick<T: Copy>(&mut self, items: &[T]) -> T {
        items[self.below(items.len())]
    }
}

/// One stress feature inside one loop. Names carry the feature's unique id.
#[derive(Default)]
pub struct Feature {
    /// Module-level definitions (functions, classes, globals).
    pub defs: String,
    /// Statements before the loop (at the loop's level).
    pub setup: String,
    /// Statements of the loop body, `i` being the loop variable.
    pub body: String,
    /// Expressions printed after the loop (and at periodic prints).
    pub state: Vec<String>,
    /// Module-level names the body assigns (need `global` inside a function).
    pub globals: Vec<String>,
}

/// A generated program plus the chaos parameters to run it with.
#[derive(Clone, Debug)]
pub struct Program {
    pub source: String,
    pub chaos_seed: u64,
    pub chaos_p: f64,
}

/// Indents every line of `s` by `n` levels.
pub fn indent(s: &str, n: usize) -> String {
    let pad = "    ".repeat(n);
    s.lines().map(|l| format!("{pad}{l}\n")).collect()
}

/// Decodes a program from fuzz input.
pub fn program_from_bytes(data: &[u8]) -> Program {
    let mut c = Choices::new(data);
    let chaos_seed = c.byte() as u64;
    let chaos_p = c.pick(&[0.05, 0.1, 0.2, 0.5, 1.0]);
    let mut defs = String::new();
    let mut main = String::new();
    let mut next_id = 0;
    let loops = 1 + c.below(3);
    for k in 0..loops {
        let n = c.pick(&[1, 2, 3, 5, 8, 17, 40, 100, 300]);
        // mostly loops the recorder can compile (see features::feature)
        let jit = c.chance(75);
        let mut raised = false;
        let mut feats = Vec::new();
        for _ in 0..1 + c.below(5) {
            next_id += 1;
            let f = features::feature(&mut c, next_id, n, jit, &mut raised);
            defs.push_str(&f.defs);
            feats.push(f);
        }
        // an escaping exception is caught around the loop, but may end the last one
        let catch = raised && (k + 1 < loops || c.chance(50));
        main.push_str(&loop_code(&mut c, k, n, jit, catch, &feats));
    }
    Program {
        source: format!("{defs}{main}"),
        chaos_seed,
        chaos_p,
    }
}

/// One loop over `feats`, at module level or in a function called once or twice,
/// in a `try` when `catch`; prints at some iterations unless `jit` (print is a call
/// the recorder does not compile).
fn loop_code(
    c: &mut Choices,
    k: usize,
    n: usize,
    jit: bool,
    catch: bool,
    feats: &[Feature],
) -> String {
    let in_func = c.chance(50);
    let mut setup = String::new();
    let mut body = String::new();
    let mut state = vec![format!("\"loop{k}\"")];
    let mut globals: Vec<String> = Vec::new();
    for f in feats {
        setup.push_str(&f.setup);
        body.push_str(&f.body);
        state.extend(f.state.iter().cloned());
        for g in &f.globals {
            if !globals.contains(g) {
                globals.push(g.clone());
            }
        }
    }
    let state = state.join(", ");
    if !jit && c.chance(30) {
        let p = c.pick(&[1, 2, 7, 50]);
        body.push_str(&format!("if i % {p} == 0:\n    print(i, {state})\n"));
    }
    let lp = match c.below(3) {
        0 => format!("i = 0\nwhile i < {n}:\n{}    i = i + 1\n", indent(&body, 1)),
        1 => format!("for i in list(range({n})):\n{}", indent(&body, 1)),
        _ => format!("for i in range({n}):\n{}", indent(&body, 1)),
    };
    let lp = if catch {
        format!(
            "try:\n{}except Exception as ex:\n    print(\"caught\", type(ex).__name__, ex)\n",
            indent(&lp, 1)
        )
    } else {
        lp
    };
    let code = format!("{setup}{lp}print({state})\n");
    if !in_func {
        return code;
    }
    let decl = if globals.is_empty() {
        String::new()
    } else {
        format!("global {}\n", globals.join(", "))
    };
    let calls = if c.chance(30) { 2 } else { 1 };
    let mut out = format!("def run{k}():\n{}", indent(&format!("{decl}{code}"), 1));
    for _ in 0..calls {
        out.push_str(&format!("run{k}()\n"));
    }
    out
}
