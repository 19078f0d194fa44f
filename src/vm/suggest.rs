//! CPython 3.11's "Did you mean" hints for NameError and AttributeError: the closest
//! candidate by a case-aware Levenshtein distance, with CPython's cut-offs.

use crate::object::ObjData;
use crate::value::Value;
use crate::vm::{PyErr, Vm, str_of};

const MAX_CANDIDATE_ITEMS: usize = 750;
const MAX_STRING_SIZE: usize = 40;
const MOVE_COST: usize = 2;
const CASE_COST: usize = 1;

fn substitution_cost(a: char, b: char) -> usize {
    if a == b {
        0
    } else if a.to_lowercase().eq(b.to_lowercase()) {
        CASE_COST
    } else {
        MOVE_COST
    }
}

fn levenshtein(a: &[char], b: &[char], max_cost: usize) -> usize {
    if a == b {
        return 0;
    }
    let pre = a.iter().zip(b).take_while(|(x, y)| x == y).count();
    let (a, b) = (&a[pre..], &b[pre..]);
    let post = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a, b) = (&a[..a.len() - post], &b[..b.len() - post]);
    if a.is_empty() || b.is_empty() {
        return MOVE_COST * (a.len() + b.len());
    }
    if a.len() > MAX_STRING_SIZE || b.len() > MAX_STRING_SIZE {
        return max_cost + 1;
    }
    let (a, b) = if b.len() < a.len() { (b, a) } else { (a, b) };
    if (b.len() - a.len()) * MOVE_COST > max_cost {
        return max_cost + 1;
    }
    let mut row: Vec<usize> = (1..=a.len()).map(|i| i * MOVE_COST).collect();
    let mut result = 0;
    for (bi, &bc) in b.iter().enumerate() {
        let mut distance = bi * MOVE_COST;
        result = distance;
        let mut minimum = usize::MAX;
        for (i, &ac) in a.iter().enumerate() {
            let substitute = distance + substitution_cost(bc, ac);
            distance = row[i];
            let insert_delete = result.min(distance) + MOVE_COST;
            result = insert_delete.min(substitute);
            row[i] = result;
            minimum = minimum.min(result);
        }
        if minimum > max_cost {
            return max_cost + 1;
        }
    }
    result
}

/// The candidate closest to `wrong`, if close enough (CPython's rules).
pub fn suggest<'a>(wrong: &str, candidates: impl Iterator<Item = &'a str>) -> Option<String> {
    let cands: Vec<&str> = candidates.collect();
    if cands.len() > MAX_CANDIDATE_ITEMS {
        return None;
    }
    let w: Vec<char> = wrong.chars().collect();
    if w.len() > MAX_STRING_SIZE {
        return None;
    }
    let mut best_distance = w.len();
    let mut best: Option<&str> = None;
    for c in cands {
        if c == wrong {
            continue;
        }
        let cc: Vec<char> = c.chars().collect();
        let max_distance =
            ((cc.len() + w.len() + 3) * MOVE_COST / 6).min(best_distance.saturating_sub(1));
        let d = levenshtein(&w, &cc, max_distance);
        if d > max_distance {
            continue;
        }
        if best.is_none() || d < best_distance {
            best = Some(c);
            best_distance = d;
        }
    }
    best.map(|s| s.to_string())
}

impl Vm {
    /// `NameError: name 'x' is not defined`, with the hint CPython computes from the
    /// current frame's locals, globals and builtins.
    pub fn name_error(&mut self, name: Value) -> PyErr {
        let n = str_of(name).to_string();
        let e = self.error("NameError", &format!("name '{n}' is not defined"));
        let k = self.name("name");
        self.instance_set_attr(e.0, k, name);
        let mut cands: Vec<String> = Vec::new();
        let mut self_has = false;
        if let Some(f) = self.frames.last() {
            for (i, v) in f.code.varnames.iter().enumerate() {
                if !f.slots[i].is_empty() {
                    cands.push(str_of(*v).to_string());
                }
                if str_of(*v) == "self" && !f.slots[i].is_empty() {
                    let s = f.slots[i];
                    self_has = self.instance_get_attr(s, name).is_some();
                }
            }
            for d in [f.locals, f.globals] {
                if let Some(ObjData::Dict(dd)) = d.as_obj().map(|o| &o.data) {
                    cands.extend(dd.get().iter().map(|e| str_of(e.key).to_string()));
                }
            }
        }
        if let ObjData::Dict(dd) = &self.builtins.obj().data {
            cands.extend(dd.get().iter().map(|e| str_of(e.key).to_string()));
        }
        let hint = if self_has {
            Some(format!("self.{n}"))
        } else {
            suggest(&n, cands.iter().map(|s| s.as_str()))
        };
        if let Some(st) = self.exc_state(e.0) {
            st.suggestion = hint;
        }
        e
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn suggestions_follow_cpython_cutoffs() {
        assert_eq!(
            suggest("mesage", ["message", "print"].into_iter()),
            Some("message".into())
        );
        assert_eq!(
            suggest("lenght", ["length", "len"].into_iter()),
            Some("length".into())
        );
        assert_eq!(suggest("zzz", ["abc", "print"].into_iter()), None);
        assert_eq!(suggest("Foo", ["foo"].into_iter()), Some("foo".into()));
    }
}
