# sys.breakpointhook and breakpoint(), the trace/profile getters, the switch interval
import os
import sys

print(sys.gettrace(), sys.getprofile(), sys.is_finalizing())
sys.settrace(None)
sys.setprofile(None)
print(sys.__breakpointhook__ is sys.breakpointhook)
sys.setswitchinterval(0.25)
print(sys.getswitchinterval())
try:
    sys.setswitchinterval(0)
except ValueError as e:
    print(e)

calls = []
sys.breakpointhook = lambda *a, **k: calls.append((a, k)) or "ret"
print(breakpoint(1, 2, x=3), calls)
sys.breakpointhook = sys.__breakpointhook__
os.environ["PYTHONBREAKPOINT"] = "builtins.len"
print(breakpoint("abcd"))
os.environ["PYTHONBREAKPOINT"] = "0"
print(breakpoint())
del sys.breakpointhook
try:
    breakpoint()
except RuntimeError as e:
    print(e)
