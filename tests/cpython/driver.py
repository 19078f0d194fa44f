"""Runs one of CPython's test files (a module of the `test` package) through
unittest and prints one line per test method as it finishes:

    @@ <outcome> <test id>

where outcome is pass, fail, error or skip (an expected failure counts as pass,
an unexpected success as fail; a test with a failing subtest fails). Errors that
belong to no test method (setUpModule, setUpClass, a module that does not
import) print as `@@ error <description>`. The last line is `@@ done`.

Used by run.py under both Coil and CPython, so it only needs what unittest needs.
"""
import sys
import unittest

RANK = {"pass": 0, "skip": 1, "fail": 2, "error": 3}


class Result(unittest.TestResult):
    def __init__(self):
        super().__init__()
        self.outcome = {}
        self.printed = set()
        self.current = None

    def _set(self, test, outcome):
        tid = test.id()
        old = self.outcome.get(tid)
        if old is None or RANK[outcome] > RANK[old]:
            self.outcome[tid] = outcome

    def startTest(self, test):
        super().startTest(test)
        self.current = test.id()

    def stopTest(self, test):
        super().stopTest(test)
        tid = test.id()
        print("@@", self.outcome.get(tid, "pass"), tid, flush=True)
        self.printed.add(tid)
        self.current = None

    def addSuccess(self, test):
        self._set(test, "pass")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._report(test, "fail", err)

    def addError(self, test, err):
        super().addError(test, err)
        self._report(test, "error", err)

    def _report(self, test, outcome, err):
        if isinstance(test, unittest.TestCase):
            self._set(test, outcome)
            name = test.id()
        else:
            # setUpClass/setUpModule failures are reported on an _ErrorHolder
            name = str(test)
            print("@@", outcome, name.replace(" ", "_"), flush=True)
        if VERBOSE:
            typ, val = err[0], err[1]
            try:
                msg = f"{typ.__name__}: {val}"
            except Exception:
                msg = typ.__name__
            print("@@@", name, msg.replace("\n", " ")[-400:], flush=True)

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        if isinstance(test, unittest.TestCase):
            self._set(test, "skip")
        else:
            print("@@ skip", str(test).replace(" ", "_"), flush=True)

    def addExpectedFailure(self, test, err):
        self._set(test, "pass")

    def addUnexpectedSuccess(self, test):
        self._set(test, "fail")

    def addSubTest(self, test, subtest, err):
        if err is not None:
            if issubclass(err[0], test.failureException):
                self._report(test, "fail", err)
            else:
                self._report(test, "error", err)


def main():
    global VERBOSE
    args = sys.argv[1:]
    VERBOSE = "-v" in args
    args = [a for a in args if a != "-v"]
    name = args[0]
    if not name.startswith("test."):
        name = "test." + name
    try:
        suite = unittest.defaultTestLoader.loadTestsFromName(name)
    except BaseException as e:
        if VERBOSE:
            import traceback
            traceback.print_exc()
        print("@@ error import", flush=True)
        print("@@@ import", f"{type(e).__name__}: {e}".replace("\n", " ")[:300], flush=True)
        print("@@ done", flush=True)
        return
    result = Result()
    tests = list(flatten(suite))
    # An exception that escapes unittest's own machinery (a Coil bug) costs the
    # test that was running, not the rest of the file: run the remaining tests on.
    while tests:
        result.current = None
        try:
            unittest.TestSuite(tests).run(result)
            break
        except BaseException as e:
            ids = [t.id() for t in tests]
            done = result.current
            if done is None:
                # between tests: blame the first one not reported yet
                done = next((i for i in ids if i not in result.printed), None)
            if done is None or done not in ids:
                break
            if done not in result.printed:
                result.printed.add(done)
                print("@@ error", done, flush=True)
            print("@@@", done, f"{type(e).__name__}: {e}".replace("\n", " ")[:300], flush=True)
            tests = tests[ids.index(done) + 1:]
    print("@@ done", flush=True)


def flatten(suite):
    for t in suite:
        if isinstance(t, unittest.TestSuite):
            yield from flatten(t)
        else:
            yield t


VERBOSE = False
main()
