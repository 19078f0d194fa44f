//! The `string` module: constants, capwords, Template and a basic Formatter.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("string", init);
}

const SRC: &str = r##"
whitespace = ' \t\n\r\x0b\x0c'
ascii_lowercase = 'abcdefghijklmnopqrstuvwxyz'
ascii_uppercase = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'
ascii_letters = ascii_lowercase + ascii_uppercase
digits = '0123456789'
hexdigits = digits + 'abcdef' + 'ABCDEF'
octdigits = '01234567'
punctuation = r"""!"#$%&'()*+,-./:;<=>?@[\]^_`{|}~"""
printable = digits + ascii_letters + punctuation + whitespace

__all__ = ["ascii_letters", "ascii_lowercase", "ascii_uppercase", "capwords",
           "digits", "hexdigits", "octdigits", "printable", "punctuation",
           "whitespace", "Formatter", "Template"]

def capwords(s, sep=None):
    return (sep or ' ').join(map(str.capitalize, s.split(sep)))

_ID_START = '_' + ascii_letters
_ID_CHARS = _ID_START + digits

class Template:
    delimiter = '$'

    def __init__(self, template):
        self.template = template

    def _scan(self, mapping, safe):
        t = self.template
        d = self.delimiter
        out = []
        i = 0
        n = len(t)
        while True:
            j = t.find(d, i)
            if j < 0:
                out.append(t[i:])
                break
            out.append(t[i:j])
            k = j + len(d)
            if t.startswith(d, k):
                out.append(d)
                i = k + len(d)
                continue
            if k < n and t[k] == '{':
                e = k + 1
                if e < n and t[e] in _ID_START:
                    e += 1
                    while e < n and t[e] in _ID_CHARS:
                        e += 1
                    if e < n and t[e] == '}':
                        name = t[k + 1:e]
                        if safe:
                            try:
                                out.append(str(mapping[name]))
                            except KeyError:
                                out.append(t[j:e + 1])
                        else:
                            out.append(str(mapping[name]))
                        i = e + 1
                        continue
            elif k < n and t[k] in _ID_START:
                e = k + 1
                while e < n and t[e] in _ID_CHARS:
                    e += 1
                name = t[k:e]
                if safe:
                    try:
                        out.append(str(mapping[name]))
                    except KeyError:
                        out.append(t[j:e])
                else:
                    out.append(str(mapping[name]))
                i = e
                continue
            if safe:
                out.append(d)
                i = k
                continue
            lines = t[:j].splitlines(keepends=True)
            if not lines:
                colno = 1
                lineno = 1
            else:
                colno = j - len(''.join(lines[:-1]))
                lineno = len(lines)
            raise ValueError('Invalid placeholder in string: line %d, col %d' % (lineno, colno))
        return ''.join(out)

    def substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, False)

    def safe_substitute(self, mapping=None, /, **kws):
        if mapping is None:
            mapping = kws
        elif kws:
            mapping = {**mapping, **kws}
        return self._scan(mapping, True)

    def get_identifiers(self):
        ids = []
        t = self.template
        i = 0
        while True:
            j = t.find(self.delimiter, i)
            if j < 0:
                return ids
            k = j + 1
            if k < len(t) and t[k] == '{':
                k += 1
            e = k
            while e < len(t) and t[e] in _ID_CHARS:
                e += 1
            if e > k and t[k] in _ID_START and t[k:e] not in ids:
                ids.append(t[k:e])
            i = max(e, j + 1)

class Formatter:
    def format(self, format_string, /, *args, **kwargs):
        return self.vformat(format_string, args, kwargs)

    def vformat(self, format_string, args, kwargs):
        return format_string.format(*args, **kwargs)

    def format_field(self, value, format_spec):
        return format(value, format_spec)

    def convert_field(self, value, conversion):
        if conversion is None:
            return value
        elif conversion == 's':
            return str(value)
        elif conversion == 'r':
            return repr(value)
        elif conversion == 'a':
            return ascii(value)
        raise ValueError("Unknown conversion specifier {0!s}".format(conversion))
"##;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("string");
    let d = vm.module_dict(m);
    let bk = vm.intern("__builtins__");
    let b = vm.builtins;
    vm.dict_set_str(d, bk, b);
    let code = crate::run::compile_source(vm, SRC, "<string>", "<module>")?;
    vm.run_code(code, d, Value::NONE)?;
    Ok(m)
}
