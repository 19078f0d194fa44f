//! The front end: parse (ruff_python_parser), analyse scopes, generate bytecode.

pub mod bytecode;
pub mod codegen;
pub mod liveness;
pub mod symtable;
pub mod unparse;
