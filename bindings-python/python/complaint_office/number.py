"""Complaint numbers (§2.2.3): ``YYMMNNNN``, per-month sequences, a thread-safe allocator.

The month a complaint belongs to is decided in office time: 17:30 UTC on 31 May is 01:30 on
1 June in Beijing.

>>> from complaint_office import next_number_at
>>> str(next_number_at(["23050001", "23050002"], "2023-05-31T23:00:00+08:00", "+08:00"))
'23050003'
"""

from ._native import (
    ComplaintNumber,
    NumberAllocator,
    NumberSequences,
    next_number,
    next_number_at,
)

__all__ = [
    "ComplaintNumber",
    "NumberAllocator",
    "NumberSequences",
    "next_number",
    "next_number_at",
]
