data = [1, 4, 9, 16, 25]
print([r for x in data if (r := int(x ** 0.5)) % 2])
print(r)
total = 0
print([total := total + x for x in data], total)
values = ['10', 'x', '20', '', '30']
print([n for v in values if v.isdigit() and (n := int(v)) > 15])
def first_long(words):
    if any(len(found := w) > 4 for w in words):
        return found
    return None
print(first_long(['hi', 'hello', 'greetings']), first_long(['a']))
print({(k := c): k * 2 for c in 'ab'}, k)
