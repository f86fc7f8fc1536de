from complaint_office import classify

from .common import policy_of


def suggest(input):
    policy = policy_of(input)
    return [s.to_dict() for s in classify.suggest(policy, input["text"])]


def category(input):
    policy = policy_of(input)
    code = input["code"]
    c = classify.category(policy, code)
    d = classify.department_of(policy, code)
    return {"code": c.code, "labels": c.labels, "department": {"code": d.code, "labels": d.labels}}


OPS = {"classify.suggest": suggest, "classify.category": category}
