"""Tamper-evident histories from Python (issue 20 item 1): chain, verify, replay; the chain is
the documented one (Python's hashlib and json agree with it)."""

import hashlib
import json
import pickle

import pytest
from hypothesis import given, settings

import complaint_office as co
from complaint_office import history
from complaint_office import testing as cot

EVENTS = [
    {"type": "received", "at": "2025-09-26T10:00:00+08:00", "channel": "hotline",
     "complainant_kind": "customer", "name": "張三", "contact": "13812345678", "content": "壞了"},
    {"type": "registered", "at": "2025-09-26T11:00:00+08:00", "number": "25090001"},
    {"type": "classified", "at": "2025-09-26T12:00:00+08:00", "category": "product_quality"},
]


def canonical(value):
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)


def python_chain(events):
    previous, out = bytes(32), []
    for e in events:
        digest = hashlib.sha256(previous + canonical(e).encode()).digest()
        out.append(digest.hex())
        previous = digest
    return out


@settings(max_examples=40, deadline=None)
@given(cot.case_histories(max_events=10))
def test_the_chain_is_sha256_over_the_canonical_json(events):
    written = [co.Event.from_json_value(e).to_json_value() for e in events]
    linked = history.chain(events)
    assert [e.canonical for e in linked] == [canonical(e) for e in written]
    assert [e.hash for e in linked] == python_chain(written)
    assert history.verify(linked) == history.head(linked) == linked[-1].hash
    assert history.replay(co.Policy(), [e.to_dict() for e in linked]).event_count == len(events)


def test_link_appends_and_an_empty_history_is_at_genesis():
    first = history.link(history.GENESIS, EVENTS[0])
    second = history.link(first.hash, co.Event.from_json_value(EVENTS[1]))
    assert [first, second] == history.chain(EVENTS[:2])
    assert history.head([]) == history.GENESIS == "0" * 64
    assert history.verify([], history.GENESIS) == history.GENESIS


def test_stored_copies_read_back_in_any_key_order_and_case():
    stored = [e.to_dict() for e in history.chain(EVENTS)]
    head = history.head(stored)
    reordered = [{"hash": s["hash"].upper(), "event": dict(reversed(list(s["event"].items())))} for s in stored]
    assert history.verify(reordered, head.upper()) == head
    rows = json.loads(json.dumps(stored))
    assert [e.kind for e in history.verified_events(rows, head)] == [co.EventKind.RECEIVED, co.EventKind.REGISTERED, co.EventKind.CLASSIFIED]
    assert history.replay_in(co.PolicySet([co.Policy()]), rows, head).status is co.Status.REGISTERED


@pytest.mark.parametrize("tamper, code, index", [
    (lambda s: s[1]["event"].update(number="25090002"), "history.chain_broken", 1),
    (lambda s: s.reverse(), "history.chain_broken", 0),
    (lambda s: s.pop(1), "history.chain_broken", 1),
    (lambda s: s.pop(), "history.head_mismatch", 2),
])
def test_tampering_is_found_where_it_happened(tamper, code, index):
    stored = [e.to_dict() for e in history.chain(EVENTS)]
    head = history.head(stored)
    tamper(stored)
    with pytest.raises(co.HistoryError) as e:
        history.verify(stored, head)
    assert (e.value.code, e.value.index, e.value.clause) == (code, index, "§6.1.2")
    with pytest.raises(co.HistoryError) as e:
        history.replay(co.Policy(), stored, head)
    assert e.value.code == code


def test_an_intact_history_the_case_refuses_raises_the_cases_error():
    stored = history.chain([EVENTS[0], EVENTS[2]])
    with pytest.raises(co.TransitionError) as e:
        history.replay(co.Policy(), stored)
    assert (e.value.code, e.value.index) == ("case.transition_not_allowed", 1)


def test_bad_hashes_and_shapes():
    for bad in ("abc", "g" * 64, "0" * 63):
        with pytest.raises(co.HistoryError) as e:
            history.ChainedEvent(EVENTS[1], bad)
        assert e.value.code == "history.invalid_hash" and e.value.index is None
        with pytest.raises(co.HistoryError):
            history.verify([], bad)
    for shape in ({"event": EVENTS[1]}, {"event": EVENTS[1], "hash": "0" * 64, "seq": 1}, [EVENTS[1]], EVENTS[1]):
        with pytest.raises(TypeError):
            history.verify([shape])
    with pytest.raises(TypeError):
        history.verify({"event": EVENTS[1], "hash": "0" * 64})
    with pytest.raises(co.EventError) as e:
        history.chain([EVENTS[0], {"type": "nonsense", "at": "2025-09-26T10:00:00+08:00"}])
    assert (e.value.code, e.value.index) == ("case.unknown_event", 1)


def test_chained_events_print_no_content_and_pickle():
    linked = history.chain(EVENTS)[0]
    assert "張三" not in repr(linked) and "13812345678" not in repr(linked)
    assert repr(linked).startswith("ChainedEvent(type='received', at='2025-09-26T10:00:00+08:00', hash='")
    assert pickle.loads(pickle.dumps(linked)) == linked
    assert history.canonical_json(EVENTS[1]) == canonical(EVENTS[1])
