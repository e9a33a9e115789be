"""The apps' layers: imports run one way, and hooks are registered in one place.

docs/architecture.md draws the map. An app may import only the apps of lower layers; tests and
migrations are left out (tests may use everything, and migrations name apps by their labels).
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent

#: The project's apps, lowest first. An app imports only apps of a lower layer than its own.
LAYERS = [
    {"core"},
    {"emails"},
    {"directory"},
    {
        "collaboration",
        "facilitators",
        "feedback",
        "mentoring",
        "networks",
        "opendata",
        "subscriptions",
    },
    {"featured", "freshness", "news"},
    {"home", "newsletter", "search"},
    {"demo"},
    {"portal"},
]
LAYER_OF = {app: rank for rank, apps in enumerate(LAYERS) for app in apps}

#: Calls that register something with Wagtail: only a wagtail_hooks.py makes them at import.
REGISTERING = {"register_snippet", "register_permission_policy", "register_setting"}


def app_modules():
    for app in LAYER_OF:
        for path in sorted((ROOT / app).rglob("*.py")):
            if "migrations" not in path.relative_to(ROOT).parts:
                yield app, path


def imported_apps(node):
    if isinstance(node, ast.Import):
        names = [alias.name for alias in node.names]
    elif isinstance(node, ast.ImportFrom) and node.level == 0 and node.module:
        names = [node.module]
    else:
        return set()
    return {name.split(".")[0] for name in names} & set(LAYER_OF)


def function_bodies(tree):
    """The ids of the nodes inside a function: imports there run late, when it is called."""
    inside = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            inside.update(id(sub) for sub in ast.walk(node) if sub is not node)
    return inside


def parsed():
    for app, path in app_modules():
        source = path.read_text()
        yield app, path, source.splitlines(), ast.parse(source, filename=str(path))


def import_graph():
    """{(importing app, imported app): [where]}"""
    edges = {}
    for app, path, _lines, tree in parsed():
        for node in ast.walk(tree):
            for other in imported_apps(node) - {app}:
                edges.setdefault((app, other), []).append(f"{path.relative_to(ROOT)}:{node.lineno}")
    return edges


def cycles(edges):
    """Every cycle of the graph, each once, as a list of apps."""
    graph = {}
    for source, target in edges:
        graph.setdefault(source, set()).add(target)
    found = set()

    def walk(start, node, path):
        for target in sorted(graph.get(node, ())):
            if target == start:
                found.add(tuple(path))
            elif target not in path and target > start:
                walk(start, target, [*path, target])

    for start in sorted(graph):
        walk(start, start, [start])
    return sorted(found)


def test_cycles_are_found():
    assert cycles({("a", "b"): [], ("b", "c"): [], ("c", "a"): [], ("c", "d"): []}) == [
        ("a", "b", "c")
    ]
    assert cycles({("a", "b"): [], ("b", "c"): []}) == []


def test_no_app_imports_another_in_a_circle():
    assert cycles(import_graph()) == []


@pytest.mark.parametrize("app", sorted(LAYER_OF))
def test_an_app_imports_only_lower_layers(app):
    upward = {
        f"{source} -> {target}": where
        for (source, target), where in import_graph().items()
        if source == app and LAYER_OF[target] >= LAYER_OF[source]
    }
    assert upward == {}


def test_imports_inside_functions_say_why_they_are_late():
    unexplained = []
    for app, path, lines, tree in parsed():
        inside = function_bodies(tree)
        for node in ast.walk(tree):
            if id(node) not in inside or not (imported_apps(node) - {app}):
                continue
            around = lines[node.lineno - 2 : node.end_lineno]
            if not any("#" in line for line in around):
                unexplained.append(f"{path.relative_to(ROOT)}:{node.lineno}")
    assert unexplained == []


def registers(node):
    """Whether a module-level statement registers something with Wagtail when imported."""
    calls = []
    if isinstance(node, ast.FunctionDef | ast.ClassDef):
        calls = node.decorator_list
    elif isinstance(node, ast.Expr):
        calls = [node.value]
    for call in calls:
        func = call.func if isinstance(call, ast.Call) else call
        if isinstance(func, ast.Attribute):  # hooks.register(...)
            if func.attr == "register" and getattr(func.value, "id", "") == "hooks":
                return True
        elif getattr(func, "id", "") in REGISTERING:
            return True
    return False


def test_only_wagtail_hooks_modules_register_at_import():
    elsewhere = [
        f"{path.relative_to(ROOT)}:{node.lineno}"
        for _app, path, _lines, tree in parsed()
        if path.name != "wagtail_hooks.py"
        for node in tree.body
        if registers(node)
    ]
    assert elsewhere == []
