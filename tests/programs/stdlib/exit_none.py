import sys
print("exiting cleanly")
try:
    sys.exit()
except SystemExit as e:
    print("code:", e.code)
sys.exit(None)
print("unreachable")
