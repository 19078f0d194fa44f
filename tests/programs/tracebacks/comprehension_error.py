data = {"a": 1, "b": 2}
keys = ["a", "b", "c"]
print("before")
values = [data[k] for k in keys]
print(values)
