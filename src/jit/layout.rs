//! Where traces find object fields: byte offsets, measured once on real objects.
//!
//! Why measure rather than declare: `Obj` and `ObjData` are `repr(C)`, so the class
//! and the payload of each kind sit at fixed places, but the payloads are std types
//! (`Vec`, boxed slices) whose field order Rust does not promise. Instead of
//! mirroring them, each payload's words are searched for what must be there (the
//! item pointer, the length), on two objects with different contents so that a
//! coincidence cannot pass. When a field is not found exactly once the kind gets no
//! layout and the recorder keeps calling helpers for it: slower, never wrong.

use std::cell::Cell;
use std::mem::{offset_of, size_of};

use crate::object::{Dict, Instance, IterState, Mut, Obj, ObjData, Shape, TupleItems, TypeObj};
use crate::value::Value;

/// The fields of a sequence payload, as byte offsets from the object's address.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SeqLayout {
    /// The item count (a usize).
    pub len: i64,
    /// The pointer to the first item (items are consecutive `Value`s).
    pub items: i64,
}

#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct Layouts {
    /// The object's class (a boxed `Value`).
    pub class: i64,
    pub list: Option<SeqLayout>,
    pub tuple: Option<SeqLayout>,
    /// A dict's `version` (a u64).
    pub dict_version: i64,
    pub dict: Option<DictLayout>,
    /// A type's `lookup_version` (a u64), from the address of its boxed
    /// `TypeObj` (which never moves while the type lives): what traces guard.
    /// Everything they take from a class (its methods, `__init__`, properties,
    /// the absence of a data descriptor or attribute hook for a name) is a
    /// lookup whose result changing moves it; a class-level counter
    /// (`Cls.count += 1`, a plain value replacing a plain value) moves only
    /// `version`, so it no longer makes every trace that uses the class leave.
    pub type_version: i64,
    pub instance: Option<InstanceLayout>,
    pub seq_iter: SeqIterLayout,
    pub range_iter: RangeIterLayout,
    /// A closure cell's value (a `Value`; EMPTY while unbound).
    pub cell_value: i64,
}

/// Where a dict keeps its entries, for loads and stores at a known position.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct DictLayout {
    /// Its `keys_version` (a u64).
    pub keys_version: i64,
    /// The pointer to its first entry.
    pub entries: i64,
    /// An entry's size, and where its value is in it.
    pub entry_size: i64,
    pub entry_value: i64,
}

/// A range iterator (`IterState::Range`); its fields are i64s.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct RangeIterLayout {
    /// The variant tag word, and its value for `Range`.
    pub tag: i64,
    pub range_tag: u64,
    pub cur: i64,
    pub stop: i64,
    pub step: i64,
}

/// A list or tuple iterator (`IterState::Seq`).
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct SeqIterLayout {
    /// The variant tag word, and its value for `Seq`.
    pub tag: i64,
    pub seq_tag: u64,
    /// The iterated sequence (a `Value`).
    pub seq: i64,
    /// The next index (a usize).
    pub idx: i64,
}

/// The fields of a plain instance: attributes by shape in a slot vector.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub struct InstanceLayout {
    /// The `&'static Shape`.
    pub shape: i64,
    /// The `__dict__` (EMPTY while the attributes live in the slots).
    pub dict: i64,
    /// The slot vector.
    pub slots: SeqLayout,
}

impl Layouts {
    pub fn measure() -> Layouts {
        Layouts {
            class: offset_of!(Obj, class) as i64,
            list: agree(list_probe(3, 9), list_probe(6, 11)),
            tuple: Some(tuple_layout()),
            dict_version: dict_version_offset(),
            dict: agree_dict(dict_probe(2), dict_probe(5)),
            type_version: type_version_offset(),
            instance: instance_probe(3, 9).filter(|&a| Some(a) == instance_probe(6, 11)),
            seq_iter: seq_iter_layout(),
            range_iter: range_iter_layout(),
            cell_value: cell_value_offset(),
        }
    }
}

fn agree(a: Option<SeqLayout>, b: Option<SeqLayout>) -> Option<SeqLayout> {
    a.filter(|&a| Some(a) == b)
}

fn object(data: ObjData) -> Obj {
    Obj {
        marked: Cell::new(false),
        class: Cell::new(Value::NONE),
        data,
    }
}

/// The offset of the one word among `words` (a payload's words, starting at byte
/// offset `base` of the object) equal to `want`.
fn find(words: &[usize], base: usize, want: usize) -> Option<i64> {
    let mut hits = words.iter().enumerate().filter(|&(_, &w)| w == want);
    let (k, _) = hits.next()?;
    if hits.next().is_some() {
        return None;
    }
    Some((base + 8 * k) as i64)
}

/// The words of the `size`-byte payload at `payload`, an initialized std value
/// made of pointers and integers (`Vec`, `Box<[T]>`: no padding).
fn words_of<T>(payload: &T) -> Vec<usize> {
    let n = size_of::<T>() / size_of::<usize>();
    let p = payload as *const T as *const usize;
    // SAFETY: `T` is a Vec or a boxed slice: pointer-sized, fully initialized words.
    (0..n)
        .map(|k| unsafe { p.add(k).read_unaligned() })
        .collect()
}

fn list_probe(len: usize, cap: usize) -> Option<SeqLayout> {
    let mut items = Vec::with_capacity(cap);
    items.resize(len, Value::NONE);
    let obj = object(ObjData::List(Mut::new(items)));
    let ObjData::List(l) = &obj.data else {
        return None;
    };
    let v: &Vec<Value> = l.get();
    let base = (v as *const Vec<Value> as usize) - (&obj as *const Obj as usize);
    let words = words_of(v);
    Some(SeqLayout {
        len: find(&words, base, v.len())?,
        items: find(&words, base, v.as_ptr() as usize)?,
    })
}

/// A tuple's fields: `TupleItems` is `repr(C)` and states its own offsets; only
/// where the enum puts its payload is measured.
fn tuple_layout() -> SeqLayout {
    let obj = object(ObjData::Tuple(TupleItems::new(vec![Value::NONE; 2])));
    let ObjData::Tuple(t) = &obj.data else {
        unreachable!("a tuple was made")
    };
    let base = offset_in(&obj, t);
    SeqLayout {
        len: base + TupleItems::LEN_OFFSET as i64,
        items: base + TupleItems::ITEMS_OFFSET as i64,
    }
}

fn cell_value_offset() -> i64 {
    let obj = object(ObjData::Cell(Mut::new(Value::NONE)));
    let ObjData::Cell(c) = &obj.data else {
        unreachable!("a cell was made")
    };
    offset_in(&obj, c.get())
}

/// The offset of `field`, a part of `obj`.
fn offset_in<T>(obj: &Obj, field: &T) -> i64 {
    (field as *const T as usize - obj as *const Obj as usize) as i64
}

fn type_version_offset() -> i64 {
    offset_of!(TypeObj, lookup_version) as i64
}

fn instance_probe(len: usize, cap: usize) -> Option<InstanceLayout> {
    let mut slots = Vec::with_capacity(cap);
    slots.resize(len, Value::NONE);
    let obj = object(ObjData::Instance(Instance {
        shape: Cell::new(Shape::new_root()),
        slots: Mut::new(slots),
        base_value: Cell::new(Value::EMPTY),
        exc: Mut::new(None),
        dict: Cell::new(Value::EMPTY),
    }));
    let ObjData::Instance(i) = &obj.data else {
        return None;
    };
    let v: &Vec<Value> = i.slots.get();
    let base = offset_in(&obj, v) as usize;
    let words = words_of(v);
    Some(InstanceLayout {
        shape: offset_in(&obj, &i.shape),
        dict: offset_in(&obj, &i.dict),
        slots: SeqLayout {
            len: find(&words, base, v.len())?,
            items: find(&words, base, v.as_ptr() as usize)?,
        },
    })
}

fn seq_iter_layout() -> SeqIterLayout {
    let obj = object(ObjData::Iter(Mut::new(IterState::Seq {
        seq: Value::NONE,
        idx: 0,
    })));
    let ObjData::Iter(st) = &obj.data else {
        unreachable!("built as an iterator")
    };
    let st: &IterState = st.get();
    // SAFETY: repr(C, u64): the state starts with its tag, a full u64.
    let seq_tag = unsafe { *(st as *const IterState as *const u64) };
    let IterState::Seq { seq, idx } = st else {
        unreachable!("built as Seq")
    };
    SeqIterLayout {
        tag: offset_in(&obj, st),
        seq_tag,
        seq: offset_in(&obj, seq),
        idx: offset_in(&obj, idx),
    }
}

fn range_iter_layout() -> RangeIterLayout {
    let obj = object(ObjData::Iter(Mut::new(IterState::Range {
        cur: 0,
        stop: 0,
        step: 1,
    })));
    let ObjData::Iter(st) = &obj.data else {
        unreachable!("built as an iterator")
    };
    let st: &IterState = st.get();
    // SAFETY: repr(C, u64): the state starts with its tag, a full u64.
    let range_tag = unsafe { *(st as *const IterState as *const u64) };
    let IterState::Range { cur, stop, step } = st else {
        unreachable!("built as Range")
    };
    RangeIterLayout {
        tag: offset_in(&obj, st),
        range_tag,
        cur: offset_in(&obj, cur),
        stop: offset_in(&obj, stop),
        step: offset_in(&obj, step),
    }
}

fn agree_dict(a: Option<DictLayout>, b: Option<DictLayout>) -> Option<DictLayout> {
    a.filter(|&a| Some(a) == b)
}

fn dict_probe(n: i64) -> Option<DictLayout> {
    let mut d = Dict::default();
    for k in 0..n {
        d.insert_new(Value::small_int(k), k, Value::small_int(k));
    }
    let obj = object(ObjData::Dict(Mut::new(d)));
    let ObjData::Dict(d) = &obj.data else {
        return None;
    };
    let d: &Dict = d.get();
    let v = d.entry_vec();
    let base = offset_in(&obj, v) as usize;
    let words = words_of(v);
    Some(DictLayout {
        keys_version: offset_in(&obj, &d.keys_version),
        entries: find(&words, base, v.as_ptr() as usize)?,
        entry_size: size_of::<crate::object::dict::Entry>() as i64,
        entry_value: offset_of!(crate::object::dict::Entry, value) as i64,
    })
}

fn dict_version_offset() -> i64 {
    let obj = object(ObjData::Dict(Mut::new(Dict::default())));
    let ObjData::Dict(d) = &obj.data else {
        unreachable!("built as a dict")
    };
    let field = &d.get().version as *const u64 as usize;
    (field - &obj as *const Obj as usize) as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sequence_fields_are_found_and_read_back() {
        let l = Layouts::measure();
        let (list, tuple) = (l.list.expect("list layout"), l.tuple.expect("tuple layout"));
        let obj = object(ObjData::List(Mut::new(vec![Value::small_int(7); 5])));
        let base = &obj as *const Obj as usize;
        // SAFETY: offsets measured on the same types, inside `obj`.
        unsafe {
            assert_eq!(*((base + list.len as usize) as *const usize), 5);
            let items = *((base + list.items as usize) as *const *const Value);
            assert_eq!((*items.add(4)).0, Value::small_int(7).0);
            assert_eq!(
                (*((base + l.class as usize) as *const Value)).0,
                Value::NONE.0
            );
        }
        let t = object(ObjData::Tuple(TupleItems::new(vec![Value::TRUE; 2])));
        let base = &t as *const Obj as usize;
        // SAFETY: as above: the tuple length's offset, measured on the same
        // types, is a `usize` inside `t`, which is alive.
        unsafe {
            assert_eq!(*((base + tuple.len as usize) as *const usize), 2);
        }
        let r = l.range_iter;
        let it = object(ObjData::Iter(Mut::new(IterState::Range {
            cur: 5,
            stop: 9,
            step: 2,
        })));
        let base = &it as *const Obj as usize;
        // SAFETY: the range iterator's offsets, measured on the same types,
        // are `i64` words inside `it`, which outlives the closure's calls.
        let word = |off: i64| unsafe { *((base + off as usize) as *const i64) };
        assert_eq!((word(r.cur), word(r.stop), word(r.step)), (5, 9, 2));
        assert_eq!(word(r.tag) as u64, r.range_tag);
        assert_ne!(r.range_tag, l.seq_iter.seq_tag);
    }
}
