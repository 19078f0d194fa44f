//! Object sizes: the bytes an object holds, which `object.__sizeof__` and
//! `sys.getsizeof` report.
//!
//! An object is one slot of the heap's blocks (`size_of::<Obj>()` bytes:
//! class, GC word and the kind's inline payload) plus what its payload keeps
//! outside the slot (a list's vector at its capacity, a dict's entries and
//! index, a str or tuple too long to sit in the slot, a big int's digits). Ints,
//! floats, bools and None are not objects at all: they live in the 8-byte
//! value that refers to them. Allocator rounding is not counted (CPython's
//! `sys.getsizeof` leaves out its allocator's too).

use std::mem::size_of;

use crate::object::{Obj, ObjData, SmallStr};
use crate::value::Value;

/// The bytes `v` holds (see the module docs).
pub fn size_of_value(v: Value) -> usize {
    match v.as_obj() {
        Some(o) => size_of::<Obj>() + outside_slot(o),
        None => size_of::<Value>(),
    }
}

/// The bytes of `o`'s payload kept outside its slot.
fn outside_slot(o: &Obj) -> usize {
    const WORD: usize = size_of::<Value>();
    match &o.data {
        ObjData::Str(s) => match &s.s {
            SmallStr::Inline { .. } => 0,
            SmallStr::Heap(text) => text.len(),
        },
        ObjData::BigInt(n) => n.bits().div_ceil(64) as usize * 8,
        ObjData::List(items) => items.get().capacity() * WORD,
        ObjData::Tuple(items) if items.len() > crate::object::tuple::INLINE => items.len() * WORD,
        ObjData::Dict(d) => d.get().heap_bytes(),
        ObjData::Set(s) => s.get().heap_bytes(),
        ObjData::Bytes(b) => b.len(),
        ObjData::ByteArray(b) => b.get().capacity(),
        ObjData::Type(t) => size_of_val(&**t),
        ObjData::Function(f) => size_of_val(&**f),
        ObjData::Instance(i) => {
            let exc = i.exc.get().as_ref().map_or(0, |e| size_of_val(&**e));
            i.slots.get().capacity() * WORD + exc
        }
        ObjData::Generator(g) => g
            .get()
            .frame
            .as_ref()
            .map_or(0, |f| size_of_val(&**f) + f.slots.capacity() * WORD),
        ObjData::Native(n) => size_of_val(&**n),
        _ => 0,
    }
}

fn size_of_val<T: ?Sized>(v: &T) -> usize {
    std::mem::size_of_val(v)
}
