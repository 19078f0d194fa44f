class AppError(Exception):
    pass

class ValidationError(AppError):
    def __init__(self, field, message):
        super().__init__(field, message)
        self.field = field
        self.message = message
    def __str__(self):
        return f"{self.field}: {self.message}"

class NotFound(AppError):
    def __init__(self, key):
        super().__init__(f"missing {key}")
        self.key = key

def validate(d):
    if "name" not in d:
        raise NotFound("name")
    if len(d["name"]) < 3:
        raise ValidationError("name", "too short")
    return "ok"

for d in [{"name": "Alice"}, {"name": "Al"}, {}]:
    try:
        print(validate(d))
    except ValidationError as e:
        print("ValidationError", e, e.field, e.args, repr(e))
    except AppError as e:
        print(type(e).__name__, e, e.args, getattr(e, "key", None))

class Empty(Exception): pass
print(repr(Empty()), str(Empty()), Empty().args)
print(repr(Empty(1, 2)), str(Empty(1, 2)))
print(repr(Empty("one")), str(Empty("one")))
class WithCode(Exception):
    def __init__(self, code):
        self.code = code
w = WithCode(404)
print(w.code, w.args, repr(w), str(w))
try:
    raise WithCode(500)
except Exception as e:
    print(isinstance(e, WithCode), e.code)
class Hier(ValueError): pass
try:
    raise Hier("sub of ValueError")
except ValueError as e:
    print("caught as ValueError:", type(e).__name__, e)
