"""Every Python snippet of the docs runs and prints what the text says (issue 23 item 9 and
"done when"): the root README, the package's README and docs/first-hour/python.md.

Python blocks are written in doctest form (``>>>``) and run with :mod:`doctest`, one page as
one session (its blocks in order, sharing names), in a fresh folder of the test's own. A block
without a ``>>>`` example fails the test: nothing is silently left out. Shell blocks (install
commands) are not run and must say so with ``<!-- not run: … -->`` on the line before them;
blocks of other languages are left to their own suites. ``$BROWSER`` is ``true`` here, so a page
that opens its report in the browser runs to the end without a display."""

import doctest
import pathlib
import re
import webbrowser

import pytest

ROOT = pathlib.Path(__file__).resolve().parents[2]
PAGES = ["README.md", "bindings-python/README.md", "docs/first-hour/python.md"]
SHELL = {"sh", "bash", "shell", "console"}
FENCE = re.compile(r"^```(\S*)\n(.*?)^```$", re.M | re.S)
MARKER = re.compile(r"<!-- not run: .+ -->\s*$")


def blocks(text):
    """(language, code, line, marked) of each fenced block."""
    for m in FENCE.finditer(text):
        before = text[: m.start()].rstrip()
        marked = bool(MARKER.search(before.rsplit("\n", 1)[-1]))
        yield m.group(1).split(",")[0], m.group(2), text.count("\n", 0, m.start()) + 1, marked


def python_blocks(page):
    text = (ROOT / page).read_text(encoding="utf-8")
    found = []
    for lang, code, line, marked in blocks(text):
        if lang in SHELL:
            assert marked, f"{page}:{line}: a {lang} block without <!-- not run: … -->"
        elif lang in ("python", "py", "pycon"):
            assert ">>> " in code, f"{page}:{line}: a Python block not in doctest form"
            found.append((code, line))
    return found


@pytest.mark.parametrize("page", PAGES)
def test_every_python_snippet_runs_and_prints_what_the_text_says(page, tmp_path, monkeypatch):
    found = python_blocks(page)
    assert found, f"{page} has no Python snippet"
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("BROWSER", "true")
    monkeypatch.setattr(webbrowser, "_tryorder", None)  # read $BROWSER afresh
    monkeypatch.setattr(webbrowser, "_browsers", {})
    parser = doctest.DocTestParser()
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    globs = {"__name__": "__docs__"}
    for code, line in found:
        test = parser.get_doctest(code, globs, f"{page}:{line}", str(ROOT / page), line)
        runner.run(test, clear_globs=False)
        globs = test.globs
    result = runner.summarize(verbose=False)
    assert result.attempted > 0
    assert result.failed == 0, f"{result.failed} failing example(s) in {page}"
