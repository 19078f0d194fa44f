import shapes
print(shapes.describe(), shapes.VERSION)
print(shapes.Circle(2).area())
print(shapes.square.area(5))
print(shapes.__name__, shapes.circle.__name__)
import shapes.sub.tri
print(shapes.sub.tri.area(3, 4), shapes.sub.LEVEL)
print(shapes.sub.tri.both(6))
from shapes.sub import tri
print(tri is shapes.sub.tri)
from shapes.circle import Circle
print(Circle is shapes.Circle)
import shapes
print(sorted(k for k in vars(shapes) if not k.startswith("__")))
