cases = ["plain", "it's", 'say "hi"', 'both \' and "', 'back\\slash', 'tab\there', 'new\nline',
         'cr\r', 'bell\x07', 'null\x00', 'del\x7f', '\x1b[0m', 'é', '中', '😀', '\u200d',
         '\xa0', '\xad', '\ud800' if False else 'x', '', "'", '"', '\'"', '\\n']
for c in cases:
    print(repr(c), len(c), str(c) == c)
print(str(['a', "b'c", 'd"e']), str(('x',)), str({'k': 'v'}))
print(repr(['a\nb']), [['nested', "q'"]], {'a': ['b', ('c',)]})
print(ascii('aé\n😀'), ascii(['é']))
print(repr(repr('x')), repr(str(5)), repr(str([1, '2'])))
