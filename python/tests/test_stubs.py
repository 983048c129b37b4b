"""The type stubs (statecraft/__init__.pyi, shipped with py.typed) describe the module as it is:
every public name, every parameter in its order and kind, every member of every class; every
public function, method and property has a docstring; and no signature shows a bare `handle`
or `object` where a real type belongs."""

import ast
import builtins
import inspect
import os
import re

import pytest

import statecraft

PACKAGE_DIR = os.path.dirname(statecraft.__file__)
STUB = os.path.join(PACKAGE_DIR, "__init__.pyi")


def _stub_tree():
    with open(STUB, encoding="utf-8") as handle:
        return ast.parse(handle.read(), STUB)


TREE = _stub_tree()
STUB_FUNCTIONS = {node.name: node for node in TREE.body if isinstance(node, ast.FunctionDef)}
STUB_CLASSES = {node.name: node for node in TREE.body if isinstance(node, ast.ClassDef)}
PUBLIC = [name for name in statecraft.__all__ if name != "__version__"]
CLASSES = [name for name in PUBLIC if inspect.isclass(getattr(statecraft, name))]
FUNCTIONS = [name for name in PUBLIC if name not in CLASSES]


def _is_public(name):
    return not name.startswith("_") or name in ("__init__", "__getitem__", "__iter__",
                                                "__len__", "_repr_html_")


def _stub_members(node):
    members = {}
    for item in node.body:
        if isinstance(item, ast.FunctionDef):
            members[item.name] = item
        elif isinstance(item, ast.AnnAssign):
            members[item.target.id] = item
    return members


def _stub_parameters(function):
    """[(name, kind, has_default)] of a stub function, `self` left out."""
    arguments = function.args
    out = []
    positional = arguments.posonlyargs + arguments.args
    defaults = [None] * (len(positional) - len(arguments.defaults)) + arguments.defaults
    for argument, default in zip(positional, defaults):
        out.append((argument.arg, "positional", default is not None))
    if arguments.vararg:
        out.append((arguments.vararg.arg, "*", False))
    for argument, default in zip(arguments.kwonlyargs, arguments.kw_defaults):
        out.append((argument.arg, "keyword", default is not None))
    if arguments.kwarg:
        out.append((arguments.kwarg.arg, "**", False))
    return [entry for entry in out if entry[0] not in ("self", "cls")]


_KINDS = {inspect.Parameter.POSITIONAL_ONLY: "positional",
          inspect.Parameter.POSITIONAL_OR_KEYWORD: "positional",
          inspect.Parameter.VAR_POSITIONAL: "*", inspect.Parameter.KEYWORD_ONLY: "keyword",
          inspect.Parameter.VAR_KEYWORD: "**"}


def _runtime_parameters(function):
    """The same of a runtime function: from inspect for Python code, from the signature line
    pybind11 writes at the top of a compiled function's docstring otherwise."""
    try:
        signature = inspect.signature(function)
    except (TypeError, ValueError):
        return _pybind_parameters(function)
    return [(name, _KINDS[parameter.kind], parameter.default is not inspect.Parameter.empty)
            for name, parameter in signature.parameters.items() if name not in ("self", "cls")]


def _pybind_signature(function):
    first = (function.__doc__ or "").splitlines()[0]
    found = re.match(r"^\w+\((.*)\)( -> .*)?$", first)
    assert found, "no signature line in %r" % first
    return found.group(1), found.group(2) or ""


def _pybind_parameters(function):
    text, _ = _pybind_signature(function)
    out, keyword = [], False
    depth, current, parts = 0, "", []
    for char in text:
        depth += char in "[(" and 1 or (char in "])" and -1 or 0)
        if char == "," and depth == 0:
            parts.append(current.strip())
            current = ""
        else:
            current += char
    if current.strip():
        parts.append(current.strip())
    for part in parts:
        if part == "*":
            keyword = True
            continue
        name = part.split(":")[0].strip()
        if name in ("self", "cls"):
            continue
        out.append((name, "keyword" if keyword else "positional", "=" in part))
    return out


def test_stub_and_marker_are_shipped_beside_the_module():
    assert os.path.exists(STUB)
    assert os.path.exists(os.path.join(PACKAGE_DIR, "py.typed"))


def test_every_public_name_is_in_the_stub_and_nothing_else():
    declared = set(STUB_FUNCTIONS) | set(STUB_CLASSES)
    assert set(PUBLIC) <= declared, sorted(set(PUBLIC) - declared)
    assert declared <= set(PUBLIC), sorted(declared - set(PUBLIC))


@pytest.mark.parametrize("name", FUNCTIONS)
def test_function_signatures_match(name):
    function = getattr(statecraft, name)
    assert _stub_parameters(STUB_FUNCTIONS[name]) == _runtime_parameters(function)
    assert STUB_FUNCTIONS[name].returns is not None, name


@pytest.mark.parametrize("name", FUNCTIONS)
def test_public_functions_have_docstrings_and_typed_signatures(name):
    function = getattr(statecraft, name)
    assert (function.__doc__ or "").strip(), name
    signature = inspect.signature(function)
    for parameter in signature.parameters.values():
        assert parameter.annotation is not inspect.Parameter.empty, (name, parameter.name)
    assert signature.return_annotation is not inspect.Signature.empty, name
    text = str(signature)
    assert "handle" not in text and ": object" not in text, text


@pytest.mark.parametrize("name", CLASSES)
def test_class_members_match(name):
    cls = getattr(statecraft, name)
    members = _stub_members(STUB_CLASSES[name])
    runtime = {member for member in dir(cls) if _is_public(member)
               and not (member == "__init__" and cls.__init__ is object.__init__)}
    if issubclass(cls, Exception):
        runtime = {member for member in runtime if member not in dir(Exception)}
        assert set(members) == {"code", "location"}
        return
    for member in runtime - {"__init__"}:
        assert member in members, "%s.%s is not in the stub" % (name, member)
    for member, node in members.items():
        if isinstance(node, ast.AnnAssign):
            continue  # an instance attribute, set in __init__
        assert hasattr(cls, member), "the stub's %s.%s does not exist" % (name, member)


def _callables(cls):
    for member in dir(cls):
        if not _is_public(member) or member in ("__init__", "__iter__", "__len__",
                                                 "__getitem__"):
            continue
        value = inspect.getattr_static(cls, member)
        yield member, value


@pytest.mark.parametrize("name", [name for name in CLASSES
                                  if not issubclass(getattr(statecraft, name), Exception)])
def test_methods_match_and_are_documented(name):
    cls = getattr(statecraft, name)
    members = _stub_members(STUB_CLASSES[name])
    assert (cls.__doc__ or "").strip(), name
    for member, value in _callables(cls):
        where = "%s.%s" % (name, member)
        if isinstance(value, property) or type(value).__name__ == "property":
            assert (value.__doc__ or value.fget.__doc__ or "").strip(), where
            stub = members[member]
            assert any(isinstance(d, ast.Name) and d.id == "property"
                       for d in stub.decorator_list), where + " is a property"
            continue
        if isinstance(value, staticmethod):
            value = value.__func__
        function = getattr(cls, member)
        if member == "_repr_html_" or not callable(function):
            continue
        doc = function.__doc__ or ""
        assert doc.strip(), where
        assert _stub_parameters(members[member]) == _runtime_parameters(function), where
        if not inspect.isfunction(function):
            arguments, returns = _pybind_signature(function)
            assert "handle" not in arguments and ": object" not in arguments, where
            assert "object" not in returns, where


def test_stub_names_resolve():
    """Every name the stub's annotations use is defined in it, imported, or a builtin."""
    defined = set(STUB_FUNCTIONS) | set(STUB_CLASSES) | set(dir(builtins))
    for node in TREE.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            defined |= {alias.asname or alias.name.split(".")[0] for alias in node.names}
        elif isinstance(node, (ast.Assign, ast.AnnAssign)):
            targets = node.targets if isinstance(node, ast.Assign) else [node.target]
            defined |= {target.id for target in targets}
    used = {node.id for node in ast.walk(TREE)
            if isinstance(node, ast.Name) and isinstance(node.ctx, ast.Load)}
    assert used <= defined, sorted(used - defined)
