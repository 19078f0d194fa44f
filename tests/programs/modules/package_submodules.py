import textutil
print(hasattr(textutil, "case"))
import textutil.case
print(hasattr(textutil, "case"))
print(textutil.case.snake("HelloWorldFoo"), textutil.case.camel("hello_world_foo"))
from textutil.case import snake, camel
print(snake(camel("a_b_c")))
from textutil import case
print(case is textutil.case, case.__name__)
print(textutil.case.__package__, textutil.__package__)
