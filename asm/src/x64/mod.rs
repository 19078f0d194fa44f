//! The x86-64 backend: the emitter and the lowering of trace IR onto it.

pub mod emit;
pub mod lower;

pub use lower::{X64, link_jump};

#[cfg(test)]
mod tests;
