"""Writes tests/vectors/pending/history.json: the hash-chain vectors, computed here in Python
(hashlib and json) independently of the Rust code, from the definition in
core/src/history/mod.rs:

    canonical = json.dumps(event, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    hash_i    = sha256(hash_(i-1) + canonical.encode("utf-8")), hash_(-1) = 32 zero bytes

Events are given in the form the library writes them (Event::to_json_value), except where a
case says it checks the normalisation.
"""
import copy
import hashlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from vecfmt import write  # noqa: E402

OUT = os.path.join(os.path.dirname(__file__), "..", "..", "tests", "vectors", "pending", "history.json")


def canonical(event):
    return json.dumps(event, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def chain(events):
    previous = bytes(32)
    links = []
    for event in events:
        digest = hashlib.sha256(previous + canonical(event).encode("utf-8")).digest()
        links.append({"canonical": canonical(event), "hash": digest.hex()})
        previous = digest
    return links


def stored(events):
    return [{"event": e, "hash": link["hash"]} for e, link in zip(events, chain(events))]


def head(events):
    return chain(events)[-1]["hash"] if events else "0" * 64


RECEIVED = {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
            "complainant_kind": "customer", "name": "張三", "contact": "13812345678",
            "content": "更換的零件又壞了。", "subject": None,
            "received_at": "2025-09-26T10:00:00+08:00"}
REGISTERED = {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001",
              "by": "clerk-07", "role": "complaint_office"}
CLASSIFIED = {"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "product_quality"}
ASSESSED = {"type": "assessed", "at": "2025-09-26T13:00:00+08:00", "severity": "serious",
            "urgency": "normal", "complexity": "complex"}
HISTORY = [RECEIVED, REGISTERED, CLASSIFIED, ASSESSED]

ESCAPES = dict(RECEIVED, name="李小龍", content="Line 1\nLine 2\t\"quoted\" back\\slash \u0001 bell\u0007 😀 中文 /")
UTC = {"type": "classified", "at": "2025-09-26T04:00:00+00:00", "category": "service_attitude",
       "department": "sales"}

link_cases = [
    {"name": "received and registered: canonical text and chained hashes",
     "input": {"events": [RECEIVED, REGISTERED]}, "expect": chain([RECEIVED, REGISTERED])},
    {"name": "a history of four events", "input": {"events": HISTORY}, "expect": chain(HISTORY)},
    {"name": "escapes: quote, backslash, newline, tab, control characters; non-ASCII as itself",
     "input": {"events": [ESCAPES]}, "expect": chain([ESCAPES])},
    {"name": "instants keep their own offset",
     "input": {"events": [RECEIVED, REGISTERED, UTC]}, "expect": chain([RECEIVED, REGISTERED, UTC])},
]
# The library normalises before hashing: `received_at` defaults to `at`, `subject` is written.
bare = {k: v for k, v in RECEIVED.items() if k not in ("received_at", "subject")}
link_cases.append({"name": "the normalised event is hashed (received_at and subject filled in)",
                   "input": {"events": [bare]}, "expect": chain([RECEIVED])})
link_cases.append({"name": "an unknown event type", "input": {"events": [dict(RECEIVED, type="complained")]},
                   "error": "case.unknown_event"})

good = stored(HISTORY)
verify_cases = [
    {"name": "intact, ending at its head", "input": {"history": good, "head": head(HISTORY)},
     "expect": {"valid": True, "head": head(HISTORY), "length": 4}},
    {"name": "intact, without a head to compare", "input": {"history": good},
     "expect": {"valid": True, "head": head(HISTORY), "length": 4}},
    {"name": "empty, at the genesis head", "input": {"history": [], "head": "0" * 64},
     "expect": {"valid": True, "head": "0" * 64, "length": 0}},
    {"name": "hashes in upper case read the same",
     "input": {"history": [dict(e, hash=e["hash"].upper()) for e in good], "head": head(HISTORY).upper()},
     "expect": {"valid": True, "head": head(HISTORY), "length": 4}},
]
reordered = copy.deepcopy(good)
reordered[1]["event"] = {"number": "25090001", "type": "registered", "role": "complaint_office",
                         "by": "clerk-07", "at": "2025-09-26T11:00:00+08:00"}
verify_cases.append({"name": "key order of a stored copy does not matter (jsonb)",
                     "input": {"history": reordered, "head": head(HISTORY)},
                     "expect": {"valid": True, "head": head(HISTORY), "length": 4}})
edited = copy.deepcopy(good)
edited[2]["event"]["category"] = "service_attitude"
verify_cases.append({"name": "an edited event breaks the chain at its index",
                     "input": {"history": edited, "head": head(HISTORY)},
                     "expect": {"valid": False, "code": "history.chain_broken", "index": 2}})
edited0 = copy.deepcopy(good)
edited0[0]["event"]["content"] = "更換的零件好了。"
verify_cases.append({"name": "an edited first event",
                     "input": {"history": edited0, "head": head(HISTORY)},
                     "expect": {"valid": False, "code": "history.chain_broken", "index": 0}})
rehashed = copy.deepcopy(edited)
rehashed[2]["hash"] = chain(HISTORY[:2] + [edited[2]["event"]])[2]["hash"]
verify_cases.append({"name": "an edited event with its own hash recomputed breaks the next link",
                     "input": {"history": rehashed, "head": head(HISTORY)},
                     "expect": {"valid": False, "code": "history.chain_broken", "index": 3}})
swapped = [good[0], good[1], good[3], good[2]]
verify_cases.append({"name": "two events swapped break it at the first of them",
                     "input": {"history": swapped, "head": head(HISTORY)},
                     "expect": {"valid": False, "code": "history.chain_broken", "index": 2}})
deleted = [good[0], good[2], good[3]]
verify_cases.append({"name": "a deleted event breaks it at its position",
                     "input": {"history": deleted, "head": head(HISTORY)},
                     "expect": {"valid": False, "code": "history.chain_broken", "index": 1}})
inserted = [good[0], good[1], good[3], good[2], good[3]]
verify_cases.append({"name": "an inserted copy of an event breaks it at its position",
                     "input": {"history": inserted, "head": head(HISTORY)},
                     "expect": {"valid": False, "code": "history.chain_broken", "index": 2}})
verify_cases.append({"name": "a cut tail misses the head: index is the length read",
                     "input": {"history": good[:3], "head": head(HISTORY)},
                     "expect": {"valid": False, "code": "history.head_mismatch", "index": 3}})
verify_cases.append({"name": "a hash that is not 64 hex digits",
                     "input": {"history": [dict(good[0], hash="abc")]},
                     "error": "history.invalid_hash"})
verify_cases.append({"name": "a head that is not 64 hex digits",
                     "input": {"history": good, "head": "z" * 64},
                     "error": "history.invalid_hash"})

refused = [RECEIVED, CLASSIFIED]
replay_cases = [
    {"name": "an intact history rebuilds its case", "input": {"history": good, "head": head(HISTORY)},
     "expect": {"status": "registered", "number": "25090001", "version": 4}},
    {"name": "tampered: the chain, not the case, is reported",
     "input": {"history": edited, "head": head(HISTORY)}, "error": "history.chain_broken"},
    {"name": "truncated", "input": {"history": good[:2], "head": head(HISTORY)},
     "error": "history.head_mismatch"},
    {"name": "intact but refused: the case's own code",
     "input": {"history": stored(refused), "head": head(refused)}, "error": "case.transition_not_allowed"},
    {"name": "an intact chain over something that is not an event",
     "input": {"history": stored([{"type": "received", "at": "yesterday"}])}, "error": "case.invalid_event"},
]

write(OUT, [{"op": "history.link", "cases": link_cases},
            {"op": "history.verify", "cases": verify_cases},
            {"op": "history.replay", "cases": replay_cases}])
