# json, fractions, statistics, textwrap, string, warnings filters and contextlib from the stdlib.
import json
from fractions import Fraction
import statistics
import textwrap
import string
import heapq, bisect, functools, operator, copy, warnings, contextlib
data = {"name": "coil", "tags": ["jit", "python"], "n": 3, "pi": 3.5, "ok": True, "none": None}
s = json.dumps(data, sort_keys=True)
print(s)
print(json.loads(s) == data, json.loads('[1, 2.5, "x\\u00e9", {"a": null}]'))
print(json.dumps(data, indent=2, sort_keys=True))
print(json.dumps("é\n"), json.dumps("é", ensure_ascii=False), json.dumps([1, (2, 3)]))
try:
    json.loads("{bad}")
except json.JSONDecodeError as e:
    print("JSONDecodeError:", e)
print(Fraction(3, 4) + Fraction(1, 4), Fraction("2/6"), Fraction(1, 3) * 3, Fraction(0.5))
print(statistics.mean([1, 2, 3, 4]), statistics.median([3, 1, 2]), statistics.mode([1, 1, 2]))
print(round(statistics.stdev([2, 4, 4, 4, 5, 5, 7, 9]), 6), statistics.fmean([1, 2]))
print(textwrap.fill("The quick brown fox jumps over the lazy dog " * 2, width=30))
print(textwrap.dedent("    a\n      b\n    c"), textwrap.shorten("Hello  world, how are you", 15))
print(string.capwords("hello world"), string.Template("$who likes $what").substitute(who="tim", what="pie"))
with warnings.catch_warnings():
    warnings.simplefilter("ignore")
    warnings.warn("careful", UserWarning)
print(warnings.filters[0][0] if warnings.filters else None)
@contextlib.contextmanager
def tag(name):
    print(f"<{name}>")
    yield name.upper()
    print(f"</{name}>")
with tag("b") as t:
    print(t)
with contextlib.suppress(KeyError):
    {}["x"]
print("suppressed")
