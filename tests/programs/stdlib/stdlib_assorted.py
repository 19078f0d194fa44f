# datetime, calendar, fnmatch, html, queue, keyword, decimal, numbers; os.path functions from the stdlib posixpath; types.ModuleType.
import datetime, calendar, fnmatch, html, queue, colorsys, keyword, types, copy, numbers, decimal, dis, io
d = datetime.date(2024, 2, 29)
print(d, d + datetime.timedelta(days=1), d.weekday(), datetime.datetime(2020, 1, 2, 3, 4, 5).isoformat())
print(calendar.isleap(2024), calendar.monthrange(2024, 2), fnmatch.fnmatch("a.py", "*.py"), html.escape("<a&b>"))
q = queue.Queue(); q.put(1); q.put(2); print(q.get(), q.qsize())
print(keyword.iskeyword("for"), keyword.kwlist[:3], types.SimpleNamespace(a=1), types.FunctionType)
print(decimal.Decimal("1.10") + decimal.Decimal("2.205"), decimal.Decimal(1) / decimal.Decimal(7))
print(isinstance(3, numbers.Integral), isinstance(2.5, numbers.Real), copy.deepcopy({"a": [1, 2]}))
import os, sys
print(os.path.relpath("/a/b/c", "/a"), os.path.normcase("X/y"), os.path.commonpath(["/a/b/c", "/a/b/d"]))
print(os.path.expandvars("$NO_SUCH_VAR_X/x"), os.path.commonprefix(["abc", "abd"]))
M = type(sys)
m = M("made", "doc text")
exec("y = 5", m.__dict__)
print(m.y, m.__name__, m.__doc__, m)
