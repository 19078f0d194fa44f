big = 10 ** 400
print('big has', len(str(big)), 'digits')
print(float(10 ** 300))
print(float(big))
