"""JSON-like parser: a character-level tokenizer written as a state machine, a recursive-descent parser, a recursive serializer and a small path-query evaluator, over deterministic generated documents."""
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

NAMES = ("ada", "grace", "linus", "guido", "barbara", "ken", "dennis", "margaret", "alan", "edsger")
TAGS = ("admin", "ops", "dev", "qa", "sales", "beta", "vip", "new")
ESCAPES = {'"': '"', "\\": "\\", "/": "/", "b": "\b", "f": "\f", "n": "\n", "r": "\r", "t": "\t"}
REVERSE = {v: "\\" + k for k, v in ESCAPES.items() if k != "/"}


class ParseError(Exception):
    pass


def tokenize(text):
    """Yield (kind, value) tokens; a state machine over one character at a time."""
    state = "start"
    buf = []
    i, n = 0, len(text)
    while i < n:
        c = text[i]
        if state == "start":
            if c in " \t\r\n":
                pass
            elif c in "{}[]:,":
                yield (c, c)
            elif c == '"':
                state, buf = "string", []
            elif c == "-" or c.isdigit():
                state, buf = "number", [c]
            elif c.isalpha():
                state, buf = "word", [c]
            else:
                raise ParseError("unexpected %r at %d" % (c, i))
        elif state == "string":
            if c == '"':
                yield ("str", "".join(buf))
                state = "start"
            elif c == "\\":
                state = "escape"
            else:
                buf.append(c)
        elif state == "escape":
            if c == "u":
                buf.append(chr(int(text[i + 1:i + 5], 16)))
                i += 4
            else:
                buf.append(ESCAPES[c])
            state = "string"
        elif state == "number":
            if c.isdigit() or c in ".eE+-":
                buf.append(c)
            else:
                s = "".join(buf)
                yield ("num", float(s) if "." in s or "e" in s or "E" in s else int(s))
                state = "start"
                continue
        elif state == "word":
            if c.isalpha():
                buf.append(c)
            else:
                yield ("word", "".join(buf))
                state = "start"
                continue
        i += 1
    if state != "start":
        raise ParseError("unterminated " + state)
    yield ("eof", None)


class Parser:
    WORDS = {"true": True, "false": False, "null": None}

    def __init__(self, text):
        self.tokens = tokenize(text)
        self.kind, self.value = next(self.tokens)
        self.count = 0

    def advance(self):
        kind, value = self.kind, self.value
        self.kind, self.value = next(self.tokens)
        self.count += 1
        return value

    def expect(self, kind):
        if self.kind != kind:
            raise ParseError("expected %s, got %s" % (kind, self.kind))
        return self.advance()

    def parse(self):
        value = self.value_()
        if self.kind != "eof":
            raise ParseError("trailing " + self.kind)
        return value

    def value_(self):
        kind = self.kind
        if kind == "{":
            return self.object_()
        if kind == "[":
            return self.array_()
        if kind in ("str", "num"):
            return self.advance()
        if kind == "word" and self.value in self.WORDS:
            return self.WORDS[self.advance()]
        raise ParseError("unexpected token " + kind)

    def object_(self):
        self.expect("{")
        result = {}
        while self.kind != "}":
            key = self.expect("str")
            self.expect(":")
            result[key] = self.value_()
            if self.kind != ",":
                break
            self.advance()
        self.expect("}")
        return result

    def array_(self):
        self.expect("[")
        items = []
        while self.kind != "]":
            items.append(self.value_())
            if self.kind != ",":
                break
            self.advance()
        self.expect("]")
        return items


def dumps(value):
    if isinstance(value, dict):
        return "{" + ", ".join(dumps(k) + ": " + dumps(v) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(dumps(v) for v in value) + "]"
    if isinstance(value, str):
        return '"' + "".join(REVERSE.get(c) or (c if c >= " " else "\\u%04x" % ord(c))
                             for c in value) + '"'
    if value is True or value is False or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    return repr(value)


def query(doc, path):
    """Evaluate a path like `users.*.tags[0]`: returns the list of matches."""
    current = [doc]
    for part in path.split("."):
        name, _, index = part.partition("[")
        step = []
        for item in current:
            if name == "*":
                step.extend(item if isinstance(item, list) else item.values())
            elif isinstance(item, dict) and name in item:
                step.append(item[name])
        if index:
            k = int(index.rstrip("]"))
            step = [s[k] for s in step if isinstance(s, list) and -len(s) <= k < len(s)]
        current = step
    return current


def make_doc(seed, users):
    x = seed
    people = []
    for i in range(users):
        x = (x * 1103515245 + 12345) % 2147483648
        r = x >> 8
        people.append({
            "id": seed * 1000 + i,
            "name": NAMES[r % 10].title() + ' "' + NAMES[(r >> 4) % 10] + '"\t',
            "age": 18 + r % 60,
            "score": (r % 10000) / 64.0 - 20.5,
            "active": r % 3 != 0,
            "tags": [TAGS[(r >> k) % 8] for k in range(0, 3 * (r % 4), 3)],
            "manager": None if r % 5 == 0 else {"id": r % 97, "note": "caf\u00e9\n\x01"},
        })
    return {"version": 3, "seed": seed, "users": people, "meta": {"ok": True, "path": "/a/b"}}


def main():
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 700
    tokens = chars = ages = managers = 0
    score = 0.0
    tag_counts = {}
    warm_start()
    for lo, hi in warm_chunks(n):
        for k in range(lo, hi):
            doc = make_doc(k, 30)
            text = dumps(doc)
            parser = Parser(text)
            back = parser.parse()
            if back != doc or dumps(back) != text:
                print("roundtrip failed", k)
            tokens += parser.count
            chars += len(text)
            ages += sum(query(back, "users.*.age"))
            score += sum(query(back, "users.*.score"))
            managers += len(query(back, "users.*.manager.id"))
            for tag in query(back, "users.*.tags[0]"):
                tag_counts[tag] = tag_counts.get(tag, 0) + 1
        if _WARMUP:
            warm_tick()
    print("documents", n, "chars", chars, "tokens", tokens)
    print("ages", ages, "score %.4f" % score, "managers", managers)
    print("first tags", sorted(tag_counts.items()))
    print(dumps(query(make_doc(n, 3), "users[1]")[0]))
    for bad in ('{"a": [1, 2}', '[true, nope]', '{"k": "open'):
        try:
            Parser(bad).parse()
        except ParseError as e:
            print("error:", e)


main()
