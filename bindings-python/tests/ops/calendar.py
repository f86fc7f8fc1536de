from .common import calendar_of


def is_working_day(input):
    return calendar_of(input).is_working_day(input["date"])


def add_working_days(input):
    return calendar_of(input).add_working_days(input["date"], input["days"]).isoformat()


def working_days_between(input):
    return calendar_of(input).working_days_between(input["from"], input["to"])


def _notice(notice):
    if notice is None:
        return None
    return {
        "title": notice.title,
        "number": notice.number,
        "date": None if notice.date is None else notice.date.isoformat(),
        "kind": notice.kind,
    }


def day(input):
    info = calendar_of(input).day(input["date"])
    return {
        "date": info.date.isoformat(),
        "working": info.working,
        "kind": info.kind,
        "reason": info.reason,
        "festival": info.festival,
        "labels": info.labels,
        "in_lieu_of": None if info.in_lieu_of is None else info.in_lieu_of.isoformat(),
        "decided_by": info.decided_by,
        "regulation": info.regulation,
        "source": _notice(info.source),
        "covered": info.covered,
        "provisional": info.provisional,
    }


def covered_range(input):
    span = calendar_of(input).covered_range()
    return None if span is None else {"first": span[0].isoformat(), "last": span[1].isoformat()}


def is_working_epoch_day(input):
    return calendar_of(input).is_working_epoch_day(input["day"])


def add_working_days_to_epoch_day(input):
    return calendar_of(input).add_working_days_to_epoch_day(input["day"], input["days"])


def is_working_day_epoch(input):
    return calendar_of(input).is_working_day_epoch(input["epoch_days"])


def add_working_days_epoch(input):
    return calendar_of(input).add_working_days_epoch(input["epoch_days"], input["days"])


def working_days_between_epoch(input):
    return calendar_of(input).working_days_between_epoch(input["from"], input["to"])


OPS = {
    "calendar.is_working_day": is_working_day,
    "calendar.add_working_days": add_working_days,
    "calendar.working_days_between": working_days_between,
    "calendar.day": day,
    "calendar.covered_range": covered_range,
    "calendar.is_working_epoch_day": is_working_epoch_day,
    "calendar.add_working_days_to_epoch_day": add_working_days_to_epoch_day,
    "calendar.is_working_day_epoch": is_working_day_epoch,
    "calendar.add_working_days_epoch": add_working_days_epoch,
    "calendar.working_days_between_epoch": working_days_between_epoch,
}
