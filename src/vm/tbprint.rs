//! Printing an uncaught exception as CPython does: the chain of causes and
//! contexts, and exception groups drawn as nested boxes (`+-+---- 1 ----`, `| `
//! margins), at most 15 sub-exceptions per group and 10 groups deep.

use crate::value::Value;
use crate::vm::Vm;

const MAX_GROUP_WIDTH: usize = 15;
const MAX_GROUP_DEPTH: usize = 10;

const CAUSE: &str = "\nThe above exception was the direct cause of the following exception:\n\n";
const CONTEXT: &str = "\nDuring handling of the above exception, another exception occurred:\n\n";

/// CPython's _ExceptionPrintContext.
struct Ctx {
    seen: Vec<Value>,
    depth: usize,
    need_close: bool,
    out: String,
}

impl Ctx {
    fn indent(&self) -> String {
        " ".repeat(2 * self.depth)
    }

    /// Every line of `text` behind the margin of the current group depth.
    fn emit(&mut self, text: &str, margin: char) {
        let mut prefix = self.indent();
        if self.depth > 0 {
            prefix.push(margin);
            prefix.push(' ');
        }
        for line in text.split_inclusive('\n') {
            self.out.push_str(&prefix);
            self.out.push_str(line);
        }
    }
}

impl Vm {
    pub fn format_exception(&mut self, e: Value) -> String {
        let mut ctx = Ctx {
            seen: Vec::new(),
            depth: 0,
            need_close: false,
            out: String::new(),
        };
        self.format_chain(e, &mut ctx);
        ctx.out
    }

    fn format_chain(&mut self, e: Value, ctx: &mut Ctx) {
        let mut chain: Vec<(Option<&str>, Value)> = Vec::new();
        let mut exc = Some(e);
        while let Some(x) = exc {
            ctx.seen.push(x);
            let (cause, context, suppress) = match self.exc_state(x) {
                Some(st) => (st.cause, st.context, st.suppress_context),
                None => (Value::NONE, Value::NONE, false),
            };
            let fresh = |v: Value| v.is_obj() && !ctx.seen.contains(&v);
            let (msg, next) = if fresh(cause) {
                (Some(CAUSE), Some(cause))
            } else if !suppress && fresh(context) {
                (Some(CONTEXT), Some(context))
            } else {
                (None, None)
            };
            chain.push((msg, x));
            exc = next;
        }
        for i in (0..chain.len()).rev() {
            let x = chain[i].1;
            self.format_single(x, ctx);
            if i > 0
                && let Some(msg) = chain[i - 1].0
            {
                ctx.emit(msg, '|');
            }
        }
    }

    fn format_single(&mut self, e: Value, ctx: &mut Ctx) {
        let frames = self.traceback_frames(e);
        if !self.is_exception_group(e) {
            if !frames.is_empty() {
                ctx.emit("Traceback (most recent call last):\n", '|');
                ctx.emit(&frames, '|');
            }
            let only = self.exception_only(e);
            ctx.emit(&only, '|');
            return;
        }
        if ctx.depth > MAX_GROUP_DEPTH {
            ctx.emit(
                &format!("... (max_group_depth is {MAX_GROUP_DEPTH})\n"),
                '|',
            );
            return;
        }
        let toplevel = ctx.depth == 0;
        if toplevel {
            ctx.depth += 1;
        }
        if !frames.is_empty() {
            let margin = if toplevel { '+' } else { '|' };
            ctx.emit(
                "Exception Group Traceback (most recent call last):\n",
                margin,
            );
            ctx.emit(&frames, '|');
        }
        let only = self.exception_only(e);
        ctx.emit(&only, '|');
        let k = self.name("exceptions");
        let excs = self
            .instance_get_attr(e, k)
            .and_then(|t| self.tuple_items(t))
            .unwrap_or_default();
        let n = excs.len().min(MAX_GROUP_WIDTH + 1);
        ctx.need_close = false;
        for i in 0..n {
            let last = i == n - 1;
            if last {
                ctx.need_close = true;
            }
            let truncated = i >= MAX_GROUP_WIDTH;
            let title = if truncated {
                "...".to_string()
            } else {
                (i + 1).to_string()
            };
            let lead = if i == 0 { "+-" } else { "  " };
            let line = format!(
                "{}{lead}+---------------- {title} ----------------\n",
                ctx.indent()
            );
            ctx.out.push_str(&line);
            ctx.depth += 1;
            if truncated {
                let more = excs.len() - MAX_GROUP_WIDTH;
                let s = if more > 1 { "s" } else { "" };
                ctx.emit(&format!("and {more} more exception{s}\n"), '|');
            } else {
                self.format_chain(excs[i], ctx);
            }
            if last && ctx.need_close {
                let line = format!("{}+------------------------------------\n", ctx.indent());
                ctx.out.push_str(&line);
                ctx.need_close = false;
            }
            ctx.depth -= 1;
        }
        if toplevel {
            ctx.depth = 0;
        }
    }
}
