s = 'mississippi'
print('ss' in s, 'sip' in s, 'pis' in s, 'x' not in s, '' in '')
for ch in 'abc':
    print(ch, end=',')
print()
print(list('hello'), tuple('hi'), set('aab') == {'a', 'b'}, sorted(set(s)))
print([c.upper() for c in 'xyz'], ''.join(reversed('stressed')))
counts = {}
for ch in s:
    counts[ch] = counts.get(ch, 0) + 1
print(counts)
it = iter('ab')
print(next(it), next(it), next(it, 'end'))
print(list(enumerate('abc')), list(zip('abc', 'de')))
print([i for i, c in enumerate(s) if c == 's'])
try:
    1 in 'abc'
except TypeError as e:
    print('TypeError:', e)
print(str(), str(123), str(1.5), str(None), str(True), str([1, 'a']), str(b'x'))
