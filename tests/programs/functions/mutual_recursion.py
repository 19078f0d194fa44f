def is_even(n):
    return True if n == 0 else is_odd(n - 1)

def is_odd(n):
    return False if n == 0 else is_even(n - 1)

for i in range(8):
    print(i, is_even(i), is_odd(i))
print(is_even(301), is_odd(301))

def hofstadter_f(n):
    return 1 if n == 0 else n - hofstadter_m(hofstadter_f(n - 1))

def hofstadter_m(n):
    return 0 if n == 0 else n - hofstadter_f(hofstadter_m(n - 1))

print([hofstadter_f(i) for i in range(15)])
print([hofstadter_m(i) for i in range(15)])

# expression parser by mutual recursion
def parse_expr(toks, i):
    v, i = parse_term(toks, i)
    while i < len(toks) and toks[i] in "+-":
        op = toks[i]
        r, i = parse_term(toks, i + 1)
        v = v + r if op == "+" else v - r
    return v, i

def parse_term(toks, i):
    v, i = parse_atom(toks, i)
    while i < len(toks) and toks[i] in "*/":
        op = toks[i]
        r, i = parse_atom(toks, i + 1)
        v = v * r if op == "*" else v // r
    return v, i

def parse_atom(toks, i):
    if toks[i] == "(":
        v, i = parse_expr(toks, i + 1)
        return v, i + 1
    return int(toks[i]), i + 1

for s in ["1+2*3", "(1+2)*3", "8/2/2", "2*(3+4)*5-1"]:
    print(s, parse_expr(list(s), 0)[0])
