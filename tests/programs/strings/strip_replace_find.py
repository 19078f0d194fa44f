s = '  \t hello world \n '
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()))
print('xxhixx'.strip('x'), 'abcHIcba'.strip('abc'), 'xxhixx'.lstrip('x'), 'xxhixx'.rstrip('x'))
print('www.example.com'.strip('cmowz.'), repr(''.strip()), repr('   '.strip()))
print('prefix_name'.removeprefix('prefix_'), 'name.py'.removesuffix('.py'), 'abc'.removeprefix('x'))
t = 'the cat sat on the mat'
print(t.replace('at', 'og'), t.replace('at', 'og', 2), t.replace('the ', ''), t.replace('', '-')[:20])
print('aaa'.replace('a', 'aa'), 'abc'.replace('x', 'y'), 'abab'.replace('ab', 'ba', 1))
print(t.find('at'), t.find('at', 6), t.find('at', 6, 8), t.find('dog'), t.rfind('at'), t.rfind('at', 0, 10))
print(t.index('sat'), t.rindex('the'), t.find(''), t.rfind(''), t.find('', 100))
try:
    t.index('dog')
except ValueError as e:
    print('ValueError:', e)
try:
    t.rindex('dog')
except ValueError as e:
    print('ValueError:', e)
print(t.count('at'), t.count('t'), t.count(''), 'aaaa'.count('aa'), t.count('at', 10), t.count('a', 5, 12))
print(t.startswith('the'), t.startswith('cat', 4), t.endswith('mat'), t.endswith(('dog', 'mat')))
print(t.startswith(('a', 'b', 't')), t.startswith(()), t.endswith('at', 0, 7), 'abc'.startswith(''))
try:
    t.startswith(['the'])
except TypeError as e:
    print('TypeError:', e)
