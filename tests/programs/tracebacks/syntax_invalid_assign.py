x = 5
1 = x
print(x)
