//! The AArch64 backend: the emitter and the lowering of trace IR onto it. It only
//! produces bytes, so it builds (and its encoder tests run) on every host; it runs
//! where the host is AArch64 (natively or under qemu-user).

pub mod emit;
pub mod lower;

pub use lower::{Arm64, link_jump};

#[cfg(test)]
mod tests;
