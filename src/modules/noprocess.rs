//! `_posixsubprocess`, `select` and `_socket` as import-only modules: enough for
//! `subprocess`, `selectors`, `socket` and `asyncio` (and so `unittest.mock` and
//! `test.support.script_helper`) to import. Coil cannot start processes, wait on
//! descriptors or open sockets: every such call raises OSError (ENOSYS) naming
//! what is missing; nothing pretends to work.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_posixsubprocess", |vm| {
        module(vm, "_posixsubprocess", POSIXSUBPROCESS)
    });
    vm.native_modules
        .insert("select", |vm| module(vm, "select", SELECT));
    vm.native_modules
        .insert("_socket", |vm| module(vm, "_socket", SOCKET));
}

fn module(vm: &mut Vm, name: &str, src: &str) -> PyResult<Value> {
    let m = vm.new_module(name);
    crate::modules::itertools::run_source(vm, m, src, &format!("<{name}>"))?;
    Ok(m)
}

const POSIXSUBPROCESS: &str = r#"
def fork_exec(*args):
    raise OSError(38, "Coil cannot start processes (no _posixsubprocess.fork_exec)")
"#;

const SELECT: &str = r#"
error = OSError
PIPE_BUF = 4096


def select(rlist, wlist, xlist, timeout=None):
    raise OSError(38, "Coil cannot wait on file descriptors (no select.select)")
"#;

const SOCKET: &str = r#"
error = OSError


class herror(OSError):
    pass


class gaierror(OSError):
    pass


timeout = TimeoutError
has_ipv6 = True
AF_UNSPEC, AF_UNIX, AF_INET, AF_INET6 = 0, 1, 2, 10
SOCK_STREAM, SOCK_DGRAM, SOCK_RAW, SOCK_RDM, SOCK_SEQPACKET = 1, 2, 3, 4, 5
SOCK_NONBLOCK, SOCK_CLOEXEC = 0o4000, 0o2000000
MSG_OOB, MSG_PEEK, MSG_DONTROUTE, MSG_WAITALL = 1, 2, 4, 0x100
AI_PASSIVE, AI_CANONNAME, AI_NUMERICHOST, AI_NUMERICSERV = 1, 2, 4, 0x400
SOL_SOCKET, SO_REUSEADDR, SO_KEEPALIVE, SO_BROADCAST, SO_REUSEPORT = 1, 2, 9, 6, 15
SO_SNDBUF, SO_RCVBUF, SO_ERROR, SO_TYPE = 7, 8, 4, 3
IPPROTO_IP, IPPROTO_TCP, IPPROTO_UDP, IPPROTO_IPV6 = 0, 6, 17, 41
IPV6_V6ONLY, TCP_NODELAY = 26, 1
SOMAXCONN = 4096
SHUT_RD, SHUT_WR, SHUT_RDWR = 0, 1, 2
NI_NUMERICHOST, NI_NUMERICSERV = 1, 2
INADDR_ANY = 0
_GLOBAL_DEFAULT_TIMEOUT = object()


def _unsupported(what):
    raise OSError(38, f"Coil has no sockets ({what})")


class socket:
    def __init__(self, family=-1, type=-1, proto=-1, fileno=None):
        _unsupported("socket.socket")


SocketType = socket


def getdefaulttimeout():
    return None


def setdefaulttimeout(timeout):
    pass


def gethostname():
    import os
    return os.uname().nodename if hasattr(os, "uname") else "localhost"


def getaddrinfo(*args, **kwargs):
    _unsupported("getaddrinfo")


def gethostbyname(name):
    _unsupported("gethostbyname")


def getnameinfo(*args):
    _unsupported("getnameinfo")


def socketpair(*args):
    _unsupported("socketpair")


def ntohs(x):
    return ((x & 0xFF) << 8) | ((x >> 8) & 0xFF)


htons = ntohs


def ntohl(x):
    return int.from_bytes(x.to_bytes(4, "little"), "big")


htonl = ntohl
"#;
