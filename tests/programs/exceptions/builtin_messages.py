def _none(): return None
def _set(): return {1, 2}
def _setstr():
    s = 'abc'
    s[1] = 'x'
tests = [
    ('1 / 0', lambda: 1 / 0),
    ('1 // 0', lambda: 1 // 0),
    ('1 % 0', lambda: 1 % 0),
    ('1.0 / 0', lambda: 1.0 / 0),
    ("{'a': 1}['b']", lambda: {'a': 1}['b']),
    ('[1, 2, 3][5]', lambda: [1, 2, 3][5]),
    ("'abc'[10]", lambda: 'abc'[10]),
    ('(1,)[2]', lambda: (1,)[2]),
    ('object().foo', lambda: object().foo),
    ('(5).bar', lambda: (5).bar),
    ("'s'.nope", lambda: 's'.nope),
    ("1 + 'a'", lambda: 1 + 'a'),
    ("'a' + 1", lambda: 'a' + 1),
    ('[1] + (2,)', lambda: [1] + (2,)),
    ('None + 1', lambda: None + 1),
    ("1 < 'a'", lambda: 1 < 'a'),
    ("-'a'", lambda: -'a'),
    ('undefined_variable', lambda: undefined_variable),
    ("int('xyz')", lambda: int('xyz')),
    ("int('12.5')", lambda: int('12.5')),
    ("float('abc')", lambda: float('abc')),
    ('[].pop()', lambda: [].pop()),
    ('{}.popitem()', lambda: {}.popitem()),
    ('[1, 2].index(9)', lambda: [1, 2].index(9)),
    ("'abc'.index('z')", lambda: 'abc'.index('z')),
    ('len(5)', lambda: len(5)),
    ('None()', lambda: _none()()),
    ("'abc'[1] = 'x'", _setstr),
    ('{1, 2}[0]', lambda: _set()[0]),
    ('hash([])', lambda: hash([])),
    ('iter(5)', lambda: iter(5)),
    ('next(iter([]))', lambda: next(iter([]))),
    ('a, b = [1, 2, 3]', lambda: [a for a, b in [[1, 2, 3]]]),
    ('a, b, c = [1]', lambda: [a for a, b, c in [[1]]]),
    ('import nosuchmodule_xyz', lambda: __import__('nosuchmodule_xyz')),
    ('chr(-1)', lambda: chr(-1)),
    ('[1, 2, 3].remove(7)', lambda: [1, 2, 3].remove(7)),
    ("dict(a=1)['A']", lambda: dict(a=1)['A']),
    ("'%d' % 'x'", lambda: '%d' % 'x'),
    ("sum(['a', 'b'])", lambda: sum(['a', 'b'])),
    ('max([])', lambda: max([])),
    ('2 ** -1 % 0', lambda: 2 ** -1 % 0),
    ("round('x')", lambda: round('x')),
    ('list(1)', lambda: list(1)),
    ('set().remove(3)', lambda: set().remove(3)),
]
for label, fn in tests:
    try:
        fn()
        print("no error:", label)
    except Exception as e:
        print(f"{label:28} -> {type(e).__name__}: {e}")

class X: pass
try:
    X().y
except AttributeError as e:
    print(e)
try:
    X.y
except AttributeError as e:
    print(e)
