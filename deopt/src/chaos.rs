//! `--jit-chaos=SEED[:P]`: every guard additionally fails with probability P,
//! deterministically per seed, so that every exit path runs on real programs.
//!
//! Mechanism: the trace is compiled with `asm::Options { chaos: true }` (via
//! `asm::compile_with`); its code counts down the u64 at `vals[trace.ins.len()]`
//! after each passing guard and exits through that guard's own exit when it hits
//! zero. Failing each guard independently with probability P is the same as a
//! countdown drawn from the geometric distribution with parameter P (memoryless),
//! which is what `Chaos::next_countdown` draws. Driver protocol, per trace entry:
//!
//! ```text
//! let mut vals = vec![0; ct.vals_len];          // trace.ins.len() + 1
//! vals[trace.ins.len()] = chaos.next_countdown(); // always >= 1
//! let snap = run(...);
//! let forced = vals[trace.ins.len()] == 0;        // chaos made this exit
//! ```
//!
//! A forced exit is an ordinary exit (restore the frame with `crate::restore`); the
//! driver may leave forced exits out of its exit counters so that chaos does not
//! make side traces hot.

/// The countdown sampler: xorshift64* seeded through splitmix64.
#[derive(Clone, Debug)]
pub struct Chaos {
    state: u64,
    p: f64,
}

impl Chaos {
    /// P when `--jit-chaos=SEED` gives none.
    pub const DEFAULT_P: f64 = 0.05;

    /// A sampler failing each guard with probability `p` (clamped to [0, 1]).
    pub fn new(seed: u64, p: f64) -> Chaos {
        let mut z = seed.wrapping_add(0x9E37_79B9_7F4A_7C15);
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^= z >> 31;
        Chaos {
            state: z | 1,
            p: if p.is_nan() { 0.0 } else { p.clamp(0.0, 1.0) },
        }
    }

    /// Parses `SEED[:P]` (the value of `--jit-chaos`).
    pub fn parse(spec: &str) -> Result<Chaos, String> {
        let (seed, p) = match spec.split_once(':') {
            Some((s, p)) => (s, Some(p)),
            None => (spec, None),
        };
        let seed: u64 = seed
            .trim()
            .parse()
            .map_err(|_| format!("--jit-chaos: bad seed {seed:?} (want SEED[:P])"))?;
        let p = match p {
            None => Self::DEFAULT_P,
            Some(p) => match p.trim().parse::<f64>() {
                Ok(p) if (0.0..=1.0).contains(&p) => p,
                _ => return Err(format!("--jit-chaos: bad probability {p:?} (want 0..1)")),
            },
        };
        Ok(Chaos::new(seed, p))
    }

    pub fn p(&self) -> f64 {
        self.p
    }

    fn next_u64(&mut self) -> u64 {
        self.state ^= self.state >> 12;
        self.state ^= self.state << 25;
        self.state ^= self.state >> 27;
        self.state.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    /// The next countdown, >= 1: the number of passing guards up to and including
    /// the one chaos fails. `u64::MAX` (never, in practice) when P is 0.
    pub fn next_countdown(&mut self) -> u64 {
        if self.p <= 0.0 {
            return u64::MAX;
        }
        if self.p >= 1.0 {
            return 1;
        }
        // u in (0, 1]; k = 1 + floor(ln u / ln(1 - p))
        let u = ((self.next_u64() >> 11) + 1) as f64 / (1u64 << 53) as f64;
        let k = (u.ln() / (-self.p).ln_1p()).floor();
        if k >= (u64::MAX - 1) as f64 {
            u64::MAX
        } else {
            k as u64 + 1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countdowns_are_deterministic_and_geometric() {
        let draw = |seed, p| {
            let mut c = Chaos::new(seed, p);
            (0..2000).map(|_| c.next_countdown()).collect::<Vec<_>>()
        };
        assert_eq!(draw(7, 0.1), draw(7, 0.1));
        assert_ne!(draw(7, 0.1), draw(8, 0.1));
        for p in [0.5, 0.1, 0.01] {
            let d = draw(3, p);
            assert!(d.iter().all(|&k| k >= 1));
            let mean = d.iter().sum::<u64>() as f64 / d.len() as f64;
            let want = 1.0 / p;
            assert!((mean - want).abs() < want * 0.15, "p {p}: mean {mean}");
        }
        assert!(draw(1, 1.0).iter().all(|&k| k == 1));
        assert!(draw(1, 0.0).iter().all(|&k| k == u64::MAX));
    }

    #[test]
    fn parses_seed_and_probability() {
        assert_eq!(Chaos::parse("42").unwrap().p(), Chaos::DEFAULT_P);
        assert_eq!(Chaos::parse("42:0.25").unwrap().p(), 0.25);
        assert!(Chaos::parse("x").is_err());
        assert!(Chaos::parse("1:2").is_err());
        assert!(Chaos::parse("1:-0.5").is_err());
    }
}
