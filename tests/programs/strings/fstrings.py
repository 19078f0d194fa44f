name, n, pi = 'World', 42, 3.14159
print(f'Hello, {name}!', f'{n + 1}', f'{n * 2 = }' if False else f'{n*2}')
print(f'{name!r} {name!s} {name!a} {"é"!a}')
print(f'{n=}', f'{n = }', f'{pi=:.2f}', f'{name=!r}', f'{name=!s}')
print(f'{n:5d}|{n:<5}|{n:^7}|{n:*>6}|{n:#x}|{n:08b}')
print(f'{pi:.2f} {pi:10.4f}| {pi:e} {pi:g} {1234567.891:,.2f}')
width, prec = 12, 3
print(f'{pi:{width}.{prec}f}|', f'{name:>{width}}|', f'{name:{"^"}{width}}|')
print(f'{[1, 2, 3]} {(1,)} {{}} {{n}} {dict(a=1)}')
print(f'{"nested " + name.upper()} {len(name)} {name[::-1]} {n if n > 40 else 0}')
print(f"{'single' + 'quotes'}", f'{3 + 4:>5}', f'{(lambda x: x * 2)(5)}')
items = ['a', 'b']
print(f'{", ".join(items)}', f'{items[0]!r:>5}', f'{ {"k": 1}["k"] }')
print(f'{n!r:>6}', f'{str(n):>6}', f'{"x":{"<"}3}|')
print(F'upper F {n}', rf'raw \n {n}', fr'{name}\t')
x = 10
print(f'{x}' f'{x+1}' 'plain' f'{x+2}')
print(f'''multi
line {x}''')
class T:
    def __format__(self, spec):
        return f'T<{spec}>'
    def __str__(self): return 'T-str'
    def __repr__(self): return 'T-repr'
t = T()
print(f'{t} {t:abc} {t!s} {t!r} {t=}')
print(f'{3.0:g}|{0.1 + 0.2}|{1e20}|{-0.0}|{10**20}')
print(f'{"%" * 3}', f'{"{"}', f'{n:{"0"}{5}}')
