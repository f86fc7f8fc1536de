"""Conversions of the library's Arrow tables into the dataframe libraries, each imported only
when asked for (none of them is a dependency of complaint-office)."""

from typing import Any


def _to_polars(table: Any) -> Any:
    import polars as pl

    return pl.DataFrame(table)


def _to_pyarrow(table: Any) -> Any:
    import pyarrow as pa

    return pa.table(table)


def _to_pandas(table: Any) -> Any:
    import pandas as pd

    try:
        import pyarrow as pa
    except ImportError:
        return pd.DataFrame(table.to_pydict())
    return pa.table(table).to_pandas()
