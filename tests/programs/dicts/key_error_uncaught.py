inventory = {'apples': 3, 'pears': 0}
print(inventory['apples'])
inventory['pears'] += 5
print(inventory)
print(inventory['bananas'])
