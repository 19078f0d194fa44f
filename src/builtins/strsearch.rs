//! Substring search for str methods and `in`: one-char needles search by char.
//!
//! Why: `str::find(&str)` and its kin run the two-way algorithm, which for a
//! one-byte needle spends about ten instructions per byte of haystack, while a
//! `char` pattern searches with memchr. `s.split(",")`, `s.count("7")` and
//! `":" in line` are by far the commonest searches in Python code
//! (string_build spent 8% of its time in two-way splitting and counting).
//! A one-char `&str` and the `char` find exactly the same matches.

/// Runs `$body` with `$p` bound to the fastest pattern equal to `$needle`.
macro_rules! with_needle {
    ($needle:expr, |$p:ident| $body:expr) => {{
        let needle: &str = $needle;
        let mut chars = needle.chars();
        match (chars.next(), chars.next()) {
            (Some(c), None) => {
                let $p = c;
                $body
            }
            _ => {
                let $p = needle;
                $body
            }
        }
    }};
}

pub fn contains(hay: &str, needle: &str) -> bool {
    with_needle!(needle, |p| hay.contains(p))
}

pub fn find(hay: &str, needle: &str) -> Option<usize> {
    with_needle!(needle, |p| hay.find(p))
}

pub fn rfind(hay: &str, needle: &str) -> Option<usize> {
    with_needle!(needle, |p| hay.rfind(p))
}

/// Non-overlapping occurrences of a non-empty `needle`, as `str.count`.
pub fn count(hay: &str, needle: &str) -> usize {
    if let &[byte] = needle.as_bytes() {
        // an ASCII byte is never part of a longer UTF-8 sequence: count bytes
        // (a loop the compiler vectorises)
        return hay.bytes().filter(|&b| b == byte).count();
    }
    with_needle!(needle, |p| hay.matches(p).count())
}

/// `hay` cut at the first `n - 1` occurrences of a non-empty `sep`.
pub fn splitn<'a>(hay: &'a str, n: usize, sep: &str) -> Vec<&'a str> {
    with_needle!(sep, |p| hay.splitn(n, p).collect())
}

/// `hay` cut at the last `n - 1` occurrences of `sep`, pieces last first.
pub fn rsplitn<'a>(hay: &'a str, n: usize, sep: &str) -> Vec<&'a str> {
    with_needle!(sep, |p| hay.rsplitn(n, p).collect())
}

/// `hay` with the first `max` occurrences of a non-empty `old` replaced.
pub fn replacen(hay: &str, old: &str, new: &str, max: usize) -> String {
    if max == usize::MAX {
        with_needle!(old, |p| hay.replace(p, new))
    } else {
        with_needle!(old, |p| hay.replacen(p, new, max))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_char_and_longer_needles_find_the_same_matches() {
        let hay = "a,b,,c\u{e9},\u{e9}\u{e9}x";
        for needle in [",", "\u{e9}", ",,", "\u{e9}x", "z", "a,b"] {
            assert_eq!(find(hay, needle), hay.find(needle), "{needle}");
            assert_eq!(rfind(hay, needle), hay.rfind(needle), "{needle}");
            assert_eq!(count(hay, needle), hay.matches(needle).count());
            assert_eq!(contains(hay, needle), hay.contains(needle));
            let all: Vec<&str> = hay.splitn(usize::MAX, needle).collect();
            assert_eq!(splitn(hay, usize::MAX, needle), all);
            let two: Vec<&str> = hay.rsplitn(2, needle).collect();
            assert_eq!(rsplitn(hay, 2, needle), two);
            assert_eq!(
                replacen(hay, needle, "-", usize::MAX),
                hay.replace(needle, "-")
            );
            assert_eq!(replacen(hay, needle, "-", 1), hay.replacen(needle, "-", 1));
        }
    }
}
