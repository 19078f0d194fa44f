//! `unicodedata`, for the ASCII range only: its Unicode 14.0 properties (the
//! data of CPython 3.11's unicodedata, sampled into the tables below) are exact
//! there, and `normalize` of an ASCII str is the str itself. For any other
//! character each function raises NotImplementedError naming itself: the full
//! database is not in Coil yet.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("unicodedata", init);
}

const SRC: &str = r#"
unidata_version = '14.0.0'

_CATEGORY = 'Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Cc Zs Po Po Po Sc Po Po Po Ps Pe Po Sm Po Pd Po Po Nd Nd Nd Nd Nd Nd Nd Nd Nd Nd Po Po Sm Sm Sm Po Po Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Lu Ps Po Pe Sk Pc Sk Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ll Ps Sm Pe Sm Cc'.split()
_BIDI = 'BN BN BN BN BN BN BN BN BN S B S WS B BN BN BN BN BN BN BN BN BN BN BN BN BN BN B B B S WS ON ON ET ET ET ON ON ON ON ON ES CS ES CS CS EN EN EN EN EN EN EN EN EN EN CS ON ON ON ON ON ON L L L L L L L L L L L L L L L L L L L L L L L L L L ON ON ON ON ON ON L L L L L L L L L L L L L L L L L L L L L L L L L L ON ON ON ON BN'.split()
_EAW = 'N N N N N N N N N N N N N N N N N N N N N N N N N N N N N N N N Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na Na N'.split()
_MIRRORED = '00000000000000000000000000000000000000001100000000000000000010100000000000000000000000000001010000000000000000000000000000010100'
_NAMES = '||||||||||||||||||||||||||||||||SPACE|EXCLAMATION MARK|QUOTATION MARK|NUMBER SIGN|DOLLAR SIGN|PERCENT SIGN|AMPERSAND|APOSTROPHE|LEFT PARENTHESIS|RIGHT PARENTHESIS|ASTERISK|PLUS SIGN|COMMA|HYPHEN-MINUS|FULL STOP|SOLIDUS|DIGIT ZERO|DIGIT ONE|DIGIT TWO|DIGIT THREE|DIGIT FOUR|DIGIT FIVE|DIGIT SIX|DIGIT SEVEN|DIGIT EIGHT|DIGIT NINE|COLON|SEMICOLON|LESS-THAN SIGN|EQUALS SIGN|GREATER-THAN SIGN|QUESTION MARK|COMMERCIAL AT|LATIN CAPITAL LETTER A|LATIN CAPITAL LETTER B|LATIN CAPITAL LETTER C|LATIN CAPITAL LETTER D|LATIN CAPITAL LETTER E|LATIN CAPITAL LETTER F|LATIN CAPITAL LETTER G|LATIN CAPITAL LETTER H|LATIN CAPITAL LETTER I|LATIN CAPITAL LETTER J|LATIN CAPITAL LETTER K|LATIN CAPITAL LETTER L|LATIN CAPITAL LETTER M|LATIN CAPITAL LETTER N|LATIN CAPITAL LETTER O|LATIN CAPITAL LETTER P|LATIN CAPITAL LETTER Q|LATIN CAPITAL LETTER R|LATIN CAPITAL LETTER S|LATIN CAPITAL LETTER T|LATIN CAPITAL LETTER U|LATIN CAPITAL LETTER V|LATIN CAPITAL LETTER W|LATIN CAPITAL LETTER X|LATIN CAPITAL LETTER Y|LATIN CAPITAL LETTER Z|LEFT SQUARE BRACKET|REVERSE SOLIDUS|RIGHT SQUARE BRACKET|CIRCUMFLEX ACCENT|LOW LINE|GRAVE ACCENT|LATIN SMALL LETTER A|LATIN SMALL LETTER B|LATIN SMALL LETTER C|LATIN SMALL LETTER D|LATIN SMALL LETTER E|LATIN SMALL LETTER F|LATIN SMALL LETTER G|LATIN SMALL LETTER H|LATIN SMALL LETTER I|LATIN SMALL LETTER J|LATIN SMALL LETTER K|LATIN SMALL LETTER L|LATIN SMALL LETTER M|LATIN SMALL LETTER N|LATIN SMALL LETTER O|LATIN SMALL LETTER P|LATIN SMALL LETTER Q|LATIN SMALL LETTER R|LATIN SMALL LETTER S|LATIN SMALL LETTER T|LATIN SMALL LETTER U|LATIN SMALL LETTER V|LATIN SMALL LETTER W|LATIN SMALL LETTER X|LATIN SMALL LETTER Y|LATIN SMALL LETTER Z|LEFT CURLY BRACKET|VERTICAL LINE|RIGHT CURLY BRACKET|TILDE|'.split('|')


def _ord(fn, chr_):
    if not isinstance(chr_, str) or len(chr_) != 1:
        raise TypeError(f"{fn}() argument must be a unicode character, not {type(chr_).__name__}")
    n = ord(chr_)
    if n >= 128:
        raise NotImplementedError(
            f"Coil's unicodedata.{fn}() knows ASCII characters only, not {chr_!r}")
    return n


def category(chr, /):
    return _CATEGORY[_ord('category', chr)]


def bidirectional(chr, /):
    return _BIDI[_ord('bidirectional', chr)]


def east_asian_width(chr, /):
    return _EAW[_ord('east_asian_width', chr)]


def mirrored(chr, /):
    return int(_MIRRORED[_ord('mirrored', chr)])


def combining(chr, /):
    _ord('combining', chr)
    return 0


def decomposition(chr, /):
    _ord('decomposition', chr)
    return ''


_MISSING = object()


def _digit(fn, chr, default, msg):
    n = _ord(fn, chr)
    if 48 <= n <= 57:
        return n - 48
    if default is _MISSING:
        raise ValueError(msg)
    return default


def decimal(chr, default=_MISSING, /):
    return _digit('decimal', chr, default, 'not a decimal')


def digit(chr, default=_MISSING, /):
    return _digit('digit', chr, default, 'not a digit')


def numeric(chr, default=_MISSING, /):
    r = _digit('numeric', chr, default, 'not a numeric character')
    return float(r) if isinstance(r, int) and 48 <= ord(chr) <= 57 else r


def name(chr, default=_MISSING, /):
    r = _NAMES[_ord('name', chr)]
    if r:
        return r
    if default is _MISSING:
        raise ValueError('no such name')
    return default


def lookup(name, /):
    if isinstance(name, bytes):
        name = name.decode('ascii', 'replace')
    if not isinstance(name, str):
        raise TypeError(f"lookup() argument must be str, not {type(name).__name__}")
    u = name.upper()
    for i, n in enumerate(_NAMES):
        if n and n == u:
            return chr(i)
    raise NotImplementedError(
        f"Coil's unicodedata.lookup() knows the names of ASCII characters only, not {name!r}")


_FORMS = ('NFC', 'NFD', 'NFKC', 'NFKD')


def _check_form(fn, form, unistr):
    if not isinstance(form, str):
        raise TypeError(f"{fn}() argument 1 must be str, not {type(form).__name__}")
    if not isinstance(unistr, str):
        raise TypeError(f"{fn}() argument 2 must be str, not {type(unistr).__name__}")
    if form not in _FORMS:
        raise ValueError('invalid normalization form')
    if not unistr.isascii():
        raise NotImplementedError(
            f"Coil's unicodedata.{fn}() knows ASCII strings only")


def normalize(form, unistr, /):
    _check_form('normalize', form, unistr)
    return unistr


def is_normalized(form, unistr, /):
    _check_form('is_normalized', form, unistr)
    return True
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("unicodedata");
    crate::modules::itertools::run_source(vm, m, SRC, "<unicodedata>")?;
    Ok(m)
}
