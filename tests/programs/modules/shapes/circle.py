from ._common import PI, fmt

class Circle:
    def __init__(self, r):
        self.r = r
    def area(self):
        return fmt(PI * self.r * self.r)
