//! Traceback and frame objects for `exc.__traceback__` and `sys.exc_info()`,
//! made on request from the entries an exception recorded while it unwound:
//! `tb_frame`, `tb_lineno`, `tb_next`, and frames with `f_code` and `f_lineno`.

use crate::value::Value;
use crate::vm::Vm;

/// The traceback chain of exception `e` (outermost call first), or None.
pub fn traceback_of(vm: &mut Vm, e: Value) -> Value {
    let Some(st) = vm.exc_state(e) else {
        return Value::NONE;
    };
    let entries: Vec<(std::rc::Rc<crate::compiler::bytecode::Code>, u32, Value)> = st
        .traceback
        .iter()
        .map(|t| (t.code.clone(), t.line, t.globals))
        .collect();
    if entries.is_empty() {
        return Value::NONE;
    }
    let (tb_cls, frame_cls) = classes(vm);
    let mut next = Value::NONE;
    // entries are recorded innermost first: build the chain from its end
    for (code, line, globals) in entries.into_iter() {
        let co = crate::builtins::functions::new_code_object(vm, code, false);
        vm.temp_roots.push(next);
        let frame = vm.new_instance(frame_cls);
        set(vm, frame, "f_code", co);
        set(vm, frame, "f_lineno", Value::small_int(line as i64));
        set(vm, frame, "f_back", Value::NONE);
        set(vm, frame, "f_globals", globals);
        let b = vm.builtins;
        set(vm, frame, "f_builtins", b);
        let locals = vm.new_dict();
        set(vm, frame, "f_locals", locals);
        let tb = vm.new_instance(tb_cls);
        set(vm, tb, "tb_frame", frame);
        set(vm, tb, "tb_lineno", Value::small_int(line as i64));
        set(vm, tb, "tb_lasti", Value::small_int(-1));
        set(vm, tb, "tb_next", next);
        vm.temp_roots.pop();
        next = tb;
    }
    next
}

fn set(vm: &mut Vm, obj: Value, name: &str, v: Value) {
    let k = vm.intern(name);
    vm.instance_set_attr(obj, k, v);
}

/// The `traceback` and `frame` classes, made on first use and kept in builtins'
/// hidden roots (the Vm's module roots).
fn classes(vm: &mut Vm) -> (Value, Value) {
    if vm.traceback_types.0.is_none() {
        let object = vm.types.object;
        let tb = vm.new_native_type("traceback", "builtins", object);
        let fr = vm.new_native_type("frame", "builtins", object);
        // `frame.clear()` (traceback.clear_frames, unittest's assertRaises): these
        // frames are snapshots that keep no running frame's variables alive, so
        // there is nothing to release
        vm.add_method(fr, "clear", |vm, a| {
            const CLEAR: crate::builtins::signature::Sig<0> =
                crate::builtins::signature::Sig::new("clear", []).method();
            CLEAR.bind(vm, &a)?;
            Ok(Value::NONE)
        });
        vm.traceback_types = (tb, fr);
    }
    vm.traceback_types
}

/// `sys._getframe(depth)`: a frame object for the Python frame `depth` calls up
/// from the caller (`f_globals`, `f_locals`, `f_code`, `f_lineno`, `f_back`).
pub fn getframe(vm: &mut Vm, depth: usize) -> crate::vm::PyResult<Value> {
    // The Python frames, outermost first: the interpreter's, but for those of
    // builtins' Python loops, and with the frames inlined into traces that
    // wait for a residual call where those calls stand.
    let mut inlined = vm.frames_inlined_in_residual_calls().into_iter().peekable();
    let mut views: Vec<(
        std::rc::Rc<crate::compiler::bytecode::Code>,
        usize,
        Value,
        Value,
    )> = Vec::new();
    for (i, f) in vm.frames.iter().enumerate() {
        if !crate::vm::builtin_loops::is_hidden(&f.code) {
            views.push((f.code.clone(), f.pc, f.globals, f.locals));
        }
        while let Some((_, pc, frames)) = inlined.next_if(|(at, _, _)| *at == i) {
            if let Some(v) = views
                .last_mut()
                .filter(|v| std::rc::Rc::ptr_eq(&v.0, &f.code))
            {
                v.1 = pc;
            }
            views.extend(
                frames
                    .into_iter()
                    .map(|g| (g.code, g.pc, g.globals, Value::NONE)),
            );
        }
    }
    let n = views.len();
    if depth >= n {
        return Err(vm.value_error("call stack is not deep enough"));
    }
    let (_, frame_cls) = classes(vm);
    // build from the outermost frame inwards so each can point at its f_back
    let mut back = Value::NONE;
    let base = vm.temp_roots.len();
    // (the views' globals are alive: their frames, functions or traces hold them)
    for (code, pc, globals, locals) in views.into_iter().take(n - depth) {
        let line = code
            .lines
            .get(pc.saturating_sub(1))
            .copied()
            .unwrap_or(code.firstlineno);
        let locals = if locals.is_none() {
            vm.new_dict()
        } else {
            locals
        };
        vm.temp_roots.push(locals);
        back = frame_object(vm, frame_cls, code, line, globals, locals, back);
    }
    vm.temp_roots.truncate(base);
    Ok(back)
}

/// `gen.gi_frame` (and `cr_frame`, `ag_frame`) of a generator whose frame is
/// alive: a snapshot frame object at its current line, with no `f_back` (a
/// suspended generator's frame has no caller) and its set local variables.
pub fn generator_frame(vm: &mut Vm, frame: &crate::vm::frame::Frame) -> Value {
    let code = frame.code.clone();
    let line = match frame.pc {
        0 => code.firstlineno,
        pc => code.lines.get(pc - 1).copied().unwrap_or(code.firstlineno),
    };
    let globals = frame.globals;
    let locals: Vec<(Value, Value)> = code
        .varnames
        .iter()
        .zip(frame.slots.iter())
        .filter(|(_, v)| !v.is_empty())
        .map(|(k, v)| (*k, *v))
        .collect();
    let (_, frame_cls) = classes(vm);
    let base = vm.temp_roots.len();
    vm.temp_roots.extend(locals.iter().map(|(_, v)| *v));
    let d = vm.new_dict();
    vm.temp_roots.push(d);
    for (k, v) in locals {
        vm.dict_set_str(d, k, v);
    }
    let fr = frame_object(vm, frame_cls, code, line, globals, d, Value::NONE);
    vm.temp_roots.truncate(base);
    fr
}

/// A frame object (`frame_cls`) of `code` at `line`, kept in `temp_roots`
/// with its code object (the caller truncates them).
fn frame_object(
    vm: &mut Vm,
    frame_cls: Value,
    code: std::rc::Rc<crate::compiler::bytecode::Code>,
    line: u32,
    globals: Value,
    locals: Value,
    back: Value,
) -> Value {
    let co = crate::builtins::functions::new_code_object(vm, code, false);
    vm.temp_roots.push(co);
    let fr = vm.new_instance(frame_cls);
    vm.temp_roots.push(fr);
    set(vm, fr, "f_code", co);
    set(vm, fr, "f_lineno", Value::small_int(line as i64));
    set(vm, fr, "f_globals", globals);
    set(vm, fr, "f_locals", locals);
    set(vm, fr, "f_back", back);
    let b = vm.builtins;
    set(vm, fr, "f_builtins", b);
    fr
}
