# time.gmtime/strftime/struct_time and the datetime/calendar functions built on them.
import time, datetime, calendar
t = time.gmtime(1700000000)
print(t, t.tm_year, t[0:3], time.strftime("%Y-%m-%d %H:%M:%S %a %b %j %A %B %p %I %U %W %w", t))
print(time.gmtime(0), time.asctime(time.gmtime(86400 * 365.25 * 30)), calendar.timegm(t))
d = datetime.date(2024, 2, 29)
print(d.strftime("%Y/%m/%d %A %B"), datetime.datetime(2020, 1, 2, 3, 4, 5).strftime("%c"), format(d, "%d %b %Y"))
print(calendar.month(2024, 2))
print(calendar.day_name[0], calendar.month_abbr[12], list(calendar.Calendar().iterweekdays()))
print(time.struct_time((2020, 1, 2, 3, 4, 5, 3, 2, 0)))
