import builtins
print(builtins.abs(-3), builtins.len([1, 2]))
old = builtins.abs
builtins.abs = lambda x: 42
print(abs(-5))
builtins.abs = old
print(abs(-5), builtins.__name__)
