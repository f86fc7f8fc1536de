"""The examples in the docstrings (Python and native) are run."""

import doctest
import inspect

import pytest

import complaint_office as co
import complaint_office.testing
from complaint_office import _native

MODULES = [co, co.errors, co.duration, co.number, co.policy, co.calendar, co.period, co.case, co.testing,
           co.office, co.history, co.store]


def _tests():
    finder = doctest.DocTestFinder(exclude_empty=True)
    seen = {}
    for module in MODULES:
        for test in finder.find(module, module.__name__, module=False, globs={}):
            seen.setdefault(test.name, test)
    for name, obj in inspect.getmembers(_native):
        for test in finder.find(obj, f"_native.{name}", module=False, globs={}):
            seen.setdefault(test.name, test)
    return [t for t in seen.values() if t.examples]


TESTS = _tests()


def test_there_are_docstring_examples():
    assert len(TESTS) >= 10


@pytest.mark.parametrize("test", TESTS, ids=[t.name for t in TESTS])
def test_docstring_example(test):
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    runner.run(test)
    assert runner.failures == 0, f"{runner.failures} failing example(s) in {test.name}"
