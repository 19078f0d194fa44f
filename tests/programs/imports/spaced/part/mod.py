print("importing", __name__, "package", __package__)
X = 42
