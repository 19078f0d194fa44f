class A:
    def __init__(self): self.x = 1
try:
    A().y
except AttributeError as e:
    print(e)
