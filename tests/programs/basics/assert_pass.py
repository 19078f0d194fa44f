assert True
assert 1 == 1, 'never shown'
assert [1], 'nonempty list is true'
try:
    assert False
except AssertionError as e:
    print('caught', repr(e), e.args)
try:
    assert 1 > 2, 'one is not greater'
except AssertionError as e:
    print('caught', e)
try:
    assert [], {'k': 'v'}
except AssertionError as e:
    print('caught', e.args)
def noop():
    pass
print(noop())
class Empty:
    pass
print(type(Empty()).__name__)
for i in range(3):
    pass
print(i)
if True:
    pass
else:
    print('never')
print('done')
