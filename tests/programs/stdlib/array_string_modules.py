from array import array
import string
a = array("i", [1, 2, 3])
a.append(4)
a.extend([5, 6])
print(a, len(a), a[0], a[-1], a[1:3])
print(a.tolist(), sum(a), a.typecode, a.itemsize)
a[0] = 100
print(a.tolist(), a.index(3), a.count(3))
a.reverse()
print(a.tolist(), a.pop(), a.tolist())
d = array("d", [1.5, 2.5])
d.append(3.0)
print(d, d.tolist(), d[2])
try:
    a.append(1.5)
except TypeError as e:
    print("TypeError:", e)
b = array("i", range(5))
print(list(b), b == array("i", [0, 1, 2, 3, 4]), array("i") == array("i"))
print(string.ascii_letters)
print(string.ascii_lowercase, string.ascii_uppercase)
print(string.digits, string.hexdigits, string.octdigits)
print(string.punctuation)
print(len(string.printable), repr(string.whitespace))
print(sum(c in string.punctuation for c in "Hi! How's it going?"))
