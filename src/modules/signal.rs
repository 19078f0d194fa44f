//! `_signal`, under the standard library's `signal`: Linux's signal numbers and
//! a handler table. `signal()` records a handler and returns the previous one, as
//! CPython does, but Coil does not install OS handlers: a recorded Python handler is
//! never called (SIGINT keeps the process's default action).

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_signal", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_signal");
    crate::modules::itertools::run_source(vm, m, SRC, "<_signal>")?;
    Ok(m)
}

const SRC: &str = r#"
ITIMER_PROF = 2
ITIMER_REAL = 0
ITIMER_VIRTUAL = 1
NSIG = 65
SIGABRT = 6
SIGALRM = 14
SIGBUS = 7
SIGCHLD = 17
SIGCLD = 17
SIGCONT = 18
SIGFPE = 8
SIGHUP = 1
SIGILL = 4
SIGINT = 2
SIGIO = 29
SIGIOT = 6
SIGKILL = 9
SIGPIPE = 13
SIGPOLL = 29
SIGPROF = 27
SIGPWR = 30
SIGQUIT = 3
SIGRTMAX = 64
SIGRTMIN = 34
SIGSEGV = 11
SIGSTKFLT = 16
SIGSTOP = 19
SIGSYS = 31
SIGTERM = 15
SIGTRAP = 5
SIGTSTP = 20
SIGTTIN = 21
SIGTTOU = 22
SIGURG = 23
SIGUSR1 = 10
SIGUSR2 = 12
SIGVTALRM = 26
SIGWINCH = 28
SIGXCPU = 24
SIGXFSZ = 25
SIG_BLOCK = 0
SIG_DFL = 0
SIG_IGN = 1
SIG_SETMASK = 2
SIG_UNBLOCK = 1

_DESCR = {6: 'Aborted', 14: 'Alarm clock', 7: 'Bus error', 17: 'Child exited', 18: 'Continued', 8: 'Floating point exception', 1: 'Hangup', 4: 'Illegal instruction', 2: 'Interrupt', 29: 'I/O possible', 9: 'Killed', 13: 'Broken pipe', 27: 'Profiling timer expired', 30: 'Power failure', 3: 'Quit', 11: 'Segmentation fault', 16: 'Stack fault', 19: 'Stopped (signal)', 31: 'Bad system call', 15: 'Terminated', 5: 'Trace/breakpoint trap', 20: 'Stopped', 21: 'Stopped (tty input)', 22: 'Stopped (tty output)', 23: 'Urgent I/O condition', 10: 'User defined signal 1', 12: 'User defined signal 2', 26: 'Virtual timer expired', 28: 'Window changed', 24: 'CPU time limit exceeded', 25: 'File size limit exceeded'}


def default_int_handler(signalnum, frame):
    raise KeyboardInterrupt


_handlers = {SIGINT: default_int_handler}


def _check(signalnum):
    if not isinstance(signalnum, int):
        raise TypeError(f"'{type(signalnum).__name__}' object cannot be interpreted as an integer")
    if not 1 <= signalnum < NSIG:
        raise ValueError("signal number out of range")


def signal(signalnum, handler):
    _check(signalnum)
    if handler not in (SIG_DFL, SIG_IGN) and not callable(handler):
        raise TypeError("signal handler must be signal.SIG_IGN, signal.SIG_DFL, "
                        "or a callable object")
    if signalnum in (SIGKILL, SIGSTOP):
        raise OSError(22, "Invalid argument")
    old = _handlers.get(signalnum, SIG_DFL)
    _handlers[signalnum] = handler
    return old


def getsignal(signalnum):
    _check(signalnum)
    return _handlers.get(signalnum, SIG_DFL)


def strsignal(signalnum):
    _check(signalnum)
    return _DESCR.get(signalnum)


def valid_signals():
    return set(range(1, 32)) | set(range(SIGRTMIN, NSIG))


def set_wakeup_fd(fd, *, warn_on_full_buffer=True):
    return -1


def siginterrupt(signalnum, flag):
    _check(signalnum)


def alarm(seconds):
    return 0


def raise_signal(signalnum):
    _check(signalnum)
    h = _handlers.get(signalnum, SIG_DFL)
    if callable(h):
        h(signalnum, None)
    elif h == SIG_DFL and signalnum == SIGINT:
        raise KeyboardInterrupt
    elif h == SIG_DFL:
        raise NotImplementedError(f"raise_signal({signalnum}): Coil does not deliver signals")


class ItimerError(OSError):
    pass
"#;
