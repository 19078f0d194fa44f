s = 'héllo wörld'
print(s, len(s), s.upper(), s[1], s[::-1])
e = '😀👍🏽'
print(len(e), [hex(ord(c)) for c in e])
print(ord('A'), ord('é'), ord('€'), ord('😀'), chr(65), chr(233), chr(8364), chr(128512))
print(chr(0x4e2d) + chr(0x6587), len('中文字'), '中文'[1])
print('é' == 'e\u0301', len('e\u0301'))
print(sorted(['b', 'a', 'é', 'z', 'É', 'A']))
print('naïve café'.upper(), 'ÀÉÎ'.lower(), 'àéî'.isalpha())
print(repr('\u200b'), repr('é'), repr('\x7f'), repr('\xa0'), repr('😀'), ascii('é😀'))
print('a\u0000b', len('a\u0000b'), repr('a\x00b'))
try:
    chr(0x110000)
except ValueError as e:
    print('ValueError:', e)
try:
    ord('ab')
except TypeError as e:
    print('TypeError:', e)
print('日本語'.encode('utf-8'), 'é'.encode('latin-1'), b'\xc3\xa9'.decode())
for ch in 'aé中😀':
    print(ch, ord(ch), len(ch.encode('utf-8')), len(ch.encode('utf-16-le')))
