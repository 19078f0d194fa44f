import string
print(string.capwords("hello big  world"), string.capwords("a-b c", "-"))
t = string.Template("$who likes $what, ${who}!")
print(t.substitute(who="tim", what="kung pao"))
print(t.safe_substitute(who="ann"))
try:
    t.substitute(who="x")
except KeyError as e:
    print("KeyError:", e)
f = string.Formatter()
print(f.format("{0}-{1:>4}", "a", "b"))
print(string.ascii_letters.index("Z"), string.digits[::-1])
