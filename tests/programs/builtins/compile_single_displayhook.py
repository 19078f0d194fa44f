# compile(..., 'single') passes each expression statement's value to sys.displayhook
import builtins
import sys

exec(compile("1 + 2\n", "<s>", "single"))
print(builtins._)
exec(compile("'text'\n", "<s>", "single"))
exec(compile("None\n", "<s>", "single"))
exec(compile("for i in range(3): i * 10\n", "<s>", "single"))
seen = []
sys.displayhook = seen.append
exec(compile("[1, 2]\n", "<s>", "single"))
exec(compile("def f():\n    5\nf()\n", "<s>", "exec"))
exec(compile("x = 4\n", "<s>", "single"))
print(seen)
sys.displayhook = sys.__displayhook__
del sys.displayhook
try:
    exec(compile("7\n", "<s>", "single"))
except RuntimeError as e:
    print(e)
