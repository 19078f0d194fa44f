//! The x86-64 backend: the emitter and the lowering of trace IR onto it.

pub mod emit;

#[cfg(test)]
mod tests;
