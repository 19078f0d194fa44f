items = []
config = {"debug": False}

def add(x):
    items.append(x)
    return len(items)
