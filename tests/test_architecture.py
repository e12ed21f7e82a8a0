"""The shape of the house, checked on the source: no import circle between modules, language
knowledge read only through ``dyad.lang``, and no French in the stages that must not hold any.

These are small scans of the syntax tree (``ast``), not of running code.
"""
from __future__ import annotations

import ast
import re
from pathlib import Path

import pytest

from dyad.lang import lexicon

PACKAGE = Path(__file__).resolve().parent.parent / "dyad"
# Places where a French word in a string is allowed, as "path:line" (starts empty; a new entry
# needs a reason next to it).
FRENCH_ALLOWED: set[str] = set()
# Universal Dependencies labels and spaCy tags are not words of a language ("aux", "AUX").
UD_LABEL = re.compile(r"^(?:acl|advcl|advmod|amod|appos|aux|case|cc|ccomp|conj|cop|csubj|dep|det|"
                      r"expl|fixed|flat|iobj|mark|nmod|nsubj|nummod|obj|obl|parataxis|punct|root|xcomp)"
                      r"(?::[a-z]+)?$")
# Language codes name tables, they are not words ("en" is English, not the preposition).
LANGUAGE_CODES = {p.name for p in (PACKAGE / "lang").iterdir() if p.is_dir() and len(p.name) == 2}
# The names of the files under dyad/lang, which only dyad.lang may name.
LANG_FILES = {p.name for p in (PACKAGE / "lang").rglob("*") if p.is_file() and p.suffix in (".tsv", ".json")}
# Lists of word parts, not words: endings and letter groups ("er", "s", "tch").
WORD_PARTS = {"verb_endings", "word_trims", "transliteration_marks", "irregular_stems"}
WORD = re.compile(r"[a-zàâäçéèêëîïôöùûüœ]+'?")


def _modules() -> dict[str, Path]:
    out = {}
    for path in sorted(PACKAGE.rglob("*.py")):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts = parts[:-1]
        out[".".join(parts)] = path
    return out


MODULES = _modules()


def _imports(name: str, path: Path) -> set[str]:
    """The dyad modules a module imports (at any depth of its code)."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = name if path.name == "__init__.py" else name.rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {a.name for a in node.names}
        elif isinstance(node, ast.ImportFrom):
            if node.level:
                base = package.split(".")
                base = base[:len(base) - node.level + 1]
                mod = ".".join(base + ([node.module] if node.module else []))
            else:
                mod = node.module or ""
            found.add(mod)
            found |= {f"{mod}.{a.name}" for a in node.names}
    return {m for m in found if m in MODULES and m != name}


def _strings(path: Path):
    """(line, value) of every string literal that is not a docstring."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    docs = set()
    for node in ast.walk(tree):
        if isinstance(node, (ast.Module, ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)) and node.body:
            first = node.body[0]
            if isinstance(first, ast.Expr) and isinstance(first.value, ast.Constant):
                docs.add(id(first.value))
    for node in ast.walk(tree):
        if isinstance(node, ast.Constant) and isinstance(node.value, str) and id(node) not in docs:
            yield node.lineno, node.value


def _french_words() -> set[str]:
    """The function words the French lexicon names (every list of ``function_words.json``)."""
    words: set[str] = set()

    def walk(value):
        if isinstance(value, str):
            words.update(w for w in value.split() if w)
        elif isinstance(value, dict):
            for k, v in value.items():
                if not k.startswith("_"):
                    walk(v)
        elif isinstance(value, list):
            for v in value:
                walk(v)
    walk({k: v for k, v in lexicon("fr").json("function_words.json").items() if k not in WORD_PARTS})
    return {w for w in words if WORD.fullmatch(w) and (len(w) > 1 or w == "à")}


def test_no_import_circle():
    graph = {name: _imports(name, path) for name, path in MODULES.items()}
    # a package's __init__ re-exporting its own modules is not a circle
    graph = {n: {m for m in deps if not n.startswith(m + ".") and not m.startswith(n + ".")}
             for n, deps in graph.items()}
    state: dict[str, int] = {}
    cycles = []

    def visit(node: str, stack: list[str]) -> None:
        state[node] = 1
        for dep in sorted(graph[node]):
            if state.get(dep) == 1:
                cycles.append(stack[stack.index(dep):] + [dep] if dep in stack else [node, dep])
            elif dep not in state:
                visit(dep, stack + [dep])
        state[node] = 2
    for name in sorted(graph):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_only_dyad_lang_opens_its_files():
    """Every stage asks its Lexicon; no module elsewhere builds a path into dyad/lang."""
    offenders = []
    for name, path in MODULES.items():
        if name == "dyad.lang" or name.startswith("dyad.lang."):
            continue
        for line, value in _strings(path):
            if value in LANG_FILES or re.search(r"(?:^|/)dyad/lang/", value):
                offenders.append(f"{path.relative_to(PACKAGE.parent)}:{line}: {value!r}")
        text = path.read_text(encoding="utf-8")
        if re.search(r"Path\(__file__\)[^\n]*(?:\"data\"|'data'|\"lang\"|'lang')", text):
            offenders.append(f"{path.relative_to(PACKAGE.parent)}: builds a data path from __file__")
    assert offenders == []


@pytest.mark.parametrize("stage", ["extraction", "kb", "reports"])
def test_no_french_function_word_in_code(stage):
    french = _french_words()
    assert {"de", "du", "des", "d'"} <= french  # the scan knows the words it looks for
    offenders = []
    for path in sorted((PACKAGE / stage).rglob("*.py")):
        rel = path.relative_to(PACKAGE.parent)
        for line, value in _strings(path):
            if UD_LABEL.match(value) or value.isupper() or value in LANGUAGE_CODES:
                continue
            hits = [w for w in WORD.findall(value) if w in french]
            if hits and f"{rel}:{line}" not in FRENCH_ALLOWED:
                offenders.append(f"{rel}:{line}: {value!r} ({', '.join(hits)})")
    assert offenders == []
