//! A str's text, kept inside the object when it is short.
//!
//! Why: most strs a program makes are short (words, keys, digits, `"%d:%s"`
//! results), and each used to be two allocations, the object and its
//! `Box<str>`, freed apart and reached through a second pointer. Up to
//! `INLINE` bytes now sit in the object's own block, which has room for them
//! (`an_object_is_88_bytes`); longer texts stay boxed.

use std::fmt;
use std::ops::Deref;

/// The longest text kept inline, in bytes.
pub const INLINE: usize = 22;

pub enum SmallStr {
    Inline { len: u8, buf: [u8; INLINE] },
    Heap(Box<str>),
}

impl SmallStr {
    #[inline(always)]
    pub fn as_str(&self) -> &str {
        match self {
            // SAFETY: `buf[..len]` was copied from a `&str`, and `len <= INLINE`
            // (see `inline`).
            SmallStr::Inline { len, buf } => unsafe {
                std::str::from_utf8_unchecked(buf.get_unchecked(..*len as usize))
            },
            SmallStr::Heap(b) => b,
        }
    }

    /// `a + b`, written straight into the object when it fits (a String
    /// built first would be one allocation and a free for nothing).
    pub fn concat(a: &str, b: &str) -> SmallStr {
        let n = a.len() + b.len();
        if n <= INLINE {
            let mut buf = [0u8; INLINE];
            buf[..a.len()].copy_from_slice(a.as_bytes());
            buf[a.len()..n].copy_from_slice(b.as_bytes());
            return SmallStr::Inline { len: n as u8, buf };
        }
        let mut t = String::with_capacity(n);
        t.push_str(a);
        t.push_str(b);
        SmallStr::Heap(t.into_boxed_str())
    }

    fn inline(s: &str) -> Option<SmallStr> {
        (s.len() <= INLINE).then(|| {
            let mut buf = [0u8; INLINE];
            buf[..s.len()].copy_from_slice(s.as_bytes());
            SmallStr::Inline {
                len: s.len() as u8,
                buf,
            }
        })
    }
}

impl From<&str> for SmallStr {
    fn from(s: &str) -> SmallStr {
        SmallStr::inline(s).unwrap_or_else(|| SmallStr::Heap(s.into()))
    }
}

impl From<String> for SmallStr {
    fn from(s: String) -> SmallStr {
        SmallStr::inline(&s).unwrap_or_else(|| SmallStr::Heap(s.into_boxed_str()))
    }
}

impl From<Box<str>> for SmallStr {
    fn from(s: Box<str>) -> SmallStr {
        SmallStr::inline(&s).unwrap_or(SmallStr::Heap(s))
    }
}

impl Deref for SmallStr {
    type Target = str;
    #[inline(always)]
    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for SmallStr {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for SmallStr {
    #[inline]
    fn eq(&self, o: &SmallStr) -> bool {
        match (self, o) {
            // the bytes past `len` are zero (see `inline`): whole buffers compare
            (SmallStr::Inline { len: a, buf: x }, SmallStr::Inline { len: b, buf: y }) => {
                a == b && x == y
            }
            _ => self.as_str() == o.as_str(),
        }
    }
}

impl Eq for SmallStr {}

impl PartialOrd for SmallStr {
    fn partial_cmp(&self, o: &SmallStr) -> Option<std::cmp::Ordering> {
        Some(self.cmp(o))
    }
}

impl Ord for SmallStr {
    fn cmp(&self, o: &SmallStr) -> std::cmp::Ordering {
        self.as_str().cmp(o.as_str())
    }
}

impl fmt::Display for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl fmt::Debug for SmallStr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_texts_are_inline_and_long_ones_boxed() {
        assert_eq!(std::mem::size_of::<SmallStr>(), 24);
        for s in ["", "a", "héllo wörld", "0123456789abcdefghijkl"] {
            let v = SmallStr::from(s);
            assert!(matches!(v, SmallStr::Inline { .. }), "{s:?}");
            assert_eq!(&*v, s);
        }
        let long = "0123456789abcdefghijklm";
        let v = SmallStr::from(long.to_string());
        assert!(matches!(v, SmallStr::Heap(_)));
        assert_eq!(&*v, long);
        assert!(SmallStr::from("ab") < SmallStr::from("b"));
    }
}
