# Exceptions raised and caught inside traced loops: tracebacks, context,
# finally, re-raises, handlers in the loop's frame and in callees.
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


class Soft(Exception):
    pass


def tb_lines(e):
    out = []
    tb = e.__traceback__
    while tb is not None:
        out.append(tb.tb_lineno)
        tb = tb.tb_next
    return out


def check(i):
    if i % 3 == 0:
        raise AppError(i % 7)
    if i % 5 == 0:
        raise ValueError("five %d" % i)
    return i


def deeper(i):
    return check(i) + 1


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def lookup_noted(d, k, notes):
    try:
        return d[k]
    except KeyError as e:
        notes.append((e.args, tb_lines(e)))
        return 0


def guarded_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return -1


def inner_handler(i):
    try:
        if i % 4 == 0:
            raise Soft(i)
        return 0
    except Soft as s:
        return s.args[0]


def run(n):
    caught = codes = values = finals = 0
    lines = {}
    ctx = 0
    infos = 0
    table = {k: k * 3 for k in range(0, 40, 2)}
    table["1"] = 7
    notes = []
    for i in range(n):
        try:
            values += deeper(i)
        except AppError as e:
            caught += 1
            codes += e.code
            key = tuple(tb_lines(e))
            lines[key] = lines.get(key, 0) + 1
            if sys.exc_info()[1] is e:
                infos += 1
        except ValueError as e:
            caught += 1
            key = tuple(tb_lines(e))
            lines[key] = lines.get(key, 0) + 1
        finally:
            finals += 1
        try:
            try:
                if i % 6 == 1:
                    raise KeyError(i)
            except KeyError:
                raise Soft("from handler")
        except Soft as s:
            if isinstance(s.__context__, KeyError):
                ctx += 1
        try:
            try:
                if i % 7 == 2:
                    raise Soft(i)
            finally:
                finals += 1
        except Soft:
            finals += 100
        try:
            try:
                if i % 8 == 3:
                    raise AppError(8)
            except ValueError:
                finals -= 1000
        except AppError as e:
            codes += e.code
        try:
            try:
                if i % 10 == 4:
                    raise Soft(i)
            except Soft:
                raise
        except Soft as s:
            values += len(tb_lines(s)) * 1000
        try:
            if i % 11 == 5:
                raise AppError(11) from KeyError(i)
        except AppError as e:
            values += e.code + len(e.__cause__.args)
        values += guarded_div(i, i % 9) + inner_handler(i)
        values += lookup(table, i % 40) + lookup_noted(table, str(i % 3), notes)
        try:
            values += table[i % 30]
        except KeyError as e:
            values -= e.args[0]
    return (caught, codes, values, finals, ctx, infos, sorted(lines.items()),
            len(notes), notes[:2], notes[-1])


for n in (50, 3000):
    print(run(n))
print(sys.exc_info())


def late(n):
    total = 0
    for i in range(n):
        try:
            total += check(i)
        except (AppError, ValueError):
            total -= 1
    return total


print(late(2000))
try:
    late2 = [check(i) for i in range(1, 10)]
except (AppError, ValueError) as e:
    print("late", e, tb_lines(e))


def escape(n):
    s = 0
    for i in range(n):
        try:
            s += check(i)
        except AppError:
            s += 1
        except ValueError:
            s -= 1
            if i > n - 10:
                raise KeyError("out of the loop %d" % i)
    return s


try:
    escape(3000)
except KeyError as e:
    print("escaped", e, tb_lines(e), type(e.__context__).__name__)


class Late(Exception):
    pass


def late_init(self, v):
    Exception.__init__(self, v, "patched")


def patched(n):
    seen = []
    for i in range(n):
        if i == n // 2:
            Late.__init__ = late_init
        try:
            raise Late(i)
        except Late as e:
            seen.append(len(e.args))
    return sum(seen), seen[0], seen[-1]


print(patched(400))
