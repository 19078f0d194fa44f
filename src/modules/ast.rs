//! `_ast`: the classes of Python's abstract syntax tree (CPython 3.11's node
//! types with their `_fields`, `_attributes` and optional-field defaults), written in
//! Python below; `ast` is CPython's own module on top of it. `compile(...,
//! PyCF_ONLY_AST)` (and so `ast.parse`) is handled by src/modules/ast_build.rs.

use crate::value::Value;
use crate::vm::{PyResult, Vm};

pub fn register(vm: &mut Vm) {
    vm.native_modules.insert("_ast", init);
}

fn init(vm: &mut Vm) -> PyResult<Value> {
    let m = vm.new_module("_ast");
    crate::modules::itertools::run_source(vm, m, SRC, "<_ast>")?;
    Ok(m)
}

/// The node table was generated from CPython 3.11's `_ast` (class, base, `_fields`,
/// `_attributes`, the optional fields whose class attribute is None, and the doc
/// string where it is not the class name).
const SRC: &str = r#"
PyCF_ONLY_AST = 1024
PyCF_TYPE_COMMENTS = 4096
PyCF_ALLOW_TOP_LEVEL_AWAIT = 8192


class AST:
    _fields = ()
    _attributes = ()
    __match_args__ = ()

    def __init__(self, *args, **kwargs):
        fields = self._fields
        if len(args) > len(fields):
            n = len(fields)
            raise TypeError(
                f"{type(self).__name__} constructor takes at most "
                f"{n} positional argument{'' if n == 1 else 's'}")
        for name, value in zip(fields, args):
            setattr(self, name, value)
        for name, value in kwargs.items():
            if name in fields[:len(args)]:
                raise TypeError(
                    f"{type(self).__name__} got multiple values for argument {name!r}")
            setattr(self, name, value)

    def __reduce__(self):
        d = getattr(self, "__dict__", None)
        if d:
            return type(self), (), d
        return type(self), ()


AST.__module__ = "ast"


def _k(name, base, fields, attributes=None, optional=(), doc=None):
    ns = {"__module__": "ast", "__doc__": doc if doc is not None else name}
    ns["_fields"] = fields
    ns["__match_args__"] = fields
    if attributes is not None:
        ns["_attributes"] = attributes
    for f in optional:
        ns[f] = None
    globals()[name] = type(name, (base,), ns)


_k('operator', AST, (), (), (), 'operator = Add | Sub | Mult | MatMult | Div | Mod | Pow | LShift | RShift | BitOr | BitXor | BitAnd | FloorDiv')
_k('Add', operator, ())
_k('boolop', AST, (), (), (), 'boolop = And | Or')
_k('And', boolop, ())
_k('stmt', AST, (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset'))
_k('AnnAssign', stmt, ('target', 'annotation', 'value', 'simple'), None, ('value',), 'AnnAssign(expr target, expr annotation, expr? value, int simple)')
_k('Assert', stmt, ('test', 'msg'), None, ('msg',), 'Assert(expr test, expr? msg)')
_k('Assign', stmt, ('targets', 'value', 'type_comment'), None, ('type_comment',), 'Assign(expr* targets, expr value, string? type_comment)')
_k('AsyncFor', stmt, ('target', 'iter', 'body', 'orelse', 'type_comment'), None, ('type_comment',), 'AsyncFor(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)')
_k('AsyncFunctionDef', stmt, ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment'), None, ('returns', 'type_comment'), 'AsyncFunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)')
_k('AsyncWith', stmt, ('items', 'body', 'type_comment'), None, ('type_comment',), 'AsyncWith(withitem* items, stmt* body, string? type_comment)')
_k('expr', AST, (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset'))
_k('Attribute', expr, ('value', 'attr', 'ctx'), None, (), 'Attribute(expr value, identifier attr, expr_context ctx)')
_k('AugAssign', stmt, ('target', 'op', 'value'), None, (), 'AugAssign(expr target, operator op, expr value)')
_k('Await', expr, ('value',), None, (), 'Await(expr value)')
_k('BinOp', expr, ('left', 'op', 'right'), None, (), 'BinOp(expr left, operator op, expr right)')
_k('BitAnd', operator, ())
_k('BitOr', operator, ())
_k('BitXor', operator, ())
_k('BoolOp', expr, ('op', 'values'), None, (), 'BoolOp(boolop op, expr* values)')
_k('Break', stmt, ())
_k('Call', expr, ('func', 'args', 'keywords'), None, (), 'Call(expr func, expr* args, keyword* keywords)')
_k('ClassDef', stmt, ('name', 'bases', 'keywords', 'body', 'decorator_list'), None, (), 'ClassDef(identifier name, expr* bases, keyword* keywords, stmt* body, expr* decorator_list)')
_k('Compare', expr, ('left', 'ops', 'comparators'), None, (), 'Compare(expr left, cmpop* ops, expr* comparators)')
_k('Constant', expr, ('value', 'kind'), None, ('kind',), 'Constant(constant value, string? kind)')
_k('Continue', stmt, ())
_k('expr_context', AST, (), (), (), 'expr_context = Load | Store | Del')
_k('Del', expr_context, ())
_k('Delete', stmt, ('targets',), None, (), 'Delete(expr* targets)')
_k('Dict', expr, ('keys', 'values'), None, (), 'Dict(expr* keys, expr* values)')
_k('DictComp', expr, ('key', 'value', 'generators'), None, (), 'DictComp(expr key, expr value, comprehension* generators)')
_k('Div', operator, ())
_k('cmpop', AST, (), (), (), 'cmpop = Eq | NotEq | Lt | LtE | Gt | GtE | Is | IsNot | In | NotIn')
_k('Eq', cmpop, ())
_k('excepthandler', AST, (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('end_lineno', 'end_col_offset'), 'excepthandler = ExceptHandler(expr? type, identifier? name, stmt* body)')
_k('ExceptHandler', excepthandler, ('type', 'name', 'body'), None, ('type', 'name'), 'ExceptHandler(expr? type, identifier? name, stmt* body)')
_k('Expr', stmt, ('value',), None, (), 'Expr(expr value)')
_k('mod', AST, (), ())
_k('Expression', mod, ('body',), None, (), 'Expression(expr body)')
_k('FloorDiv', operator, ())
_k('For', stmt, ('target', 'iter', 'body', 'orelse', 'type_comment'), None, ('type_comment',), 'For(expr target, expr iter, stmt* body, stmt* orelse, string? type_comment)')
_k('FormattedValue', expr, ('value', 'conversion', 'format_spec'), None, ('format_spec',), 'FormattedValue(expr value, int conversion, expr? format_spec)')
_k('FunctionDef', stmt, ('name', 'args', 'body', 'decorator_list', 'returns', 'type_comment'), None, ('returns', 'type_comment'), 'FunctionDef(identifier name, arguments args, stmt* body, expr* decorator_list, expr? returns, string? type_comment)')
_k('FunctionType', mod, ('argtypes', 'returns'), None, (), 'FunctionType(expr* argtypes, expr returns)')
_k('GeneratorExp', expr, ('elt', 'generators'), None, (), 'GeneratorExp(expr elt, comprehension* generators)')
_k('Global', stmt, ('names',), None, (), 'Global(identifier* names)')
_k('Gt', cmpop, ())
_k('GtE', cmpop, ())
_k('If', stmt, ('test', 'body', 'orelse'), None, (), 'If(expr test, stmt* body, stmt* orelse)')
_k('IfExp', expr, ('test', 'body', 'orelse'), None, (), 'IfExp(expr test, expr body, expr orelse)')
_k('Import', stmt, ('names',), None, (), 'Import(alias* names)')
_k('ImportFrom', stmt, ('module', 'names', 'level'), None, ('module', 'level'), 'ImportFrom(identifier? module, alias* names, int? level)')
_k('In', cmpop, ())
_k('Interactive', mod, ('body',), None, (), 'Interactive(stmt* body)')
_k('unaryop', AST, (), (), (), 'unaryop = Invert | Not | UAdd | USub')
_k('Invert', unaryop, ())
_k('Is', cmpop, ())
_k('IsNot', cmpop, ())
_k('JoinedStr', expr, ('values',), None, (), 'JoinedStr(expr* values)')
_k('LShift', operator, ())
_k('Lambda', expr, ('args', 'body'), None, (), 'Lambda(arguments args, expr body)')
_k('List', expr, ('elts', 'ctx'), None, (), 'List(expr* elts, expr_context ctx)')
_k('ListComp', expr, ('elt', 'generators'), None, (), 'ListComp(expr elt, comprehension* generators)')
_k('Load', expr_context, ())
_k('Lt', cmpop, ())
_k('LtE', cmpop, ())
_k('MatMult', operator, ())
_k('Match', stmt, ('subject', 'cases'), None, (), 'Match(expr subject, match_case* cases)')
_k('pattern', AST, (), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'))
_k('MatchAs', pattern, ('pattern', 'name'), None, ('pattern', 'name'), 'MatchAs(pattern? pattern, identifier? name)')
_k('MatchClass', pattern, ('cls', 'patterns', 'kwd_attrs', 'kwd_patterns'), None, (), 'MatchClass(expr cls, pattern* patterns, identifier* kwd_attrs, pattern* kwd_patterns)')
_k('MatchMapping', pattern, ('keys', 'patterns', 'rest'), None, ('rest',), 'MatchMapping(expr* keys, pattern* patterns, identifier? rest)')
_k('MatchOr', pattern, ('patterns',), None, (), 'MatchOr(pattern* patterns)')
_k('MatchSequence', pattern, ('patterns',), None, (), 'MatchSequence(pattern* patterns)')
_k('MatchSingleton', pattern, ('value',), None, (), 'MatchSingleton(constant value)')
_k('MatchStar', pattern, ('name',), None, ('name',), 'MatchStar(identifier? name)')
_k('MatchValue', pattern, ('value',), None, (), 'MatchValue(expr value)')
_k('Mod', operator, ())
_k('Module', mod, ('body', 'type_ignores'), None, (), 'Module(stmt* body, type_ignore* type_ignores)')
_k('Mult', operator, ())
_k('Name', expr, ('id', 'ctx'), None, (), 'Name(identifier id, expr_context ctx)')
_k('NamedExpr', expr, ('target', 'value'), None, (), 'NamedExpr(expr target, expr value)')
_k('Nonlocal', stmt, ('names',), None, (), 'Nonlocal(identifier* names)')
_k('Not', unaryop, ())
_k('NotEq', cmpop, ())
_k('NotIn', cmpop, ())
_k('Or', boolop, ())
_k('Pass', stmt, ())
_k('Pow', operator, ())
_k('RShift', operator, ())
_k('Raise', stmt, ('exc', 'cause'), None, ('exc', 'cause'), 'Raise(expr? exc, expr? cause)')
_k('Return', stmt, ('value',), None, ('value',), 'Return(expr? value)')
_k('Set', expr, ('elts',), None, (), 'Set(expr* elts)')
_k('SetComp', expr, ('elt', 'generators'), None, (), 'SetComp(expr elt, comprehension* generators)')
_k('Slice', expr, ('lower', 'upper', 'step'), None, ('lower', 'upper', 'step'), 'Slice(expr? lower, expr? upper, expr? step)')
_k('Starred', expr, ('value', 'ctx'), None, (), 'Starred(expr value, expr_context ctx)')
_k('Store', expr_context, ())
_k('Sub', operator, ())
_k('Subscript', expr, ('value', 'slice', 'ctx'), None, (), 'Subscript(expr value, expr slice, expr_context ctx)')
_k('Try', stmt, ('body', 'handlers', 'orelse', 'finalbody'), None, (), 'Try(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)')
_k('TryStar', stmt, ('body', 'handlers', 'orelse', 'finalbody'), None, (), 'TryStar(stmt* body, excepthandler* handlers, stmt* orelse, stmt* finalbody)')
_k('Tuple', expr, ('elts', 'ctx'), None, (), 'Tuple(expr* elts, expr_context ctx)')
_k('type_ignore', AST, (), (), (), 'type_ignore = TypeIgnore(int lineno, string tag)')
_k('TypeIgnore', type_ignore, ('lineno', 'tag'), None, (), 'TypeIgnore(int lineno, string tag)')
_k('UAdd', unaryop, ())
_k('USub', unaryop, ())
_k('UnaryOp', expr, ('op', 'operand'), None, (), 'UnaryOp(unaryop op, expr operand)')
_k('While', stmt, ('test', 'body', 'orelse'), None, (), 'While(expr test, stmt* body, stmt* orelse)')
_k('With', stmt, ('items', 'body', 'type_comment'), None, ('type_comment',), 'With(withitem* items, stmt* body, string? type_comment)')
_k('Yield', expr, ('value',), None, ('value',), 'Yield(expr? value)')
_k('YieldFrom', expr, ('value',), None, (), 'YieldFrom(expr value)')
_k('__loader__', object, None, None, ('_ORIGIN', 'module_repr', 'find_spec', 'find_module', 'create_module', 'exec_module', 'get_code', 'get_source', 'is_package', 'load_module', '__dict__'), 'Meta path import for built-in modules.')
_k('alias', AST, ('name', 'asname'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('asname', 'end_lineno', 'end_col_offset'), 'alias(identifier name, identifier? asname)')
_k('arg', AST, ('arg', 'annotation', 'type_comment'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('annotation', 'type_comment', 'end_lineno', 'end_col_offset'), 'arg(identifier arg, expr? annotation, string? type_comment)')
_k('arguments', AST, ('posonlyargs', 'args', 'vararg', 'kwonlyargs', 'kw_defaults', 'kwarg', 'defaults'), (), ('vararg', 'kwarg'), 'arguments(arg* posonlyargs, arg* args, arg? vararg, arg* kwonlyargs, expr* kw_defaults, arg? kwarg, expr* defaults)')
_k('comprehension', AST, ('target', 'iter', 'ifs', 'is_async'), (), (), 'comprehension(expr target, expr iter, expr* ifs, int is_async)')
_k('keyword', AST, ('arg', 'value'), ('lineno', 'col_offset', 'end_lineno', 'end_col_offset'), ('arg', 'end_lineno', 'end_col_offset'), 'keyword(identifier? arg, expr value)')
_k('match_case', AST, ('pattern', 'guard', 'body'), (), ('guard',), 'match_case(pattern pattern, expr? guard, stmt* body)')
_k('withitem', AST, ('context_expr', 'optional_vars'), (), ('optional_vars',), 'withitem(expr context_expr, expr? optional_vars)')

del _k
"#;
