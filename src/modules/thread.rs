//! `_thread` for a single-threaded interpreter: `get_ident`, locks and
//! re-entrant locks (a lock already held cannot be waited for: acquiring it
//! blocking raises, as it could only deadlock), `_local`, `TIMEOUT_MAX`.
//! Starting a thread is not supported.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_thread", init);
}

const SRC: &str = r#"
error = RuntimeError
TIMEOUT_MAX = 9223372036.0


def get_ident():
    return 1


def get_native_id():
    return 1


def _count():
    return 0


def stack_size(size=0):
    return 0


def daemon_threads_allowed():
    return True


def start_new_thread(function, args, kwargs=None):
    raise NotImplementedError("Coil does not support threads yet")


start_new = start_new_thread


class LockType:
    def __init__(self):
        self._locked = False

    def acquire(self, blocking=True, timeout=-1):
        if not self._locked:
            self._locked = True
            return True
        if not blocking or timeout >= 0:
            return False
        raise RuntimeError("Coil has one thread: waiting for a lock it holds would never end")

    acquire_lock = acquire

    def release(self):
        if not self._locked:
            raise RuntimeError("release unlocked lock")
        self._locked = False

    release_lock = release

    def locked(self):
        return self._locked

    locked_lock = locked

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._locked = False

    def __repr__(self):
        state = "locked" if self._locked else "unlocked"
        return f"<{state} _thread.lock object at 0x{id(self):x}>"


def allocate_lock():
    return LockType()


allocate = allocate_lock


class RLock:
    def __init__(self):
        self._count = 0

    def acquire(self, blocking=True, timeout=-1):
        self._count += 1
        return True

    def release(self):
        if self._count == 0:
            raise RuntimeError("cannot release un-acquired lock")
        self._count -= 1

    def _is_owned(self):
        return self._count > 0

    def _recursion_count(self):
        return self._count

    def __enter__(self):
        return self.acquire()

    def __exit__(self, *exc):
        self.release()

    def _at_fork_reinit(self):
        self._count = 0


class _local:
    pass


def _set_sentinel():
    return LockType()


class _ExceptHookArgs(tuple):
    exc_type = property(lambda self: self[0])
    exc_value = property(lambda self: self[1])
    exc_traceback = property(lambda self: self[2])
    thread = property(lambda self: self[3])


def _excepthook(args, /):
    if args.exc_type is SystemExit:
        return
    import sys
    name = getattr(args.thread, "name", None) if args.thread is not None else None
    print(f"Exception in thread {name}:", file=sys.stderr)
    print(f"{args.exc_type.__name__}: {args.exc_value}", file=sys.stderr)


for _c in (LockType, RLock, _local):
    _c.__module__ = "_thread"
LockType.__name__ = LockType.__qualname__ = "lock"
del _c
"#;

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_thread");
    crate::modules::itertools::run_source(vm, m, SRC, "<_thread>")?;
    Ok(m)
}
