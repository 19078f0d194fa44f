print(format(42), format(42, 'd'), format(42, '5'), format(42, '<5') + '|', format(42, '^6') + '|', format(42, '+'))
print(format(3.14159, '.2f'), format(0.5, '%'), format(1e6, ',.0f'), format(255, 'x'), format(255, '#b'))
print(format('hi', '>5'), format('hi', '*<6'), format('text', '.2'), format('', '3') + '|')
print(format(True), format(None), format([1, 2]), format((1,)), format(1.0))
print(format(-7, '08'), format(7, '=+5'), format(1234567, ','), format(-1234.5, ',.1f'))
print(format(12, 'c') if False else format(65, 'c'), format(10, 'o'), format(10, 'X'), format(1e-7, 'e'))
class Money:
    def __init__(self, v): self.v = v
    def __format__(self, spec):
        if spec == 'usd':
            return f'${self.v:.2f}'
        return format(self.v, spec)
m = Money(3.5)
print(format(m, 'usd'), format(m, '.1f'), f'{m:usd}', '{:usd}'.format(m))
try:
    format('abc', 'd')
except ValueError as e:
    print('ValueError:', e)
try:
    format(1, 'y')
except ValueError as e:
    print('ValueError:', e)
try:
    format([1], 'x')
except TypeError as e:
    print('TypeError:', e)
