def escape(s):
    out = []
    for ch in s:
        if ch == '"':
            out.append('\\"')
        elif ch == "\\":
            out.append("\\\\")
        elif ch == "\n":
            out.append("\\n")
        elif ch == "\t":
            out.append("\\t")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'

def dump(obj, indent=2, level=0, sort_keys=False):
    pad = " " * (indent * (level + 1))
    end_pad = " " * (indent * level)
    if obj is None:
        return "null"
    if obj is True:
        return "true"
    if obj is False:
        return "false"
    if isinstance(obj, (int, float)):
        return repr(obj)
    if isinstance(obj, str):
        return escape(obj)
    if isinstance(obj, (list, tuple)):
        if not obj:
            return "[]"
        items = [pad + dump(x, indent, level + 1, sort_keys) for x in obj]
        return "[\n" + ",\n".join(items) + "\n" + end_pad + "]"
    if isinstance(obj, dict):
        if not obj:
            return "{}"
        keys = sorted(obj) if sort_keys else list(obj)
        items = [pad + escape(str(k)) + ": " + dump(obj[k], indent, level + 1, sort_keys) for k in keys]
        return "{\n" + ",\n".join(items) + "\n" + end_pad + "}"
    raise TypeError(f"Object of type {type(obj).__name__} is not serializable")

def compact(obj):
    if isinstance(obj, dict):
        return "{" + ",".join(escape(str(k)) + ":" + compact(v) for k, v in obj.items()) + "}"
    if isinstance(obj, (list, tuple)):
        return "[" + ",".join(compact(x) for x in obj) + "]"
    return dump(obj)

data = {
    "name": "Coil",
    "version": 1.5,
    "tags": ["rust", "python", "interpreter"],
    "nested": {"z": None, "a": [1, [2, [3, {}]], []], "ok": True, "bad": False},
    "text": 'line1\nline "two"\ttab \\ slash',
    "count": -42,
}
print(dump(data))
print(dump(data, indent=4, sort_keys=True))
print(compact(data))
print(dump([]), dump({}), dump("x"), dump(3.0), dump((1, 2)))
try:
    dump({"s": {1, 2}})
except TypeError as e:
    print("TypeError:", e)
