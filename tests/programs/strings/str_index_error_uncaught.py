s = 'short'
print(s[0], s[-1], s[4])
print(s.upper())
print(s[10])
