vals = [0, 7, -7, 10**18, 10**19, -10**19, 2**63, 2**64 - 1, 3**100, -(7**77)]
for v in vals:
    s = str(v)
    print(s, repr(v) == s, int(s) == v, len(s))
big = int('9' * 200)
print(big + 1 == 10**200, str(big)[:10], str(big)[-5:], len(str(big * big)))
print(int('-' + '1' * 50) + int('1' * 50))
print(f'{10**25:,}', f'{-10**25:_}', f'{2**70:>30}|', f'{2**70:e}', f'{2**70:x}')
print('%d %s %r' % (2**80, 2**80, -2**80))
print(str(10**100).count('0'), sum(int(c) for c in str(2**1000)))
