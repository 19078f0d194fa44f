import _circ_a
print(_circ_a.hello())
import _circ_b
print(_circ_b.name())
print(_circ_b._circ_a is _circ_a)
