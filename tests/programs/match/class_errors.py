# runtime errors of class and mapping patterns
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def attempt(f):
    try:
        print(f())
    except Exception as e:
        print(type(e).__name__ + ":", e)

def too_many():
    match P(1, 2):
        case P(1, 2, 3):
            return "matched"
attempt(too_many)

def not_instance_no_check():
    # the isinstance check comes first: no error for other subjects
    match 1:
        case P(1, 2, 3):
            return "matched"
    return "no match"
attempt(not_instance_no_check)

def repeated():
    match P(1, 2):
        case P(1, x=2):
            return "matched"
attempt(repeated)

def not_a_type():
    f = len
    match 1:
        case f():
            return "matched"
attempt(not_a_type)

def builtin_two():
    match 5:
        case int(1, 2):
            return "matched"
attempt(builtin_two)

class L:
    __match_args__ = ["a"]
def list_args():
    match L():
        case L(1):
            return "matched"
attempt(list_args)

class N:
    __match_args__ = (1,)
def int_args():
    match N():
        case N(1):
            return "matched"
attempt(int_args)

class NoMatchArgs:
    pass
def none_allowed():
    match NoMatchArgs():
        case NoMatchArgs(1):
            return "matched"
attempt(none_allowed)

class Raises:
    @property
    def boom(self):
        raise ValueError("from a property")
def prop():
    match Raises():
        case Raises(boom=1):
            return "matched"
attempt(prop)

class BadGet(dict):
    def get(self, k, d=None):
        raise KeyError("from get")
def bad_get():
    match BadGet(a=1):
        case {"a": 1}:
            return "matched"
attempt(bad_get)

def dup_key():
    k = "a"
    class C:
        a = "a"
    match {"a": 1}:
        case {"a": 1, C.a: 2}:
            return "matched"
attempt(dup_key)

def empty_keys_on_non_mapping():
    match [1]:
        case {}:
            return "matched"
    return "list is no mapping"
attempt(empty_keys_on_non_mapping)

match P(1, 2):
    case P(1, 2, 3):
        print("unreachable")
