"""Tamper-evident histories, mirroring tests/conformance/src/ops/history.rs."""

from complaint_office import HistoryError, history

from .common import policy_of

BROKEN = {"history.chain_broken", "history.head_mismatch"}


def link(input):
    return [{"canonical": e.canonical, "hash": e.hash} for e in history.chain(input["events"])]


def _stored(input):
    """The stored history as ChainedEvent objects, the way a host reads its rows back."""
    return [history.ChainedEvent(entry["event"], entry["hash"]) for entry in input["history"]]


def verify(input):
    stored = _stored(input)
    try:
        head = history.verify(stored, input.get("head"))
    except HistoryError as e:
        if e.code in BROKEN:
            return {"valid": False, "code": e.code, "index": e.index}
        raise
    return {"valid": True, "head": head, "length": len(stored)}


def replay(input):
    # Plain dicts this time: what a database row gives.
    case = history.replay(policy_of(input), input["history"], input.get("head"))
    return {
        "status": case.status,
        "number": None if case.number is None else str(case.number),
        "version": case.event_count,
    }


OPS = {"history.link": link, "history.verify": verify, "history.replay": replay}
