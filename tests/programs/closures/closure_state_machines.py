def make_fsm():
    state = "idle"
    transitions = {("idle", "start"): "running", ("running", "pause"): "paused",
                   ("paused", "resume"): "running", ("running", "stop"): "idle",
                   ("paused", "stop"): "idle"}
    history = []
    def fire(event):
        nonlocal state
        key = (state, event)
        if key in transitions:
            history.append((state, event, transitions[key]))
            state = transitions[key]
            return True
        return False
    def current():
        return state
    return fire, current, history

fire, current, hist = make_fsm()
for ev in ["pause", "start", "pause", "pause", "resume", "stop", "resume"]:
    ok = fire(ev)
    print(ev, ok, current())
print(len(hist))
for h in hist:
    print(h)

def memoize(fn):
    cache = {}
    hits = [0]
    def wrapped(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r
    wrapped.stats = lambda: (len(cache), hits[0])
    return wrapped

@memoize
def tri(n):
    return 0 if n == 0 else n + tri(n - 1)
print(tri(30), tri.stats())
print(tri(30), tri.stats())
