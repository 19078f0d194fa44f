def ret_override():
    try:
        return "try"
    finally:
        return "finally"
print(ret_override())

def swallow():
    try:
        raise ValueError("lost")
    finally:
        return "swallowed"
print(swallow())

def break_in_finally():
    for i in range(5):
        try:
            if i == 2:
                raise RuntimeError("x")
        finally:
            if i == 2:
                break
    return i
print(break_in_finally())

def continue_with_finally():
    log = []
    for i in range(4):
        try:
            if i % 2:
                continue
            log.append(f"body{i}")
        finally:
            log.append(f"fin{i}")
    return log
print(continue_with_finally())

def return_in_loop():
    for i in range(10):
        try:
            if i == 3:
                return i
        finally:
            print("finally", i)
print(return_in_loop())

def finally_sees_value():
    x = 1
    try:
        x = 2
        return x
    finally:
        x = 3
        print("x in finally", x)
print(finally_sees_value())

def while_break():
    n = 0
    while True:
        try:
            n += 1
            if n == 3:
                break
        finally:
            print("loop finally", n)
    return n
print(while_break())
def nested_finally():
    try:
        try:
            return "inner"
        finally:
            print("f1")
    finally:
        print("f2")
print(nested_finally())
