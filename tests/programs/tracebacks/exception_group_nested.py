# exception groups print as nested boxes: chains inside, 15 shown per group,
# "max_group_depth" beyond 10 levels
def leaf(i):
    try:
        raise KeyError(i)
    except KeyError as e:
        raise ValueError(f"v{i}") from e

def make():
    excs = []
    for i in range(18):
        try:
            if i % 3 == 0:
                leaf(i)
            raise TypeError(i)
        except Exception as e:
            excs.append(e)
    return excs

def nest(n):
    if n == 0:
        return ExceptionGroup("bottom", [OSError("deep")])
    return ExceptionGroup(f"level{n}", [nest(n - 1)])

def main():
    try:
        raise ExceptionGroup("many", make() + [nest(12)])
    except* TypeError:
        pass
main()
