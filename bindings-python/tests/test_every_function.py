"""Every public function refuses hostile arguments with a coded error (issue 16 item 6).

"Every failure of every public function is a ComplaintOfficeError subclass with a code, whose
message and args never hold the value." This file does not list the API by hand: it walks the
package by introspection (every public function of ``complaint_office`` and its submodules,
every class constructor, static method and method) and calls each one once per parameter and
hostile value, the other parameters given ordinary values where the test knows one for the
parameter's name. A hostile value is a string with a lone surrogate, a planted phone number as
text, an int, a bare ``object()``, None, an int beyond 64 bits, NaN, a list nested deeper than
the conversion bound and a list that contains itself.

Each call must either succeed or raise a ``ComplaintOfficeError`` subclass with a non-empty
``code``, and neither ``str(e)`` nor ``e.args`` may hold the planted values.

The vocabulary enums are walked too: ``Stage("13912345678")`` is ``ArgumentError``, not the
standard library's ``ValueError`` that quotes the value.

Left out, on purpose: the exception classes themselves, dunder methods other than construction
(``__eq__`` with a foreign value returns ``NotImplemented``, the Python protocol), and
``complaint_office.testing`` (Hypothesis strategies for tests, not the library's API).
"""

import atexit
import doctest
import enum
import importlib
import inspect
import math
import os
import pkgutil
import shutil
import tempfile

import pytest

import complaint_office as co
from complaint_office import _native

PHONE = "13912345678"
SURROGATE = f"{PHONE} \ud800"
PLANTED = [PHONE, SURROGATE, "\ud800"]


def _deep_list(levels):
    value = [PHONE]
    for _ in range(levels):
        value = [value]
    return value


def _cyclic_list():
    items = [PHONE]
    items.append(items)
    return items


HOSTILE = {
    "lone surrogate": SURROGATE,
    "planted phone": PHONE,
    "int": 7,
    "object": object(),
    "None": None,
    "2**80": 2**80,
    "nan": math.nan,
    "deep list": _deep_list(200),
    "cyclic list": _cyclic_list(),
}

AT = "2025-09-26T10:00:00+08:00"
RECEIVED = {
    "type": "received", "at": AT, "channel": "hotline", "complainant_kind": "customer",
    "name": "Zhang San", "contact": "13812345678", "content": "The part broke.",
}
REGISTERED = {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"}

# Ordinary values by parameter name, so that a call reaches the parameter under test (the
# binding reads arguments in order). A parameter the test knows no value for gets the hostile
# value too, which is as good a test.
VALID = {
    "policy": co.Policy(),
    "calendar": co.Calendar.default(),
    "date": "2025-09-26",
    "start": "2025-09-26",
    "end": "2025-10-10",
    "day": "2025-09-26",
    "on": "2025-09-26",
    "today": "2025-09-26",
    "now": AT,
    "at": AT,
    "received_at": AT,
    "month": "2025-09",
    "offset": "+08:00",
    "office_offset": "+08:00",
    "days": 5,
    "n": 1,
    "count": 1,
    "duration": "5 working days",
    "number": "25090001",
    "event": RECEIVED,
    "events": [RECEIVED, REGISTERED],
    "history": [RECEIVED, REGISTERED],
    "role": "department",
    "view": "department",
    "kind": "phone",
    "field": "contact_phone",
    "value": "Zhang San",
    "text": "x",
    "granularity": "month",
    "channel": "hotline",
    "complainant_kind": "customer",
}


def _public_modules():
    modules = [co]
    for info in pkgutil.iter_modules(co.__path__):
        if info.name.startswith("_") or info.name == "testing":
            continue
        modules.append(importlib.import_module(f"complaint_office.{info.name}"))
    return modules


def _is_library_class(obj):
    return (
        inspect.isclass(obj)
        and obj.__module__.startswith("complaint_office")
        and not issubclass(obj, BaseException)
    )


def _has_constructor(cls):
    """Whether Python code can make one: the native classes made only by the library (a
    `Schedule`, a `Worklist`) have no signature and refuse with "No constructor defined"."""
    try:
        inspect.signature(cls)
    except (TypeError, ValueError):
        return False
    return True


def _callables():
    """(name, callable, receiver class or None) for the whole public API, each once."""
    found, seen = [], set()
    for module in _public_modules():
        for name in getattr(module, "__all__", [n for n in dir(module) if not n.startswith("_")]):
            obj = getattr(module, name)
            if id(obj) in seen:
                continue
            if _is_library_class(obj):
                seen.add(id(obj))
                if _has_constructor(obj):
                    found.append((f"{obj.__name__}()", obj, None))
                for attr, member in vars(obj).items():
                    if attr.startswith("_") or isinstance(member, property):
                        continue
                    if isinstance(member, (staticmethod, classmethod)) or inspect.isbuiltin(
                        getattr(obj, attr)
                    ) and getattr(getattr(obj, attr), "__self__", None) is obj:
                        found.append((f"{obj.__name__}.{attr}", getattr(obj, attr), None))
                    elif callable(member):
                        found.append((f"{obj.__name__}.{attr}", attr, obj))
            elif callable(obj) and not inspect.isclass(obj) and obj.__module__.startswith(
                "complaint_office"
            ):
                seen.add(id(obj))
                found.append((f"{module.__name__}.{name}", obj, None))
    return found


def _harvest():
    """One instance of every class the docstring examples make, and what their zero-argument
    methods and properties return (a case's schedule, a caseload's worklist, …)."""
    finder = doctest.DocTestFinder(exclude_empty=True)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS)
    pool = {}

    def keep(value, depth):
        if isinstance(value, (list, tuple)):
            for item in value[:3]:
                keep(item, depth)
            return
        if isinstance(value, dict):
            for item in list(value.values())[:3]:
                keep(item, depth)
            return
        cls = type(value)
        if not _is_library_class(cls) or cls in pool and depth > 0:
            return
        pool.setdefault(cls, value)
        if depth >= 2:
            return
        for attr in dir(cls):
            if attr.startswith("_"):
                continue
            try:
                member = getattr(value, attr)
                if callable(member):
                    params = inspect.signature(member).parameters.values()
                    if any(p.default is p.empty for p in params):
                        continue
                    member = member()
                keep(member, depth + 1)
            except Exception:  # noqa: BLE001 - harvesting only; the test proper comes later
                continue

    for module in [*_public_modules(), _native]:
        for obj in vars(module).values():
            for test in finder.find(obj, "x", module=False, globs={}) if callable(obj) else []:
                test.globs = {}
                runner.run(test, out=lambda _text: None, clear_globs=False)
                for value in list(test.globs.values()):
                    keep(value, 0)
    for value in _roots():
        keep(value, 0)
    return pool


def _roots():
    """What the docstring examples do not make: objects returned by methods with arguments."""
    policy = co.Policy()
    case = co.Case.replay(policy, [RECEIVED, REGISTERED])
    caseload = co.Caseload.from_cases([case])
    later = "2025-10-20T09:00:00+08:00"
    ledger = co.stats.Ledger.from_csv_text(co.stats.synthetic_csv(300))
    file = co.archive.ArchiveFile("25090001", "2025-10-01")
    store = co.store.Store.open(
        os.path.join(SCRATCH, "samples.db"), policy,
        reminders=lambda _case, _schedule: "2025-09-27T09:00:00+08:00",
    )
    registered = store.register(RECEIVED, "2025-09-26T11:00:00+08:00")
    classified = {"type": "classified", "at": "2025-09-26T12:00:00+08:00",
                  "category": "product_quality"}
    mail = (
        b"From: someone\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\n"
        b"Content-Type: text/html; charset=x-unknown\r\n\r\n<p>Hi</p>\r\n--b\r\n"
        b"Content-Type: application/pdf\r\nContent-Disposition: attachment; filename=a.pdf\r\n"
        b"\r\nPDF\r\n--b--\r\n"
    )
    bad_row = co.stats.synthetic_csv(3) + "not,a,row\n"
    return [
        co.intake.email(policy, mail),
        co.stats.Ledger.from_csv_text(bad_row, lenient=True).rejected,
        ledger.report().periods[1].change,
        case, case.schedule(later), case.compliance(later), case.view("department"),
        caseload, caseload.worklist(later, view="department"),
        caseload.reminders(AT, later), caseload.ledger(later).report(),
        ledger, ledger.report(), ledger.report().growth, co.stats.Period.parse("2025-09"),
        co.stats.TimeLimit(AT), co.PolicySet([policy]),
        co.triage.QueueKey(co.triage.assess(policy, "major", "normal", "simple"), AT),
        co.classify.suggest(policy, "the part broke, quality is poor"),
        file, co.archive.may_destroy(policy, file, "2040-01-01"),
        co.archive.sweep(policy, [file], "2040-01-01"),
        co.dataframe.dates(["2025-09-26"]),
        co.privacy.PersonalData(contact_phone=PHONE),
        store, registered, store.receive(RECEIVED),
        store.append(registered.case, registered.version, classified),
        store.due(None, "2030-01-01T00:00:00+08:00", 5),
        store.reminders(None, "2030-01-01T00:00:00+08:00", 5),
        store.load(registered.case),
    ]


SCRATCH = tempfile.mkdtemp(prefix="every-function-")
# The samples' store lives here for the whole session; the folder goes when the interpreter
# exits (no folder is left in the temporary directory).
atexit.register(shutil.rmtree, SCRATCH, ignore_errors=True)
CALLABLES = _callables()
POOL = _harvest()


def test_the_walk_finds_the_api():
    names = {name for name, _, _ in CALLABLES}
    assert len(CALLABLES) > 200
    for name in ["Case.apply", "Case.replay", "Policy.from_toml_str", "Caseload.push",
                 "complaint_office.privacy.mask", "PersonalData.set", "Calendar.add_working_days"]:
        assert name in names


def test_every_function_has_a_signature():
    # The calls below need each parameter's name and kind.
    unreadable = []
    for name, target, owner in CALLABLES:
        function = target if owner is None else getattr(owner, target)
        try:
            inspect.signature(function)
        except (TypeError, ValueError):
            unreadable.append(name)
    assert unreadable == []


def test_every_class_with_methods_has_a_sample():
    missing = sorted({cls.__name__ for _, _, cls in CALLABLES if cls is not None} -
                     {cls.__name__ for cls in POOL})
    assert missing == []


def _parameters(function):
    return list(inspect.signature(function).parameters.values())


def _calls(function):
    """(parameter, hostile name, args, kwargs): each parameter in turn takes each hostile
    value, the required others their ordinary value."""
    if inspect.isclass(function) and issubclass(function, enum.Enum):
        # A lookup by value; the other parameters are the standard library's functional API.
        for label, hostile in HOSTILE.items():
            yield "value", label, (hostile,), {}
        return
    params = [p for p in _parameters(function) if p.name not in ("self", "cls")]
    if not params:
        return
    for target in params:
        for label, hostile in HOSTILE.items():
            args, kwargs = [], {}
            for p in params:
                if p.kind is p.VAR_KEYWORD:
                    continue
                if p is target:
                    value = hostile
                elif p.default is not p.empty or p.kind is p.VAR_POSITIONAL:
                    continue
                else:
                    value = VALID.get(p.name, hostile)
                if p.kind in (p.POSITIONAL_ONLY, p.VAR_POSITIONAL):
                    args.append(value)
                else:
                    kwargs[p.name] = value
            yield target.name, label, tuple(args), kwargs


def _leaks(e):
    shown = str(e) + repr(e.args)
    return [v for v in PLANTED if v in shown]


@pytest.fixture(autouse=True)
def in_a_scratch_directory(tmp_path):
    # Store constructors take paths: a planted value used as one makes a file here.
    before = os.getcwd()
    os.chdir(tmp_path)
    yield
    os.chdir(before)


@pytest.mark.parametrize("name,target,owner", CALLABLES, ids=[c[0] for c in CALLABLES])
def test_hostile_arguments_raise_coded_errors_without_the_values(name, target, owner):
    if owner is not None:
        if owner not in POOL:
            pytest.fail(f"no sample {owner.__name__} to call {name} on")
        function = getattr(POOL[owner], target)
    else:
        function = target
    failures = []
    for param, label, args, kwargs in _calls(function):
        try:
            function(*args, **kwargs)
        except co.ComplaintOfficeError as e:
            if not (isinstance(e.code, str) and e.code):
                failures.append(f"{param}={label}: {type(e).__name__} without a code")
            if _leaks(e):
                failures.append(f"{param}={label}: {type(e).__name__} ({e.code}) holds the value")
        except Exception as e:  # noqa: BLE001 - any other kind is the failure under test
            kind = f"{type(e).__module__}.{type(e).__name__}"
            failures.append(f"{param}={label}: bare {kind}")
    assert failures == [], f"{name}: " + "; ".join(failures)
