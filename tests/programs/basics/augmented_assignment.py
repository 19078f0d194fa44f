x = 10
x += 5; print(x)
x -= 3; print(x)
x *= 4; print(x)
x /= 3; print(x)
x = 17
x //= 4; print(x)
x %= 3; print(x)
x = 3
x **= 4; print(x)
x <<= 2; print(x)
x >>= 3; print(x)
x &= 0b1010; print(x)
x |= 0b0101; print(x)
x ^= 0b1111; print(x)
s = 'ab'
s += 'cd'; print(s)
s *= 2; print(s)
lst = [1]
alias = lst
lst += [2, 3]
print(lst, alias, lst is alias)
lst *= 2
print(lst, alias is lst)
t = (1,)
talias = t
t += (2,)
print(t, talias, t is talias)
d = {'a': 1}
d['a'] += 10
d['b'] = d.get('b', 0) + 1
print(d)
class O: pass
o = O()
o.n = 1
o.n += 41
print(o.n)
m = [[1, 2], [3, 4]]
m[1][0] *= 10
print(m)
st = {1, 2}
st |= {3}; st &= {1, 3, 4}; st -= {4}; st ^= {5}
print(sorted(st))
f = 1.5
f **= 2; print(f)
f //= 1; print(f)
class Acc:
    def __init__(self): self.v = 0
    def __iadd__(self, other):
        self.v += other
        return self
    def __isub__(self, other):
        return 'replaced'
a = Acc()
a += 3; a += 4
print(a.v)
a -= 1
print(a)
