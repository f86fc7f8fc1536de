"""Helpers shared by the ops: the case's policy and calendar."""

from typing import Any

import complaint_office as co


def policy_of(input: Any) -> co.Policy:
    """`input.policy` as a policy file in JSON form, or the default policy."""
    if "policy" in input:
        return co.Policy.from_json_value(input["policy"])
    return co.Policy()


def calendar_of(input: Any) -> co.Calendar:
    """The policy's calendar, with `holiday_cn` data loaded when given."""
    calendar = policy_of(input).calendar
    if "holiday_cn" in input:
        calendar = calendar.with_holiday_cn(input["holiday_cn"])
    return calendar
