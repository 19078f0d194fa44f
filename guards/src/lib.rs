//! The trace IR (SSA, typed, guards carrying snapshots) and its passes: fold/CSE, DCE,
//! guard hoisting by loop peeling, allocation sinking. Depends on nothing else in Coil.
//!
//! Status: placeholder. The tracing JIT (issue "Tracing JIT on x86-64") fills this crate;
//! see docs/design.md for the planned IR.
