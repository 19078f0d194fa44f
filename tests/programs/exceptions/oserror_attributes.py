# OSError(errno, strerror[, filename[, winerror[, filename2]]]): the attributes,
# args trimmed to two when there is a filename, str with " -> filename2";
# the OSErrors Coil raises itself have the same shape
for args in [(1, 'm', 'f'), (1, 'm', 'f', None, 'g'), (1, 'm', None, None, 'g'), (1, 'm', 'f', None),
             (1, 'm', 'f', None, 'g', 6), (1,), (), (1, 'm'), ('x', None)]:
    e = OSError(*args)
    print(args, e.args, str(e), e.errno, e.strerror, e.filename, e.filename2)
try:
    open('/nonexistent/dir/file')
except OSError as e:
    print(type(e).__name__, e.args, str(e), e.filename, e.filename2)
e = FileNotFoundError(2, 'No such file', 'a', None, 'b')
print(str(e), repr(e))
import os
try:
    os.rmdir('/nonexistent-h23')
except OSError as e:
    print(type(e).__name__, e.args, e.errno, e.filename, e.filename2)
