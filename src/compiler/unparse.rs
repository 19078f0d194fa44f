//! The text of an annotation under `from __future__ import annotations` (PEP 563):
//! the expression written back as CPython's `ast.unparse` writes it, for the forms
//! annotations use (names, attributes, subscripts, `|` unions, literals, calls);
//! anything else keeps its source text.

use ruff_python_ast::{self as ast, Expr, Operator};
use ruff_text_size::Ranged;

/// Binding strength, as in CPython's unparser: a child weaker than its context is
/// parenthesized.
const TUPLE: u8 = 1;
/// An annotation is written at the level of a test expression: a tuple there
/// gets parentheses.
const TEST: u8 = 2;
const BOR: u8 = 10;
const BXOR: u8 = 11;
const BAND: u8 = 12;
const SHIFT: u8 = 13;
const ARITH: u8 = 14;
const TERM: u8 = 15;
const FACTOR: u8 = 16;
const POWER: u8 = 17;
const ATOM: u8 = 20;

fn op_prec(op: Operator) -> u8 {
    match op {
        Operator::BitOr => BOR,
        Operator::BitXor => BXOR,
        Operator::BitAnd => BAND,
        Operator::LShift | Operator::RShift => SHIFT,
        Operator::Add | Operator::Sub => ARITH,
        Operator::Pow => POWER,
        _ => TERM,
    }
}

pub fn unparse(e: &Expr, source: &str) -> String {
    let mut out = String::new();
    write(e, source, TEST, &mut out);
    out
}

fn write(e: &Expr, source: &str, ctx: u8, out: &mut String) {
    match e {
        Expr::Name(n) => out.push_str(&n.id),
        Expr::Attribute(a) => {
            write(&a.value, source, ATOM, out);
            out.push('.');
            out.push_str(&a.attr.id);
        }
        Expr::Subscript(s) => {
            write(&s.value, source, ATOM, out);
            out.push('[');
            match &*s.slice {
                // `x[a, b]`: the tuple without parentheses
                Expr::Tuple(t) if !t.elts.is_empty() => {
                    seq(&t.elts, source, out);
                    if t.elts.len() == 1 {
                        out.push(',');
                    }
                }
                other => write(other, source, 0, out),
            }
            out.push(']');
        }
        Expr::Tuple(t) => {
            let paren = ctx > TUPLE || t.elts.is_empty();
            if paren {
                out.push('(');
            }
            seq(&t.elts, source, out);
            if t.elts.len() == 1 {
                out.push(',');
            }
            if paren {
                out.push(')');
            }
        }
        Expr::List(l) => {
            out.push('[');
            seq(&l.elts, source, out);
            out.push(']');
        }
        Expr::BinOp(b) => {
            let p = op_prec(b.op);
            if p < ctx {
                out.push('(');
            }
            // left-associative: the right operand binds one tighter (** the reverse)
            let (lp, rp) = if b.op == Operator::Pow {
                (p + 1, p)
            } else {
                (p, p + 1)
            };
            write(&b.left, source, lp, out);
            out.push(' ');
            out.push_str(b.op.as_str());
            out.push(' ');
            write(&b.right, source, rp, out);
            if p < ctx {
                out.push(')');
            }
        }
        Expr::UnaryOp(u) if u.op != ast::UnaryOp::Not => {
            if FACTOR < ctx {
                out.push('(');
            }
            out.push_str(u.op.as_str());
            write(&u.operand, source, FACTOR, out);
            if FACTOR < ctx {
                out.push(')');
            }
        }
        Expr::StringLiteral(s) => out.push_str(&crate::vm::ops::str_repr(s.value.to_str())),
        Expr::NoneLiteral(_) => out.push_str("None"),
        Expr::BooleanLiteral(b) => out.push_str(if b.value { "True" } else { "False" }),
        Expr::EllipsisLiteral(_) => out.push_str("..."),
        Expr::Call(c) => {
            write(&c.func, source, ATOM, out);
            out.push('(');
            let mut first = true;
            for a in c.arguments.args.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                write(a, source, 0, out);
            }
            for k in c.arguments.keywords.iter() {
                if !first {
                    out.push_str(", ");
                }
                first = false;
                match &k.arg {
                    Some(n) => {
                        out.push_str(&n.id);
                        out.push('=');
                    }
                    None => out.push_str("**"),
                }
                write(&k.value, source, 0, out);
            }
            out.push(')');
        }
        other => {
            let r = other.range();
            let text = source
                .get(r.start().to_usize()..r.end().to_usize())
                .unwrap_or("");
            out.push_str(text);
        }
    }
}

fn seq(items: &[Expr], source: &str, out: &mut String) {
    for (i, e) in items.iter().enumerate() {
        if i > 0 {
            out.push_str(", ");
        }
        write(e, source, TUPLE + 1, out);
    }
}
