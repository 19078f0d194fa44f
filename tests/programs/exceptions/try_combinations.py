def run(n):
    out = []
    try:
        out.append("try")
        if n == 1:
            raise ValueError("one")
        if n == 2:
            raise KeyError("two")
        if n == 3:
            raise TypeError("three")
    except ValueError as e:
        out.append(f"except ValueError {e}")
    except KeyError as e:
        out.append(f"except KeyError {e}")
    else:
        out.append("else")
    finally:
        out.append("finally")
    return out

for n in range(3):
    print(n, run(n))
try:
    run(3)
except TypeError as e:
    print("outer caught", e)

def only_finally():
    try:
        return "body"
    finally:
        print("in finally")
print(only_finally())

def try_else():
    try:
        x = 1
    except Exception:
        print("never")
    else:
        print("else sees", x)
try_else()

def else_raises():
    try:
        pass
    except ValueError:
        print("not here")
    else:
        raise ValueError("from else")
try:
    else_raises()
except ValueError as e:
    print("caught:", e)

def nested():
    try:
        try:
            1 / 0
        finally:
            print("inner finally")
    except ZeroDivisionError:
        print("outer except")
    finally:
        print("outer finally")
nested()
try:
    pass
finally:
    print("bare try/finally")
