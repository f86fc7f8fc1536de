from complaint_office import triage

from .common import policy_of


def _assess(policy, value):
    return triage.assess(policy, value["severity"], value["urgency"], value["complexity"])


def assess(input):
    return _assess(policy_of(input), input).to_dict()


def order(input):
    policy = policy_of(input)
    ids, keys = [], []
    for case in input["cases"]:
        ids.append(case["id"])
        keys.append(triage.QueueKey(_assess(policy, case), case["received_at"]))
    return [{"id": ids[i], "sort_key": keys[i].sort_key()} for i in triage.queue_order(keys)]


OPS = {"triage.assess": assess, "triage.order": order}
