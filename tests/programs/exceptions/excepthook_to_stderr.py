# sys.__excepthook__ prints to whatever sys.stderr is (a StringIO here), hint included.
import io
import sys


def report():
    old = sys.stderr
    sys.stderr = io.StringIO()
    try:
        sys.__excepthook__(*sys.exc_info())
        return sys.stderr.getvalue()
    finally:
        sys.stderr = old


def f():
    blech = 1
    return bluch


try:
    f()
except NameError:
    print(report().splitlines()[-1])


class A:
    blech = 1


try:
    A().bluch
except AttributeError:
    out = report()
    print(out.splitlines()[0], out.splitlines()[-1])

try:
    raise ValueError("boom")
except ValueError:
    print(report().count("\n"), "lines")

sys.stderr = None
try:
    raise KeyError(1)
except KeyError:
    sys.__excepthook__(*sys.exc_info())
sys.stderr = sys.__stderr__
print("done")
