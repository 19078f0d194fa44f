"""Event simulation: a bank with tellers of several classes serving customers, driven by a heapq event queue of event objects ordered by __lt__, random.Random(seed) arrivals, per-run statistics."""
import sys

# -- warm-up reporting: BENCH_WARMUP=1 prints `warmup: <i> <seconds>` to stderr
# -- after each outer iteration (see bench/README.md).
import os
import time
_WARMUP = os.environ.get("BENCH_WARMUP") == "1"
_warm = [0, time.perf_counter()]


def warm_start():
    _warm[1] = time.perf_counter()


def warm_tick():
    t = time.perf_counter()
    _warm[0] += 1
    sys.stderr.write("warmup: %d %.6f\n" % (_warm[0], t - _warm[1]))
    _warm[1] = t


def warm_chunks(n, parts=40):
    """range(n) cut into `parts` consecutive (lo, hi) pieces: the outer iterations."""
    step = max(1, -(-n // parts))
    return [(lo, min(lo + step, n)) for lo in range(0, n, step)]
# --

import heapq
import random


class Event:
    __slots__ = ("time", "seq", "customer")
    counter = 0

    def __init__(self, time, customer):
        Event.counter += 1
        self.time = time
        self.seq = Event.counter
        self.customer = customer

    def __lt__(self, other):
        if self.time != other.time:
            return self.time < other.time
        return self.seq < other.seq


class Arrival(Event):
    __slots__ = ()

    def fire(self, bank):
        bank.arrive(self.customer, self.time)


class Departure(Event):
    __slots__ = ("teller",)

    def __init__(self, time, customer, teller):
        super().__init__(time, customer)
        self.teller = teller

    def fire(self, bank):
        bank.depart(self.customer, self.teller, self.time)


class Customer:
    def __init__(self, ident, arrived, work, patience):
        self.ident = ident
        self.arrived = arrived
        self.work = work
        self.patience = patience
        self.started = None

    @property
    def wait(self):
        return self.started - self.arrived

    @property
    def small(self):
        return self.work < 2.0


class Teller:
    speed = 1.0

    def __init__(self, name):
        self.name = name
        self.busy_time = 0.0
        self.served = 0
        self.current = None

    def accepts(self, customer):
        return True

    def service_time(self, customer):
        return customer.work / self.speed + 0.25

    def __repr__(self):
        return "%s(%s, served=%d)" % (type(self).__name__, self.name, self.served)


class SeniorTeller(Teller):
    speed = 1.6


class ExpressTeller(Teller):
    speed = 1.3

    def accepts(self, customer):
        return customer.small


class Bank:
    def __init__(self, tellers, rng):
        self.tellers = tellers
        self.rng = rng
        self.queue = []
        self.events = []
        self.waits = []
        self.balked = 0
        self.longest_queue = 0

    def schedule(self, event):
        heapq.heappush(self.events, event)

    def arrive(self, customer, now):
        if len(self.queue) > customer.patience:
            self.balked += 1
            return
        self.queue.append(customer)
        self.longest_queue = max(self.longest_queue, len(self.queue))
        self.dispatch(now)

    def depart(self, customer, teller, now):
        teller.current = None
        teller.served += 1
        self.dispatch(now)

    def dispatch(self, now):
        for teller in self.tellers:
            if teller.current is not None:
                continue
            for i, customer in enumerate(self.queue):
                if teller.accepts(customer):
                    del self.queue[i]
                    customer.started = now
                    self.waits.append(customer.wait)
                    duration = teller.service_time(customer)
                    teller.busy_time += duration
                    teller.current = customer
                    self.schedule(Departure(now + duration, customer, teller))
                    break

    def run(self, customers, rate):
        t = 0.0
        for ident in range(customers):
            t += self.rng.expovariate(rate)
            work = 0.5 + self.rng.expovariate(0.4)
            self.schedule(Arrival(t, Customer(ident, t, work, self.rng.randint(3, 12))))
        now = 0.0
        while self.events:
            event = heapq.heappop(self.events)
            now = event.time
            event.fire(self)
        return now


def simulate(seed, customers):
    rng = random.Random(seed)
    tellers = [Teller("t1"), Teller("t2"), SeniorTeller("s1"), ExpressTeller("x1")]
    bank = Bank(tellers, rng)
    end = bank.run(customers, 1.35)
    waits = sorted(bank.waits)
    return {
        "end": end,
        "served": len(waits),
        "balked": bank.balked,
        "mean_wait": sum(waits) / len(waits),
        "p90_wait": waits[len(waits) * 9 // 10],
        "longest_queue": bank.longest_queue,
        "utilization": {t.name: t.busy_time / end for t in tellers},
        "tellers": [repr(t) for t in tellers],
    }


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 160
    served = balked = 0
    worst = None
    util = {}
    means = []
    warm_start()
    for lo, hi in warm_chunks(n):
        for k in range(lo, hi):
            r = simulate(k, 1000)
            served += r["served"]
            balked += r["balked"]
            means.append(r["mean_wait"])
            for name, u in r["utilization"].items():
                util[name] = util.get(name, 0.0) + u
            if worst is None or (r["p90_wait"], k) > (worst[0], worst[1]):
                worst = (r["p90_wait"], k, r["longest_queue"], r["tellers"])
        if _WARMUP:
            warm_tick()
    print("runs", n, "served", served, "balked", balked)
    print("mean wait %.6f min %.6f max %.6f" % (sum(means) / n, min(means), max(means)))
    print("utilization", ", ".join("%s=%.4f" % (name, u / n) for name, u in sorted(util.items())))
    print("worst p90 %.6f in run %d, queue %d" % worst[:3])
    print("tellers", worst[3])


main()
