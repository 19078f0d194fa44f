# struct.calcsize of counts whose total overflows: an error, found before any item is built.
import struct, sys
for f in ['{}b'.format(sys.maxsize + 1), '{}b{}H'.format(sys.maxsize // 2, sys.maxsize // 2), '3h2s', '@i?q']:
    try:
        print(struct.calcsize(f))
    except struct.error as e:
        print("error:", e)
