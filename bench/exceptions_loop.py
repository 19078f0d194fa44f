"""Exceptions: raising and catching in a loop, try/finally, and exceptions across calls."""
import sys


class AppError(Exception):
    def __init__(self, code):
        Exception.__init__(self, code)
        self.code = code


def check(i):
    if i % 3 == 0:
        raise AppError(i % 7)
    if i % 5 == 0:
        raise ValueError("five")
    return i


def lookup(d, k):
    try:
        return d[k]
    except KeyError:
        return -1


def run(n):
    caught = 0
    codes = 0
    values = 0
    finals = 0
    misses = 0
    d = {i: i * 2 for i in range(0, 100, 2)}
    for i in range(n):
        try:
            values += check(i)
        except AppError as e:
            caught += 1
            codes += e.code
        except ValueError:
            caught += 1
        finally:
            finals += 1
        if lookup(d, i % 100) < 0:
            misses += 1
    return caught, codes, values, finals, misses


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 1500000
    for name, v in zip(("caught", "codes", "values", "finals", "misses"), run(n)):
        print(name, v)


main()
