# an error raised while matching a class pattern points at the pattern
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def classify(p):
    match p:
        case Point(0, 0):
            return "origin"
        case Point(x, y, z):
            return "3d"

print(classify(Point(0, 0)))
print(classify(Point(1, 0)))
