def load(cfg):
    try:
        return cfg["port"]
    except KeyError as e:
        raise RuntimeError("bad config") from e

print("loading")
load({"host": "x"})
