"""The layout keeps its promises: data flows one way between the folders (no import cycles; the
steps never import the command line), the wheel carries every package, the vocabulary is spelled
once, and files stay small."""
import ast
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUTSIDE = {"tests", "bench", "scripts", "docs", ".venv", ".git", ".ci", "build", "dist"}
OWNED_ELSEWHERE = {"nlp/quotes.py"}  # being split by the quote-attribution work, not this layout's
MAX_LINES = 400


def modules():
    """(part, path) of every Python file of the package: part is its top-level folder or module."""
    for path in sorted(ROOT.rglob("*.py")):
        relative = path.relative_to(ROOT)
        if relative.parts[0] in OUTSIDE or relative.parts[:2] == ("nlp", "scripts") or ".egg-info" in str(relative):
            continue
        yield (relative.parts[0] if len(relative.parts) > 1 else relative.stem), path


def imported_parts(path: Path) -> set[str]:
    """The parts of onrecord a file imports, at the top or inside functions."""
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        names = []
        if isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names = [node.module] + [f"{node.module}.{alias.name}" for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "onrecord" and len(parts) > 1 and (ROOT / parts[1]).with_suffix(".py").exists() | (ROOT / parts[1]).is_dir():
                found.add(parts[1])
    return found


def part_graph() -> dict[str, set[str]]:
    graph: dict[str, set[str]] = {}
    for part, path in modules():
        graph.setdefault(part, set()).update(imported_parts(path) - {part})
    return graph


def test_the_steps_never_import_the_command_line():
    importers = {part for part, edges in part_graph().items() if "cli" in edges}
    assert importers <= {"__main__"}, f"only `python -m onrecord` may import onrecord.cli, not {importers - {'__main__'}}"


def test_no_import_cycles_between_the_folders():
    graph = part_graph()
    state: dict[str, str] = {}

    def visit(part, trail):
        if state.get(part) == "done":
            return
        assert state.get(part) != "visiting", f"import cycle: {' -> '.join(trail + [part])}"
        state[part] = "visiting"
        for other in sorted(graph.get(part, ())):
            visit(other, trail + [part])
        state[part] = "done"

    for part in sorted(graph):
        visit(part, [])
    assert {"cli", "crawler", "db", "nlp", "demo"} <= set(graph)  # the scan saw the package


def test_the_wheel_lists_every_package():
    declared = set(tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {"onrecord"}
    for part, path in modules():
        if path.name == "__init__.py" and path.parent != ROOT:
            found.add("onrecord." + ".".join(path.parent.relative_to(ROOT).parts))
    assert found == declared


def test_the_vocabulary_is_spelled_once():
    """No other module spells out the platforms, the kinds or the stances as a list of its own."""
    from onrecord import vocabulary

    sets = {"platforms": set(vocabulary.PLATFORMS), "kinds": set(vocabulary.KINDS), "stances": set(vocabulary.STANCES)}
    offenders = []
    for _, path in modules():
        if path.name == "vocabulary.py":
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, (ast.Tuple, ast.List, ast.Set)):
                words = {e.value for e in node.elts if isinstance(e, ast.Constant) and isinstance(e.value, str)}
                for name, names in sets.items():
                    if len(words & names) >= 3:
                        offenders.append(f"{path.relative_to(ROOT)}:{node.lineno} spells the {name}")
    assert offenders == []


def test_files_stay_small():
    long = {str(path.relative_to(ROOT)): n for _, path in modules()
            if (n := len(path.read_text(encoding="utf-8").splitlines())) > MAX_LINES}
    assert set(long) <= OWNED_ELSEWHERE, long


def test_every_package_our_code_imports_is_declared():
    """An import satisfied only because another requirement happens to bring it breaks the day
    that requirement stops: declare what the code imports (pyproject.toml)."""
    import importlib.metadata
    import sys

    from packaging.requirements import Requirement
    from packaging.utils import canonicalize_name

    declared = {canonicalize_name(Requirement(text).name)
                for text in tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]["dependencies"]}
    provided = importlib.metadata.packages_distributions()
    missing = set()
    for _, path in modules():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = [alias.name for alias in node.names] if isinstance(node, ast.Import) else (
                [node.module] if isinstance(node, ast.ImportFrom) and node.module and node.level == 0 else [])
            for name in names:
                top = name.split(".")[0]
                if top in sys.stdlib_module_names or top == "onrecord":
                    continue
                distributions = {canonicalize_name(d) for d in provided.get(top, [top])}
                if not distributions & declared:
                    missing.add(f"{top} ({path.relative_to(ROOT)})")
    assert missing == set()
