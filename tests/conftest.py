"""Shared fixtures: the project's paths, the user's sample documents, the loaded pipeline."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:  # the store tests use the benchmarks' synthetic corpus (bench.synthetic)
    sys.path.append(str(ROOT))
SHARED = ROOT.parent / "shared"
EXAMPLES = ROOT / "examples"


@pytest.fixture(scope="session")
def shared() -> Path:
    if not (SHARED / "seeds").is_dir():
        pytest.skip("../shared (the user's sample documents and scorer) is not beside the project")
    return SHARED


@pytest.fixture(scope="session")
def options():
    from dyad.options import Options

    return Options(progress=False)


@pytest.fixture(scope="session")
def nlp(options):
    from dyad.language.pipeline import load_nlp

    return load_nlp(options.model, options.lang)


@pytest.fixture(scope="session")
def analyse_text(nlp, options):
    """Analyse a text (with optional publication metadata) and return (document, doc)."""
    from dyad.language.pipeline import analyse
    from dyad.model import Document

    def run(text: str, published: str | None = None, doc_id: str = "t"):
        document = Document(id=doc_id, text=text, published_raw=published)
        return next(analyse([document], options))
    return run
