//! Loop peeling (placeholder).
use crate::ir::Trace;
pub fn run(_t: &mut Trace) -> bool {
    false
}
