"""Cases kept safely in a database (issue 20): SQLite (a file path, the embedded default) or
PostgreSQL (a ``postgresql://`` URL, when several app servers share the cases), with one
schema. The Rust crate ``complaint-office-store`` does the work; this module is its Python
face, with the same operations and error codes.

- **Numbers** (§2.2.3) are allocated in the transaction that writes the case: unique and
  gap-free per office month, whatever the number of writers or app servers.
- **Appends** name the version the writer last saw; the library's ``apply`` decides; a stale
  version is :class:`StoreError` ``store.conflict``, never a second application.
- **Histories** are hash-chained (:mod:`complaint_office.history`): every load verifies the
  chain, so a row edited in the database raises ``history.chain_broken`` with its ``index``.
- **The index** beside each case (next due instant, next reminder, retention, ledger columns)
  is rewritten with every event: :meth:`Store.due`, :meth:`Store.reminders`,
  :meth:`Store.retention_sweep` and :meth:`Store.ledger` read it without replaying cases.

Every call releases the GIL while it waits for the database, so a store is shared by the
threads of an app server. Instants are aware ``datetime`` values (or RFC 3339 text), days
``datetime.date``; results carry the package's own types (:class:`~complaint_office.Case`,
:class:`~complaint_office.Event`, :class:`~complaint_office.ComplaintNumber`,
:class:`~complaint_office.stats.Ledger`) and enums.

SQLite in three lines, PostgreSQL by changing the target:

>>> import os, tempfile
>>> from complaint_office import Policy
>>> from complaint_office.store import Store
>>> tmp = tempfile.TemporaryDirectory()
>>> store = Store.open(os.path.join(tmp.name, "complaints.db"), Policy())
>>> # store = Store.open("postgresql://office@db.internal/complaints", Policy())
>>> received = {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "email",
...             "complainant_kind": "customer", "name": "張三", "contact": "zhang@example.com",
...             "subject": "投訴：零件又壞了", "content": "The replacement part broke again."}
>>> store.register(received, "2025-09-26T11:00:00+08:00", by="clerk-07", request_key="mail-4711")
Registered(case=1, number='25090001', version=2, replayed=False)
>>> store.register(received, "2025-09-26T11:00:00+08:00", by="clerk-07", request_key="mail-4711")
Registered(case=1, number='25090001', version=2, replayed=True)
>>> for due in store.due(None, "2025-10-31T00:00:00+08:00", 100):
...     print(due.number, due.stage.value, due.due.isoformat())
25090001 plan 2025-10-12T00:00:00+08:00
>>> store.close(); tmp.cleanup()

Errors: the store's own codes (``store.conflict``, ``store.not_found``, ``store.busy``, …)
raise :class:`StoreError`; the library's codes it passes on (a refused event, a tampered
history) raise an error that is both a :class:`StoreError` and the library's class
(:class:`~complaint_office.TransitionError` with its ``clause``,
:class:`~complaint_office.HistoryError` with its ``index``).
"""

from typing import Type

from ._native import (
    SCHEMA_VERSION,
    Appended,
    DueCase,
    Received,
    Registered,
    ReminderCase,
    Store,
    StoredCase,
    SweptCase,
    _DURABILITIES,
)
from ._vocabulary import VocabularyEnum, _member_name
from .errors import StoreError

__all__ = [
    "SCHEMA_VERSION",
    "Appended",
    "DueCase",
    "Durability",
    "Received",
    "Registered",
    "ReminderCase",
    "Store",
    "StoreError",
    "StoredCase",
    "SweptCase",
]

Durability: Type[VocabularyEnum] = VocabularyEnum(  # type: ignore[call-overload]
    "Durability",
    [(_member_name(name), name) for name in _DURABILITIES],
    module=__name__,
    qualname="Durability",
)
Durability.__doc__ = """When a PostgreSQL write counts as done (SQLite syncs every commit).

``IMMEDIATE`` (the default): every commit is on disk before it returns and before other
sessions see it. ``GROUPED``: a write commits without waiting for the disk, which frees the
month's number counter at once, and the call returns only after a small synchronous commit
that flushes the log past it, shared with other sessions' flushes: still on disk when the call
returns, several times the registrations per second on a disk with slow flushes; other
sessions may see a registration a few milliseconds before it is on disk."""
