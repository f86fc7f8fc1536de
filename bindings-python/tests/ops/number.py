import complaint_office as co

from .common import policy_of


def parse(input):
    n = co.ComplaintNumber.parse(input["text"])
    return {"year": n.year, "month": n.month, "serial": n.serial}


def format(input):
    return str(co.ComplaintNumber(input["year"], input["month"], input["serial"]))


def next(input):
    policy = policy_of(input)
    issued = [co.ComplaintNumber.parse(text) for text in input["issued"]]
    return str(co.next_number_at(issued, input["at"], policy.office_offset))


OPS = {"number.parse": parse, "number.format": format, "number.next": next}
