//! The `regalloc` check: random valid loop traces (the trace_exits generator,
//! `deopt::fuzzing::case_from_bytes`, optimizer passes included) allocated by
//! `asm::regalloc::linear_scan` under artificial register pressure (pools of 1-3
//! GPRs and 0-3 FPRs drawn from the input), then checked by the allocation
//! verifier (`asm::regalloc::verify`) and for staying inside the pools.

use asm::regalloc::{Loc, Pools, linear_scan, verify};
use guards::{Op, Trace};

/// Allocates `trace` with the given pools and checks the result.
pub fn check_pools(trace: &Trace, pools: &Pools) -> Result<(), String> {
    let Some(lp) = trace.ins.iter().position(|i| i.op == Op::Loop) else {
        return Ok(());
    };
    let (gpr, fpr) = (pools.gpr, pools.fpr);
    let a = linear_scan(trace, lp, pools);
    let ctx = || {
        format!(
            "pools gpr {gpr:?} fpr {fpr:?} remat {} fold {}\n{trace}",
            pools.remat_int_constants, pools.fold_arefs
        )
    };
    verify(trace, lp, &a).map_err(|e| format!("verifier: {e}: {}", ctx()))?;
    for (r, l) in a.loc.iter().enumerate() {
        let ok = match l {
            Loc::Home => true,
            Loc::Gpr(g) => gpr.contains(g),
            Loc::Fpr(f) => fpr.contains(f),
        };
        if !ok {
            return Err(format!("ref {r} in {l:?}, outside the pools: {}", ctx()));
        }
    }
    Ok(())
}

/// The fuzz target's body: the first byte picks the pool sizes and the backend
/// choices (constants rematerialized, arefs folded), the rest is a trace_exits
/// input; every pool from one register to the chosen sizes is checked.
pub fn check_bytes(data: &[u8]) {
    let sizes = data.first().copied().unwrap_or(0);
    let (ng, nf) = (1 + (sizes & 3) % 3, (sizes >> 2) & 3);
    let (remat, fold) = (sizes & 0x10 != 0, sizes & 0x20 != 0);
    let case = deopt::fuzzing::case_from_bytes(data.get(1..).unwrap_or(&[]));
    // hardware numbers as the x86-64 backend uses them (rbp, r12, r13; xmm3..)
    let gprs = [5u8, 12, 13];
    let fprs = [3u8, 4, 5];
    for g in 1..=ng as usize {
        for f in 0..=nf as usize {
            let pools = Pools {
                gpr: &gprs[..g],
                fpr: &fprs[..f],
                remat_int_constants: remat,
                fold_arefs: fold,
            };
            if let Err(e) = check_pools(&case.trace, &pools) {
                panic!("{e}");
            }
        }
    }
}
