//! `deopt::restore`, the exit counters and the side-trace policy.

use deopt::{ExitCounters, Policy, Restored, restore};
use guards::{Op, Ref, Trace, Ty, tags};

const N: Ref = Ref::NONE;

/// A trace whose one snapshot names a value of every type, at the given raw bits.
fn every_type(raws: &[(Ty, u64)]) -> (Trace, u32, Vec<u64>) {
    let mut t = Trace::new();
    let mut refs = vec![];
    let mut vals = vec![];
    for &(ty, raw) in raws {
        let op = match ty {
            Ty::I64 => Op::KInt,
            Ty::F64 => Op::KFloat,
            _ => Op::KVal,
        };
        let r = t.emit(op, ty, N, N, raw as i64, None);
        refs.push(r);
        vals.push(raw);
    }
    // a ref may appear twice on the stack
    refs.push(refs[0]);
    let snap = t.snapshot(42, refs);
    (t, snap, vals)
}

#[test]
fn restore_boxes_each_ref_by_its_type() {
    let neg_nan = 0xFFF8_0000_0000_0001u64; // a negative NaN with a payload
    let raws = [
        (Ty::I64, tags::SMALL_INT_MAX as u64),
        (Ty::I64, tags::SMALL_INT_MIN as u64),
        (Ty::I64, -1i64 as u64),
        (Ty::I64, 0),
        (Ty::F64, 1.5f64.to_bits()),
        (Ty::F64, f64::NAN.to_bits() | 0x1234),
        (Ty::F64, neg_nan),
        (Ty::F64, (-0.0f64).to_bits()),
        (Ty::F64, f64::INFINITY.to_bits()),
        (Ty::Bool, 1),
        (Ty::Bool, 0),
        (Ty::Val, tags::NONE << tags::SHIFT),
        (Ty::Val, tags::box_int(-7)),
        (Ty::Val, (tags::OBJ << tags::SHIFT) | 0x1000),
    ];
    let (t, snap, vals) = every_type(&raws);
    let r = restore(&t, snap, &vals);
    assert_eq!(r.pc, 42);
    let want = vec![
        tags::box_int(tags::SMALL_INT_MAX),
        tags::box_int(tags::SMALL_INT_MIN),
        tags::box_int(-1),
        tags::box_int(0),
        1.5f64.to_bits(),
        tags::CANONICAL_NAN,
        0xFFF8_0000_0000_0000,
        (-0.0f64).to_bits(),
        f64::INFINITY.to_bits(),
        tags::TRUE,
        tags::FALSE,
        tags::NONE << tags::SHIFT,
        tags::box_int(-7),
        (tags::OBJ << tags::SHIFT) | 0x1000,
        tags::box_int(tags::SMALL_INT_MAX),
    ];
    assert_eq!(
        r,
        Restored {
            pc: 42,
            stack: want.clone(),
            slots: vec![]
        }
    );
    // the 48-bit bounds unbox back to themselves
    assert_eq!(tags::unbox_int(r.stack[0]), tags::SMALL_INT_MAX);
    assert_eq!(tags::unbox_int(r.stack[1]), tags::SMALL_INT_MIN);
    // boxed NaNs stay floats (below the tagged range)
    assert!(r.stack[5] < tags::FIRST_TAGGED && r.stack[6] < tags::FIRST_TAGGED);
    // any non-zero Bool is True
    let mut vals2 = vals.clone();
    vals2[9] = 0xFF;
    assert_eq!(restore(&t, snap, &vals2).stack[9], tags::TRUE);
    // agrees with the evaluator's decoding
    for (k, r) in t.snapshots[snap as usize].stack.iter().enumerate() {
        assert_eq!(guards::eval::boxed(&t, &vals, *r), want[k]);
        assert_eq!(deopt::box_ref(&t, *r, &vals), want[k]);
    }
}

#[test]
fn restore_of_an_empty_snapshot_and_of_later_snapshots() {
    let mut t = Trace::new();
    let k = t.emit(Op::KInt, Ty::I64, N, N, 5, None);
    let s0 = t.snapshot(0, vec![]);
    let s1 = t.snapshot(9, vec![k]);
    let vals = [5u64];
    assert_eq!(
        restore(&t, s0, &vals),
        Restored {
            pc: 0,
            stack: vec![],
            slots: vec![]
        }
    );
    assert_eq!(
        restore(&t, s1, &vals),
        Restored {
            pc: 9,
            stack: vec![tags::box_int(5)],
            slots: vec![]
        }
    );
    // delayed stores come back boxed by type, with their slot
    let mut t = Trace::new();
    let x = t.emit(Op::KInt, Ty::I64, N, N, -3, None);
    let f = t.emit(Op::KFloat, Ty::F64, N, N, 2.5f64.to_bits() as i64, None);
    let s = t.snapshot(4, vec![x]);
    t.snapshots[s as usize].slots = vec![(2, x), (7, f)];
    let vals = [(-3i64) as u64, 2.5f64.to_bits()];
    assert_eq!(
        restore(&t, s, &vals).slots,
        vec![(2, tags::box_int(-3)), (7, 2.5f64.to_bits())]
    );
}

#[test]
fn exit_counters_count_per_snapshot() {
    let mut c = ExitCounters::new(2);
    assert_eq!(c.hit(1), 1);
    assert_eq!(c.hit(1), 2);
    assert_eq!(c.hit(0), 1);
    assert_eq!(c.hit(5), 1, "grows on demand");
    assert_eq!((c.get(1), c.get(3), c.get(99)), (2, 0, 0));
    assert_eq!(c.total(), 4);
    assert_eq!(c.counts(), &[1, 2, 0, 0, 0, 1]);
}

#[test]
fn policy_tries_at_hotexit_with_backoff_then_blacklists() {
    let p = Policy { hotexit: 10 };
    let tries: Vec<u64> = (1..=1000).filter(|&c| p.wants_side_trace(c)).collect();
    assert_eq!(tries, vec![10, 20, 40, 80]);
    assert!(!p.is_blacklisted(10));
    assert!(!p.is_blacklisted(80));
    assert!(p.is_blacklisted(81));
    assert!(p.is_blacklisted(u64::MAX));
    assert!(!p.wants_side_trace(u64::MAX));
    let p1 = Policy { hotexit: 1 };
    let tries: Vec<u64> = (1..=100).filter(|&c| p1.wants_side_trace(c)).collect();
    assert_eq!(tries, vec![1, 2, 4, 8]);
    let off = Policy { hotexit: 0 };
    assert!((0..100).all(|c| !off.wants_side_trace(c)));
    assert!(off.is_blacklisted(0));
    assert_eq!(Policy::default().hotexit, 10);
    // big thresholds do not overflow
    let big = Policy { hotexit: u32::MAX };
    assert!(big.wants_side_trace(u32::MAX as u64));
    assert!(big.wants_side_trace((u32::MAX as u64) << 3));
    assert!(!big.wants_side_trace((u32::MAX as u64) << 4));
}
