words = ['hello', 'HELLO', 'hello world', "they're bill's friends", 'ABC def GhI', '123abc', 'a1b2c3', '', 'x']
for w in words:
    print(repr(w), w.upper(), w.lower(), w.title(), w.capitalize(), w.swapcase(), sep=' | ')
for w in ['abc', 'ABC', 'Abc', 'Abc Def', 'abc1', '123', '12.3', '  ', '', 'a b', '\t\n', 'A1', '_']:
    print(repr(w), w.isalpha(), w.isdigit(), w.isalnum(), w.isspace(), w.isupper(), w.islower(), w.istitle(), w.isidentifier(), w.isdecimal(), w.isnumeric())
print('hello'.isascii(), 'héllo'.isascii(), 'abc'.isprintable(), 'a\nb'.isprintable())
