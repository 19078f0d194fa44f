# contextvars (ContextVar, Token, copy_context), _thread locks, errno, sys.hash_info.
import contextvars
import errno
import sys
import threading

var = contextvars.ContextVar("var", default="dflt")
print(var.name, var.get())
tok = var.set("one")
print(var.get(), tok.old_value is contextvars.Token.MISSING)
ctx = contextvars.copy_context()


def inside():
    var.set("changed in copy")
    return var.get()


print(ctx.run(inside), var.get(), ctx[var])
var.reset(tok)
print(var.get())
lock = threading.Lock()
with lock:
    print("locked", lock.locked(), lock.acquire(blocking=False))
print(lock.locked())
rl = threading.RLock()
with rl:
    with rl:
        print("re-entered")
print(errno.ENOENT, errno.errorcode[errno.EEXIST], errno.EAGAIN == errno.EWOULDBLOCK)
print(sys.hash_info.modulus == 2**61 - 1, sys.hash_info.width)
try:
    open("/nonexistent/file")
except OSError as e:
    print(e.errno == errno.ENOENT)
