import sys
for code in [0, 1, "text", None, True]:
    try:
        sys.exit(code)
    except SystemExit as e:
        print(repr(e.code), e.args)
try:
    raise SystemExit(7)
except SystemExit as e:
    print("raised SystemExit", e.code)
try:
    exit(2)
except SystemExit as e:
    print("builtin exit", e.code)
print(issubclass(SystemExit, Exception), issubclass(SystemExit, BaseException))
try:
    sys.exit(4)
except Exception:
    print("not caught by Exception")
except BaseException:
    print("caught by BaseException")
raise SystemExit(0)
