import math
print(math.log(math.e), math.log(100, 10), math.log(8, 2))
print(math.log2(1024), math.log2(3), math.log10(1000), math.log10(2))
print(math.exp(0), math.exp(1), math.exp(-1), math.exp(2.5))
print(math.sin(0), math.sin(math.pi / 2), math.cos(0), math.cos(math.pi))
print(math.tan(math.pi / 4), math.asin(1), math.acos(0), math.atan(1))
print(math.atan2(1, 1), math.atan2(-1, -1), math.atan2(0, -1), math.atan2(1, 0))
print(round(math.sin(math.pi), 12), math.sin(math.pi))
for x in [0.5, 1.0, 2.0, 10.0]:
    print(x, math.sqrt(x), math.log(x), math.exp(x))
print(f"{math.pi:.10f} {math.e:.3e} {math.sqrt(2):g}")
print(round(2.5), round(3.5), round(-2.5), round(2.675, 2), round(1234.5678, -2))
