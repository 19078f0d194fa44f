# A class-level counter (`Cls.count += 1` in `__init__`) replaces a plain value
# by a plain value: traces keep their class guards (what they take from a class
# is a lookup: a method, `__init__`, a property, the absence of a descriptor)
# and go on running. Changes that do alter lookups are still seen at once: a
# method replaced, a property (a data descriptor) shadowing an instance
# attribute, a plain class value replaced by a function.
class Event:
    count = 0
    scale = 3

    def __init__(self, t):
        Event.count += 1
        self.t = t
        self.seq = Event.count

    def key(self):
        return self.t * 10 + self.seq % 10


def run(n):
    total = 0
    evs = []
    for i in range(n):
        e = Event(i % 7)
        total += e.key() + e.seq + Event.count
        evs.append(e)
    return total, Event.count, evs[-1].seq


print(run(500))


def changes(n):
    out = []
    e = Event(5)
    for i in range(n):
        if i == 40:
            Event.key = lambda self: -self.t
        if i == 60:
            Event.t = property(lambda self: 100, lambda self, v: None)
        if i == 80:
            Event.scale = lambda self: "m"
        x = Event(i)
        out.append((x.key(), x.t, Event.count % 3))
        if i >= 80:
            out.append(x.scale())
    return out[38:42], out[58:62], out[-4:], e.t


print(changes(100))
