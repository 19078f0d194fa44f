# string.Formatter and string.Template are meant to be subclassed: their hooks
# (get_value, convert_field, format_field, parse; delimiter, idpattern, flags,
# pattern) must be what format/substitute go through.
import re
import string


class Lookup(string.Formatter):
    def get_value(self, key, args, kwargs):
        return kwargs.get(key, "<%s>" % key) if isinstance(key, str) else args[key]

    def convert_field(self, value, conversion):
        if conversion == "u":
            return str(value).upper()
        return super().convert_field(value, conversion)

    def format_field(self, value, format_spec):
        return "[" + super().format_field(value, format_spec) + "]"


f = Lookup()
print(f.format("{0} {greeting!u} {missing:>5}", 1, greeting="hi"))
print(list(string.Formatter().parse("a{0:>3}b{x!r}")))
try:
    string.Formatter().check_unused_args  # exists
    string.Formatter().format("{0}", 1, 2)
    print("unused args are fine by default")
except ValueError as e:
    print("ValueError", e)


class Checked(string.Formatter):
    def check_unused_args(self, used_args, args, kwargs):
        unused = set(kwargs) - used_args
        if unused:
            raise ValueError("unused: " + ",".join(sorted(unused)))


try:
    Checked().format("{a}", a=1, b=2)
except ValueError as e:
    print("ValueError", e)


class AtTemplate(string.Template):
    delimiter = "@"
    idpattern = r"[a-z]+(?:\.[a-z]+)*"


class Bag:
    pass


class Mapping:
    def __getitem__(self, name):
        obj = self
        for part in name.split("."):
            obj = getattr(obj, part)
        return obj


m = Mapping()
m.bag = Bag()
m.bag.who = "tim"
print(AtTemplate("@bag.who likes @@ and @{bag.who}").substitute(m))
print(string.Template("$who $$ ${what}").safe_substitute(who="x"))
print(string.Template("$a $b ${c}").get_identifiers())
print(string.Template("$a $").is_valid(), string.Template("$a").is_valid())


class Braced(string.Template):
    flags = re.VERBOSE
    braceidpattern = r"[A-Z]+"


print(Braced("${FOO} $bar").substitute(FOO=1, bar=2))
print(string.capwords(" hello   world "), string.ascii_letters[:5], string.punctuation[:4])
