from complaint_office import accountability as acc

from .common import policy_of


def decide(input):
    table = policy_of(input).discipline
    assessment = acc.Assessment(input["responsibility"], input["fault"], input["consequence"])
    return table.decide(assessment).to_dict()


def table(input):
    return [
        {
            "responsibility": a.responsibility,
            "fault": a.fault,
            "consequence": a.consequence,
            "level": level,
        }
        for a, level in policy_of(input).discipline.entries()
    ]


OPS = {"accountability.decide": decide, "accountability.table": table}
