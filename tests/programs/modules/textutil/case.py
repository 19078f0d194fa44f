def snake(s):
    out = []
    for ch in s:
        if ch.isupper() and out:
            out.append("_")
        out.append(ch.lower())
    return "".join(out)

def camel(s):
    parts = s.split("_")
    return parts[0] + "".join(p.title() for p in parts[1:])
