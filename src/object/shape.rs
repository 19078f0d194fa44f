//! Hidden classes for instance attributes: a shape maps attribute names to slot
//! indices, and instances that gained the same attributes in the same order share one
//! shape, so an attribute access can be validated with a single pointer compare.

use std::cell::RefCell;

use guards::fastmap::FastMap;

use crate::value::Value;

/// Attribute names are interned strings, so names compare by identity (`Value` bits)
/// and hash as words (every instance's `__init__` takes transitions by name).
pub struct Shape {
    pub names: Vec<Value>,
    index: FastMap<u64, u32>,
    transitions: RefCell<FastMap<u64, &'static Shape>>,
}

/// Shapes with more attributes than this look names up through the hash map.
const LINEAR_SCAN_LIMIT: usize = 8;

impl Shape {
    /// The empty shape every new instance starts with. Shapes are leaked: they are
    /// few (bounded by the program's attribute patterns) and traces point at them.
    pub fn new_root() -> &'static Shape {
        Box::leak(Box::new(Shape {
            names: Vec::new(),
            index: FastMap::default(),
            transitions: RefCell::new(FastMap::default()),
        }))
    }

    #[inline]
    pub fn lookup(&self, name: Value) -> Option<usize> {
        if self.names.len() <= LINEAR_SCAN_LIMIT {
            self.names.iter().position(|n| *n == name)
        } else {
            self.index.get(&name.0).map(|i| *i as usize)
        }
    }

    /// The shape with `name` appended, shared by every instance taking this transition.
    pub fn with(&'static self, name: Value) -> &'static Shape {
        if let Some(s) = self.transitions.borrow().get(&name.0) {
            return s;
        }
        let mut names = self.names.clone();
        names.push(name);
        let index = names
            .iter()
            .enumerate()
            .map(|(i, n)| (n.0, i as u32))
            .collect();
        let next: &'static Shape = Box::leak(Box::new(Shape {
            names,
            index,
            transitions: RefCell::new(FastMap::default()),
        }));
        self.transitions.borrow_mut().insert(name.0, next);
        next
    }

    pub fn trace(&self, visit: &mut dyn FnMut(Value)) {
        self.names.iter().for_each(|v| visit(*v));
    }
}
