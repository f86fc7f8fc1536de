"""The parity check (issue 17 item 3): the installed module against ``tests/api/surface.json``.

``surface.json`` lists the public API once, in the core's snake_case names: every module-level
function, every type with its methods, properties and fields, every error area. This test reads
the module's real exports by introspection (each submodule's ``__all__``, each class's own
attributes, the exception classes of :mod:`complaint_office.errors`) and fails naming every
name the list has that Python lacks, and every name Python has that the list lacks, unless the
list's ``exceptions.python`` table names it with a reason. Python's rule: names as listed
(snake_case), class names identical.

Run as a script (``python test_parity.py``) it prints what it found, in the list's form.
"""

import enum
import inspect
import json
from pathlib import Path

import complaint_office as co
from complaint_office import errors

SURFACE = Path(__file__).resolve().parents[2] / "tests" / "api" / "surface.json"
LANGUAGE = "python"
# Not the library's API: test strategies, and the dataframe helpers' private modules.
SKIPPED_MODULES = {"testing", "errors"}


def exported():
    """What the installed module exports, in the list's form."""
    functions, types = set(), {}
    for module_name in sorted(m for m in co.__all__ if inspect.ismodule(getattr(co, m, None))):
        if module_name in SKIPPED_MODULES:
            continue
        module = getattr(co, module_name)
        for name in getattr(module, "__all__", []):
            obj = getattr(module, name)
            if inspect.isclass(obj) and issubclass(obj, BaseException):
                continue  # an error class: the areas below
            if inspect.isclass(obj):
                # A class re-exported by a second module keeps the module that defines it.
                home = obj.__module__.removeprefix("complaint_office.")
                types[f"{home if home in co.__all__ else module_name}.{name}"] = _members(obj)
            elif inspect.isroutine(obj):
                functions.add(f"{module_name}.{name}")
    # The error areas: the code prefixes that have their own exception class.
    areas = {area for area, cls in errors._BY_AREA.items() if issubclass(cls, errors.ComplaintOfficeError)}
    return {"functions": functions, "types": types, "errors": areas}


def _members(cls):
    if issubclass(cls, enum.Enum):
        return None  # a vocabulary: its values are the core's names, checked by the vectors
    if hasattr(cls, "__required_keys__"):  # a TypedDict: its keys
        return set(cls.__required_keys__) | set(cls.__optional_keys__)
    own = set()
    for klass in cls.__mro__:
        if klass is object or klass.__module__ == "builtins":
            continue
        own.update(n for n in vars(klass) if not n.startswith("_"))
    return own


def expected(surface, language):
    """The names the list expects of one language (with its renames), and its exceptions."""
    exceptions = surface["exceptions"][language]
    renames = {key: spec["name"] for key, spec in exceptions.get("renamed", {}).items()}
    functions = {renames.get(f, f) for f in surface["functions"] if f not in exceptions["absent"]}
    types = {}
    for name, spec in surface["types"].items():
        if name in exceptions["absent"]:
            continue
        members = spec.get("members")
        types[renames.get(name, name)] = (
            None
            if members is None
            else {
                renames.get(f"{name}.{m}", m)
                for m in members
                if f"{name}.{m}" not in exceptions["absent"]
            }
        )
    areas = {area for area in surface["errors"]["areas"] if f"errors.{area}" not in exceptions["absent"]}
    return {"functions": functions, "types": types, "errors": areas}


def differences(surface, language, found):
    """Every difference between the list and a binding, one line each; empty when at parity."""
    want = expected(surface, language)
    extra_ok = surface["exceptions"][language]["extra"]
    idioms = set(surface["exceptions"][language].get("idioms", {}))
    lines = []
    for f in sorted(want["functions"] - found["functions"]):
        lines.append(f"missing function {f}")
    for f in sorted(found["functions"] - want["functions"]):
        if f not in extra_ok:
            lines.append(f"extra function {f} (not in surface.json)")
    for t in sorted(set(want["types"]) - set(found["types"])):
        lines.append(f"missing type {t}")
    for t in sorted(set(found["types"]) - set(want["types"])):
        if t not in extra_ok:
            lines.append(f"extra type {t} (not in surface.json)")
    for t in sorted(set(want["types"]) & set(found["types"])):
        w, f = want["types"][t], found["types"][t]
        if w is None or f is None:
            if (w is None) != (f is None):
                lines.append(f"type {t}: listed as {'an enum' if w is None else 'a class'}, found otherwise")
            continue
        for m in sorted(w - f):
            lines.append(f"missing {t}.{m}")
        for m in sorted(f - w - idioms):
            if f"{t}.{m}" not in extra_ok:
                lines.append(f"extra {t}.{m} (not in surface.json)")
    for e in sorted(want["errors"] - found["errors"]):
        lines.append(f"missing error area {e}")
    for e in sorted(found["errors"] - want["errors"]):
        if f"errors.{e}" not in extra_ok:
            lines.append(f"extra error area {e} (not in surface.json)")
    return lines


def test_python_exports_match_the_surface_list():
    surface = json.loads(SURFACE.read_text(encoding="utf-8"))
    lines = differences(surface, LANGUAGE, exported())
    assert not lines, "Python differs from tests/api/surface.json:\n  " + "\n  ".join(lines)


def test_the_check_names_a_missing_and_an_extra_name():
    surface = json.loads(SURFACE.read_text(encoding="utf-8"))
    found = exported()
    found["types"]["case.Case"] = set(found["types"]["case.Case"]) - {"apply"} | {"apply_twice"}
    found["functions"].add("calendar.unlisted")
    found["errors"].discard("number")
    lines = differences(surface, LANGUAGE, found)
    assert "missing case.Case.apply" in lines
    assert "extra case.Case.apply_twice (not in surface.json)" in lines
    assert "missing error area number" in lines
    assert "extra function calendar.unlisted (not in surface.json)" in lines


def test_every_exception_has_a_reason_and_names_a_real_entry():
    surface = json.loads(SURFACE.read_text(encoding="utf-8"))
    listed = set(surface["functions"]) | set(surface["types"]) | {f"errors.{a}" for a in surface["errors"]["areas"]}
    listed |= {f"{t}.{m}" for t, spec in surface["types"].items() for m in spec.get("members", [])}
    for language, table in surface["exceptions"].items():
        stale = sorted(set(table["absent"]) - listed) + sorted(set(table.get("renamed", {})) - listed)
        assert not stale, f"{language}: exceptions for names the list does not have: {stale}"
    for language, table in surface["exceptions"].items():
        for kind in ("absent", "extra", "renamed", "idioms"):
            for name, reason in table.get(kind, {}).items():
                if kind == "renamed":
                    assert reason["name"], f"{language} renamed {name}: no name"
                    reason = reason["reason"]
                assert isinstance(reason, str) and reason.strip(), f"{language} {kind} {name}: no reason"


if __name__ == "__main__":
    found = exported()
    print(
        json.dumps(
            {
                "functions": sorted(found["functions"]),
                "types": {t: (sorted(m) if m is not None else None) for t, m in sorted(found["types"].items())},
                "errors": sorted(found["errors"]),
            },
            indent=1,
        )
    )
