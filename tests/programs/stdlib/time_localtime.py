# time.localtime/mktime/ctime/strftime through the C library (the tests run with TZ unset: UTC).
import time
t = time.gmtime(1700000000)
print(t, time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %U %W %%", t), time.asctime(t))
print(time.strftime("%4Y", t), time.mktime(time.localtime(1700000000)), time.localtime(1700000000))
print(time.timezone, time.altzone, time.daylight, time.tzname, time.ctime(0))
print(time.strftime("%c|%x|%X|%p|%Z|%z", t))
try: time.strftime("%Y", (2000, 13, 1, 0, 0, 0, 0, 1, 0))
except ValueError as e: print(e)
print(type(time.strftime("%Y")).__name__, len(time.strftime("%Y")))
