import datetime
from typing import Any, Dict, List, Optional

from hypothesis import strategies as st

from .calendar import Calendar
from .duration import Duration, Unit
from .intake import Complaint
from .number import ComplaintNumber
from .policy import Policy

__all__ = [
    "case_histories",
    "complaints",
    "complaint_numbers",
    "dates",
    "durations",
    "instants",
    "offsets",
    "received_events",
    "working_days",
]

def dates(min_value: datetime.date = ..., max_value: datetime.date = ...) -> st.SearchStrategy[datetime.date]: ...
def offsets() -> st.SearchStrategy[datetime.timezone]: ...
def instants(
    min_value: datetime.date = ...,
    max_value: datetime.date = ...,
    tz: Optional[st.SearchStrategy[datetime.timezone]] = None,
) -> st.SearchStrategy[datetime.datetime]: ...
def complaint_numbers(min_year: int = 2000, max_year: int = 2099) -> st.SearchStrategy[ComplaintNumber]: ...
def durations(units: Optional[List[Unit]] = None, max_amount: int = 400) -> st.SearchStrategy[Duration]: ...
def working_days(
    calendar: Optional[Calendar] = None,
    min_value: datetime.date = ...,
    max_value: datetime.date = ...,
) -> st.SearchStrategy[datetime.date]: ...
def received_events(
    at: Optional[st.SearchStrategy[datetime.datetime]] = None,
    policy: Optional[Policy] = None,
) -> st.SearchStrategy[Dict[str, Any]]: ...
def case_histories(
    policy: Optional[Policy] = None, max_events: int = 20
) -> st.SearchStrategy[List[Dict[str, Any]]]: ...
def complaints(complete: Optional[bool] = None) -> st.SearchStrategy[Complaint]: ...
