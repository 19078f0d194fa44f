def step1():
    raise KeyError("missing")

def step2():
    try:
        step1()
    except KeyError as e:
        raise ValueError("step2 failed") from e

def step3():
    try:
        step2()
    except ValueError:
        raise RuntimeError("step3 failed")

step3()
