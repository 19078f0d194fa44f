# The _ast node classes: fields, attributes, constructors, optional-field defaults.
import ast
n = ast.Name("x", ast.Load(), lineno=3, col_offset=1)
print(type(n).__name__, n.id, type(n.ctx).__name__, n.lineno, n.col_offset, ast.Name._fields)
print(ast.BinOp._fields, ast.expr._attributes, ast.stmt._attributes, ast.AST._fields)
print(ast.FunctionDef().returns, ast.Constant.kind, ast.arg().type_comment)
print(issubclass(ast.Name, ast.expr), issubclass(ast.expr, ast.AST), ast.Add.__mro__[1].__name__)
print(ast.Name.__module__, ast.Load.__doc__, ast.Name.__match_args__)
try:
    ast.Name().id
except AttributeError as e:
    print("AttributeError", e)
try:
    ast.Name(1, 2, 3)
except TypeError as e:
    print("TypeError", e)
try:
    ast.Await(1, 2)
except TypeError as e:
    print("TypeError", e)
tree = ast.Module(body=[ast.Expr(ast.BinOp(ast.Constant(1), ast.Add(), ast.Name("y", ast.Load())))], type_ignores=[])
print(ast.dump(tree))
print([type(x).__name__ for x in ast.walk(tree)])
match n:
    case ast.Name(id=name):
        print("matched", name)
print(isinstance(ast.Add(), ast.operator), ast.Add().__reduce__()[0].__name__)
