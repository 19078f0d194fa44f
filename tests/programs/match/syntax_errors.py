# the SyntaxErrors CPython's compiler raises for patterns
def check(src):
    try:
        exec(src, {})
        print("compiled")
    except SyntaxError as e:
        print("SyntaxError:", e.msg, "line", e.lineno)

check("match 1:\n    case x:\n        pass\n    case 2:\n        pass")
check("match 1:\n    case _:\n        pass\n    case 2:\n        pass")
check("match 1:\n    case x if x:\n        pass\n    case 2:\n        pass")
check("match 1:\n    case [x, x]:\n        pass")
check("match 1:\n    case {'a': x, **x}:\n        pass")
check("match 1:\n    case [x] | (y,):\n        pass")
check("match 1:\n    case x | 1:\n        pass")
check("match 1:\n    case 1 | x:\n        pass")
check("match 1:\n    case (a, b) | (b, a):\n        pass")
check("match 1:\n    case [a] | [a, b]:\n        pass")
check("match 1:\n    case {'a': 1, 'a': 2}:\n        pass")
check("match 1:\n    case {1: 1, 2: 2, 1: 3}:\n        pass")
check("match 1:\n    case P(x=1, x=2):\n        pass")
check("match 1:\n    case [*a, *b]:\n        pass")
check("match 1:\n    case (x as y) | (y as x):\n        pass")
check("match 1:\n    case [x, (y as x)]:\n        pass")
check("match 1:\n    case x:\n        pass")
check("match 1:\n    case _:\n        pass")
check("match 1:\n    case [_, _, *_]:\n        pass\n    case _:\n        pass")
