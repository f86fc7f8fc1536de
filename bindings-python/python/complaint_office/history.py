"""Tamper-evident histories (§6.1.2): each stored event carries a SHA-256 hash chained over
the one before it, so an event edited, reordered, inserted or deleted after the fact is found
when the history is read back.

A store writes :func:`chain` (or :func:`link` for each event it appends) and keeps the
:func:`head` with the case; :func:`verify` recomputes the chain and :func:`replay` verifies
before it rebuilds the case. Hashes are 64 hexadecimal digits (``str``): written in lowercase,
read in either case.

The chain, for a host in any language: ``hash_0 = SHA-256(32 zero bytes || canonical_0)``,
``hash_i = SHA-256(hash_(i-1) || canonical_i)``, where ``canonical_i`` is the event's JSON form
with sorted keys and no white space (:func:`canonical_json`).

>>> import hashlib, json
>>> from complaint_office import Policy, history
>>> events = [
...     {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
...      "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
...      "content": "The part broke."},
...     {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
... ]
>>> stored = [linked.to_dict() for linked in history.chain(events)]
>>> head = history.head(stored)
>>> history.replay(Policy(), stored, head).status
<Status.REGISTERED: 'registered'>
>>> text = json.dumps(stored[0]["event"], ensure_ascii=False, separators=(",", ":"), sort_keys=True)
>>> hashlib.sha256(bytes(32) + text.encode()).hexdigest() == stored[0]["hash"]
True
>>> history.replay(Policy(), stored[:1], head)
Traceback (most recent call last):
    ...
complaint_office.errors.HistoryError: the history does not end at the head kept for it (chain of 1 events)
"""

from ._native import (
    GENESIS,
    ChainedEvent,
    canonical_json,
    chain,
    head,
    link,
    replay,
    replay_in,
    verified_events,
    verify,
)

__all__ = [
    "GENESIS",
    "ChainedEvent",
    "canonical_json",
    "chain",
    "head",
    "link",
    "replay",
    "replay_in",
    "verified_events",
    "verify",
]
