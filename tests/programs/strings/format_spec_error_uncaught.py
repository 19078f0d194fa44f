value = 3.75
print(f'{value:.1f}')
print(f'{value:>8}|')
label = 'total'
print(f'{label:d}')
