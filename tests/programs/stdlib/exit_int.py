import sys
print("before exit")
try:
    sys.exit(5)
except SystemExit as e:
    print("caught SystemExit with code", e.code)
sys.stdout.flush()
def cleanup():
    try:
        sys.exit(3)
    finally:
        print("finally runs on exit")
cleanup()
print("not printed")
