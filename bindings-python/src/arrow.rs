//! Arrow in and out through the Arrow PyCapsule interface (`__arrow_c_stream__`,
//! `__arrow_c_array__`): ledgers from pyarrow tables, polars and pandas data frames and DuckDB
//! results; reports (and any other table of the library) that those libraries read back; the
//! working-day functions over their date and timestamp columns.
//!
//! No Python library is imported here: the capsules are read and made with arrow-rs's C data
//! interface, so a wheel with none of pyarrow, polars, pandas or DuckDB installed works, and
//! each of them reads what this module makes. Buffers are shared, not copied, where the
//! column types allow (the ledger keeps its own compact columns; reading them is one pass).
//!
//! The generic piece is [`PyTable`] (`complaint_office.dataframe.ArrowTable`): any record
//! batches of the core become one, with `__arrow_c_stream__`, `to_polars()`, `to_pandas()`,
//! `to_pyarrow()` and `to_pydict()`. A new tabular result (a worklist) plugs in with
//! `PyTable::new(vec![batch])`.

use std::sync::Arc;

use arrow_array::cast::AsArray;
use arrow_array::ffi_stream::{ArrayStreamReader, FFI_ArrowArrayStream, RecordBatchStreamReader};
use arrow_array::{
    Array, ArrayRef, RecordBatch, RecordBatchIterator, RecordBatchReader, StructArray, make_array,
};
use arrow_data::ArrayData;
use arrow_data::ffi::FFI_ArrowArray;
use arrow_data::transform::MutableArrayData;
use arrow_schema::ffi::FFI_ArrowSchema;
use arrow_schema::{ArrowError, DataType, Field, SchemaRef, TimeUnit};
use complaint_office::stats::arrow::ArrowOptions;
use complaint_office::stats::arrow::days::{self, ColumnError, Count};
use complaint_office::stats::{Ledger, Report, ReportOptions};
use pyo3::intern;
use pyo3::prelude::*;
use pyo3::types::{PyCapsule, PyDict, PyInt, PyList, PyTuple};

use crate::calendar::PyCalendar;
use crate::convert::{Arg, Ref, Text};
use crate::duration::DurationArg;
use crate::errors::{err, invalid_argument, raise};
use crate::guard;
use crate::policy::PyPolicy;
use crate::stats::{PyLedger, PyPeriod, PyReport, csv_options, granularity, policy_or_default};

/// The C data interface: the only unsafe code of this module, in three functions.
///
/// The PyCapsule interface hands over C structs (`ArrowArrayStream`, `ArrowSchema`,
/// `ArrowArray`) by pointer inside capsules with fixed names. Reading them means trusting
/// that pointer, which no safe API can do; making them needs no unsafe code (arrow-rs builds
/// the structs and pyo3 boxes them into capsules).
#[allow(unsafe_code)]
mod ffi {
    use crate::errors::invalid_argument;
    use arrow_array::ffi::from_ffi;
    use arrow_array::ffi_stream::FFI_ArrowArrayStream;
    use arrow_data::ArrayData;
    use arrow_data::ffi::FFI_ArrowArray;
    use arrow_schema::ffi::FFI_ArrowSchema;
    use pyo3::prelude::*;
    use pyo3::types::PyCapsule;

    /// Moves the stream out of an `arrow_array_stream` capsule, leaving a released one in it.
    pub fn take_stream(capsule: &Bound<'_, PyCapsule>) -> PyResult<FFI_ArrowArrayStream> {
        let pointer = capsule.pointer_checked(Some(c"arrow_array_stream"))?;
        // SAFETY: the PyCapsule interface specifies that a capsule named `arrow_array_stream`
        // holds a valid `struct ArrowArrayStream *` (checked non-null above) whose consumer
        // may move it out and mark the original released. `from_raw` does exactly that
        // (it swaps in an empty, released stream). The capsule is held by the caller for the
        // duration of the call, so the pointer is live.
        Ok(unsafe { FFI_ArrowArrayStream::from_raw(pointer.as_ptr().cast()) })
    }

    /// Moves the array out of an `arrow_array` capsule and reads it with the schema of an
    /// `arrow_schema` capsule (which stays with its capsule).
    pub fn take_array(
        schema: &Bound<'_, PyCapsule>,
        array: &Bound<'_, PyCapsule>,
    ) -> PyResult<ArrayData> {
        let schema = schema.pointer_checked(Some(c"arrow_schema"))?;
        let array = array.pointer_checked(Some(c"arrow_array"))?;
        // SAFETY: as above for the capsules named `arrow_schema` and `arrow_array` (both
        // non-null, both held by the caller): the array is moved out (leaving a released
        // one, as the interface asks of consumers); the schema is only borrowed for the
        // import, which copies what it needs. `from_ffi` checks the array against the schema
        // (buffer count and types) as arrow-rs's documented import path.
        unsafe {
            let array = FFI_ArrowArray::from_raw(array.as_ptr().cast());
            let schema = &*schema.as_ptr().cast::<FFI_ArrowSchema>();
            from_ffi(array, schema).map_err(|e| invalid_argument(&e.to_string()))
        }
    }
}

fn arrow_err(e: ArrowError) -> PyErr {
    invalid_argument(&format!("Arrow data that cannot be used: {e}"))
}

fn column_err(e: ColumnError) -> PyErr {
    use complaint_office::ErrorCode;
    raise(e.code(), e.clause(), &e.to_string(), e.index(), None)
}

const NOT_ARROW: &str = "an Arrow table or column: an object with __arrow_c_stream__ or \
    __arrow_c_array__ (pyarrow, polars, pandas with pyarrow, DuckDB)";

/// Calls `ob.__arrow_c_stream__()` / `ob.__arrow_c_array__()`, whichever it has.
enum Capsules<'py> {
    Stream(Bound<'py, PyCapsule>),
    Array(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>),
}

/// `column`: a column-like object, whose one array (`__arrow_c_array__`) is preferred to a
/// stream of chunks.
fn capsules<'py>(ob: &Bound<'py, PyAny>, column: bool) -> PyResult<Capsules<'py>> {
    let py = ob.py();
    let array = ob.hasattr(intern!(py, "__arrow_c_array__"))?;
    if ob.hasattr(intern!(py, "__arrow_c_stream__"))? && !(column && array) {
        let capsule = ob.call_method0(intern!(py, "__arrow_c_stream__"))?;
        return Ok(Capsules::Stream(capsule.cast_into()?));
    }
    if array {
        let pair = ob.call_method0(intern!(py, "__arrow_c_array__"))?;
        let pair = pair.cast_into::<PyTuple>()?;
        return Ok(Capsules::Array(
            pair.get_item(0)?.cast_into()?,
            pair.get_item(1)?.cast_into()?,
        ));
    }
    Err(invalid_argument(&format!(
        "expected {NOT_ARROW}, got {}",
        ob.get_type().name()?
    )))
}

/// The record batches of a table-like object (its buffers shared, not copied).
pub fn read_table(ob: &Bound<'_, PyAny>) -> PyResult<Vec<RecordBatch>> {
    match capsules(ob, false)? {
        Capsules::Stream(capsule) => {
            let reader =
                RecordBatchStreamReader::try_new(ffi::take_stream(&capsule)?).map_err(arrow_err)?;
            let schema = reader.schema();
            let batches = reader.collect::<Result<Vec<_>, _>>().map_err(arrow_err)?;
            // A table of no rows may come as a stream of no batches (DuckDB, pyarrow): it still
            // has its columns.
            if batches.is_empty() {
                return Ok(vec![RecordBatch::new_empty(schema)]);
            }
            Ok(batches)
        }
        Capsules::Array(schema, array) => {
            let data = ffi::take_array(&schema, &array)?;
            if !matches!(data.data_type(), DataType::Struct(_)) {
                return Err(invalid_argument(&format!(
                    "expected a table (a struct array), got an array of {}",
                    data.data_type()
                )));
            }
            Ok(vec![RecordBatch::from(StructArray::from(data))])
        }
    }
}

/// One column (chunks joined) of a column-like object: a polars or pandas Series, a pyarrow
/// Array or ChunkedArray, or an ArrowColumn of this library.
pub fn read_column(ob: &Bound<'_, PyAny>) -> PyResult<ArrayRef> {
    let chunks: Vec<ArrayRef> = match capsules(ob, true)? {
        Capsules::Stream(capsule) => {
            let reader =
                ArrayStreamReader::try_new(ffi::take_stream(&capsule)?).map_err(arrow_err)?;
            reader.collect::<Result<Vec<_>, _>>().map_err(arrow_err)?
        }
        Capsules::Array(schema, array) => vec![make_array(ffi::take_array(&schema, &array)?)],
    };
    Ok(match chunks.as_slice() {
        [one] => one.clone(),
        _ => concat(&chunks)?,
    })
}

/// Chunks of one type joined into one array.
fn concat(chunks: &[ArrayRef]) -> PyResult<ArrayRef> {
    let data: Vec<ArrayData> = chunks.iter().map(|c| c.to_data()).collect();
    let total = data.iter().map(ArrayData::len).sum();
    let mut joined = MutableArrayData::new(data.iter().collect(), false, total);
    for (i, chunk) in data.iter().enumerate() {
        joined.try_extend(i, 0, chunk.len()).map_err(arrow_err)?;
    }
    Ok(make_array(joined.freeze()))
}

/// An `arrow_array_stream` capsule of record batches.
fn stream_capsule<'py>(
    py: Python<'py>,
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
) -> PyResult<Bound<'py, PyCapsule>> {
    let reader = RecordBatchIterator::new(batches.into_iter().map(Ok), schema);
    let stream = FFI_ArrowArrayStream::new(Box::new(reader));
    PyCapsule::new_with_value(py, stream, c"arrow_array_stream")
}

/// A table of the library, readable by every Arrow library: `pyarrow.table(t)`,
/// `polars.DataFrame(t)`, `duckdb.sql("from t")`; `to_polars()`, `to_pandas()`,
/// `to_pyarrow()` when those are installed, `to_pydict()` always.
#[pyclass(name = "ArrowTable", module = "complaint_office.dataframe", frozen)]
#[derive(Debug, Clone)]
pub struct PyTable {
    schema: SchemaRef,
    batches: Vec<RecordBatch>,
}

impl PyTable {
    /// A table of one schema; `batches` may be empty.
    pub fn new(schema: SchemaRef, batches: Vec<RecordBatch>) -> Self {
        PyTable { schema, batches }
    }

    fn of(batch: Result<RecordBatch, ArrowError>) -> PyResult<Self> {
        let batch = batch.map_err(arrow_err)?;
        Ok(PyTable::new(batch.schema(), vec![batch]))
    }
}

/// Calls `complaint_office.dataframe.<helper>(obj, *args)`.
fn helper<'py>(
    py: Python<'py>,
    name: &str,
    args: impl pyo3::call::PyCallArgs<'py>,
) -> PyResult<Bound<'py, PyAny>> {
    py.import("complaint_office.dataframe")?
        .getattr(name)?
        .call1(args)
}

#[pymethods]
impl PyTable {
    /// The Arrow PyCapsule stream interface: the table's batches, shared, not copied.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        // A requested schema is a hint a producer may ignore; the types here are plain ones
        // every consumer reads.
        let _ = requested_schema;
        guard(|| stream_capsule(py, self.schema.clone(), self.batches.clone()))
    }

    /// The Arrow PyCapsule schema interface.
    fn __arrow_c_schema__<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyCapsule>> {
        guard(|| {
            let schema = FFI_ArrowSchema::try_from(self.schema.as_ref()).map_err(arrow_err)?;
            PyCapsule::new_with_value(py, schema, c"arrow_schema")
        })
    }

    /// The number of rows.
    #[getter]
    fn num_rows(&self) -> usize {
        self.batches.iter().map(RecordBatch::num_rows).sum()
    }

    /// The column names, in order.
    #[getter]
    fn column_names(&self) -> Vec<String> {
        self.schema
            .fields()
            .iter()
            .map(|f| f.name().clone())
            .collect()
    }

    /// `{column: [values]}` with Python values (str, int, float, bool, date, aware datetime,
    /// None): no library needed.
    fn to_pydict<'py>(&self, py: Python<'py>) -> PyResult<Bound<'py, PyDict>> {
        guard(|| {
            let dict = PyDict::new(py);
            for (i, field) in self.schema.fields().iter().enumerate() {
                let list = PyList::empty(py);
                for batch in &self.batches {
                    for v in values(py, batch.column(i).as_ref())? {
                        list.append(v)?;
                    }
                }
                dict.set_item(field.name(), list)?;
            }
            Ok(dict)
        })
    }

    /// A `polars.DataFrame` (polars reads the stream itself).
    fn to_polars<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        helper(slf.py(), "_to_polars", (slf,))
    }

    /// A `pandas.DataFrame` (through pyarrow when installed, else from `to_pydict()`).
    fn to_pandas<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        helper(slf.py(), "_to_pandas", (slf,))
    }

    /// A `pyarrow.Table`.
    fn to_pyarrow<'py>(slf: &Bound<'py, Self>) -> PyResult<Bound<'py, PyAny>> {
        helper(slf.py(), "_to_pyarrow", (slf,))
    }

    fn __len__(&self) -> usize {
        self.num_rows()
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowTable({} rows: {})",
            self.num_rows(),
            self.column_names().join(", ")
        )
    }
}

/// One column of the library (a result of the working-day functions), readable by every
/// Arrow library through `__arrow_c_array__`: `pyarrow.array(c)`, `polars.Series(c)`;
/// `to_pylist()` always.
#[pyclass(name = "ArrowColumn", module = "complaint_office.dataframe", frozen)]
#[derive(Debug, Clone)]
pub struct PyColumn(ArrayRef);

#[pymethods]
impl PyColumn {
    /// The Arrow PyCapsule array interface: the schema and the array, shared, not copied.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_array__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<(Bound<'py, PyCapsule>, Bound<'py, PyCapsule>)> {
        let _ = requested_schema;
        guard(|| {
            let field = Field::new("", self.0.data_type().clone(), true);
            let schema = FFI_ArrowSchema::try_from(&field).map_err(arrow_err)?;
            let array = FFI_ArrowArray::new(&self.0.to_data());
            Ok((
                PyCapsule::new_with_value(py, schema, c"arrow_schema")?,
                PyCapsule::new_with_value(py, array, c"arrow_array")?,
            ))
        })
    }

    /// The Arrow type (`Date32`, `Int64`, `Boolean`, `Timestamp(s, "+08:00")`).
    #[getter]
    fn r#type(&self) -> String {
        self.0.data_type().to_string()
    }

    /// The values as Python objects (date, int, bool, aware datetime, None).
    fn to_pylist<'py>(&self, py: Python<'py>) -> PyResult<Vec<Bound<'py, PyAny>>> {
        guard(|| values(py, self.0.as_ref()))
    }

    fn __len__(&self) -> usize {
        self.0.len()
    }

    fn __repr__(&self) -> String {
        format!(
            "ArrowColumn({}, {} values)",
            self.0.data_type(),
            self.0.len()
        )
    }
}

/// The values of an array as Python objects, for the types the library produces.
fn values<'py>(py: Python<'py>, array: &dyn Array) -> PyResult<Vec<Bound<'py, PyAny>>> {
    use arrow_array::types::{Date32Type, Float64Type, Int64Type, TimestampSecondType};
    let none = || py.None().into_bound(py);
    let mut out = Vec::with_capacity(array.len());
    macro_rules! each {
        ($a:expr, $f:expr) => {
            for i in 0..array.len() {
                out.push(if array.is_null(i) { none() } else { $f($a, i)? });
            }
        };
    }
    match array.data_type() {
        DataType::Utf8 => each!(
            array.as_string::<i32>(),
            |a: &arrow_array::StringArray, i| {
                a.value(i).into_pyobject(py).map(|v| v.into_any())
            }
        ),
        DataType::Int64 => each!(
            array.as_primitive::<Int64Type>(),
            |a: &arrow_array::Int64Array, i| { a.value(i).into_pyobject(py).map(|v| v.into_any()) }
        ),
        DataType::Float64 => {
            each!(
                array.as_primitive::<Float64Type>(),
                |a: &arrow_array::Float64Array, i| {
                    a.value(i).into_pyobject(py).map(|v| v.into_any())
                }
            )
        }
        DataType::Boolean => each!(array.as_boolean(), |a: &arrow_array::BooleanArray, i| {
            a.value(i)
                .into_pyobject(py)
                .map(|v| v.to_owned().into_any())
        }),
        DataType::Date32 => each!(
            array.as_primitive::<Date32Type>(),
            |a: &arrow_array::Date32Array, i| {
                match a.value_as_date(i) {
                    Some(d) => crate::convert::date_to_py(py, d),
                    None => Ok(none()),
                }
            }
        ),
        DataType::Timestamp(TimeUnit::Second, Some(zone)) => {
            let offset = complaint_office::time::parse_offset(zone).map_err(err)?;
            each!(
                array.as_primitive::<TimestampSecondType>(),
                |a: &arrow_array::TimestampSecondArray, i| {
                    match chrono::DateTime::from_timestamp(a.value(i), 0) {
                        Some(t) => crate::convert::instant_to_py(py, t.with_timezone(&offset)),
                        None => Ok(none()),
                    }
                }
            )
        }
        other => {
            return Err(invalid_argument(&format!(
                "no Python values for Arrow type {other}"
            )));
        }
    }
    Ok(out)
}

fn calendar_or_default(calendar: Option<&PyCalendar>) -> complaint_office::calendar::Calendar {
    calendar.map_or_else(complaint_office::calendar::Calendar::cn, |c| c.0.clone())
}

#[pymethods]
impl PyLedger {
    /// A ledger from an Arrow table: a pyarrow Table or RecordBatch, a polars or pandas
    /// DataFrame, a DuckDB result: anything with `__arrow_c_stream__` or
    /// `__arrow_c_array__`. Columns as for CSV (`columns` renames them); timestamps with a
    /// time zone are instants, without one office time; names may be text or categoricals;
    /// `number` text or integers; `satisfied` booleans or text.
    #[staticmethod]
    #[pyo3(
        signature = (data, policy = None, columns = None, lenient = Arg(false)),
        text_signature = "(data, policy=None, columns=None, lenient=False)"
    )]
    fn from_arrow(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        policy: Option<Ref<'_, PyPolicy>>,
        columns: Option<&Bound<'_, PyAny>>,
        lenient: Arg<bool>,
    ) -> PyResult<Self> {
        guard(|| {
            let csv = csv_options(columns, ",", lenient.0)?;
            let options = ArrowOptions {
                columns: csv.columns,
                leniency: csv.leniency,
            };
            let policy = policy_or_default(policy.as_deref());
            let batches = read_table(data)?;
            py.detach(|| Ledger::from_record_batches(&batches, &options, &policy))
                .map(PyLedger)
                .map_err(err)
        })
    }
}

/// A report table by name: `long` (the default), `wide`, `growth`, `rejected`.
fn report_table(report: &Report, form: &str) -> PyResult<PyTable> {
    match form {
        "long" => PyTable::of(report.to_long_batch()),
        "wide" => PyTable::of(report.to_wide_batch()),
        "growth" => PyTable::of(report.to_growth_batch()),
        "rejected" => PyTable::of(report.to_rejected_batch()),
        _ => Err(invalid_argument(
            "form must be 'long', 'wide', 'growth' or 'rejected'",
        )),
    }
}

#[pymethods]
impl PyReport {
    /// The report of an Arrow table (as `Ledger.from_arrow`: pyarrow, polars, pandas,
    /// DuckDB), without keeping a ledger: the same figures, rejected rows and errors as
    /// `Ledger.from_arrow(data, policy, columns, lenient).report(granularity, policy, start,
    /// end)`, read and counted a slice of the table at a time, so faster and in less memory.
    /// A range that is not one (`start` after `end`) is refused before any row is read.
    #[staticmethod]
    #[pyo3(
        signature = (
            data,
            granularity = Text::from("month"),
            policy = None,
            columns = None,
            lenient = Arg(false),
            start = None,
            end = None
        ),
        text_signature = "(data, granularity='month', policy=None, columns=None, lenient=False, start=None, end=None)"
    )]
    #[allow(clippy::too_many_arguments)]
    fn from_arrow(
        py: Python<'_>,
        data: &Bound<'_, PyAny>,
        granularity: Text,
        policy: Option<Ref<'_, PyPolicy>>,
        columns: Option<&Bound<'_, PyAny>>,
        lenient: Arg<bool>,
        start: Option<Arg<PyPeriod>>,
        end: Option<Arg<PyPeriod>>,
    ) -> PyResult<Self> {
        guard(|| {
            let csv = csv_options(columns, ",", lenient.0)?;
            let options = ArrowOptions {
                columns: csv.columns,
                leniency: csv.leniency,
            };
            let report_options = ReportOptions {
                granularity: self::granularity(&granularity)?,
                from: start.map(|p| p.0.0),
                to: end.map(|p| p.0.0),
            };
            let policy = policy_or_default(policy.as_deref());
            let batches = read_table(data)?;
            let report = py
                .detach(|| {
                    Report::from_record_batches(&batches, &options, &report_options, &policy)
                })
                .map_err(err)?;
            Ok(PyReport { report, policy })
        })
    }

    /// The Arrow PyCapsule stream interface: the tidy long form (`period`, `dimension`,
    /// `key`, `figure`), so `pyarrow.table(report)` and `polars.DataFrame(report)` work.
    #[pyo3(signature = (requested_schema = None))]
    fn __arrow_c_stream__<'py>(
        &self,
        py: Python<'py>,
        requested_schema: Option<Bound<'py, PyAny>>,
    ) -> PyResult<Bound<'py, PyCapsule>> {
        let _ = requested_schema;
        guard(|| {
            let table = report_table(&self.report, "long")?;
            stream_capsule(py, table.schema, table.batches)
        })
    }

    /// The report as an `ArrowTable`: `form` is `"long"` (one row per figure: `period`,
    /// `dimension`, `key`, `figure`), `"wide"` (one row per period), `"growth"` or
    /// `"rejected"`.
    #[pyo3(signature = (form = Text::from("long")), text_signature = "($self, form='long')")]
    fn to_arrow(&self, form: Text) -> PyResult<PyTable> {
        guard(|| report_table(&self.report, &form))
    }

    /// `to_arrow(form).to_polars()`.
    #[pyo3(signature = (form = Text::from("long")), text_signature = "($self, form='long')")]
    fn to_polars<'py>(&self, py: Python<'py>, form: Text) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(py, guard(|| report_table(&self.report, &form))?)?;
        PyTable::to_polars(&table)
    }

    /// `to_arrow(form).to_pandas()`.
    #[pyo3(signature = (form = Text::from("long")), text_signature = "($self, form='long')")]
    fn to_pandas<'py>(&self, py: Python<'py>, form: Text) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(py, guard(|| report_table(&self.report, &form))?)?;
        PyTable::to_pandas(&table)
    }

    /// `to_arrow(form).to_pyarrow()`.
    #[pyo3(signature = (form = Text::from("long")), text_signature = "($self, form='long')")]
    fn to_pyarrow<'py>(&self, py: Python<'py>, form: Text) -> PyResult<Bound<'py, PyAny>> {
        let table = Bound::new(py, guard(|| report_table(&self.report, &form))?)?;
        PyTable::to_pyarrow(&table)
    }
}

/// `days`: one int for every row, or a column of counts.
fn count_arg(ob: &Bound<'_, PyAny>) -> PyResult<Result<i64, ArrayRef>> {
    if ob.cast::<PyInt>().is_ok() {
        return Ok(Ok(ob.extract()?));
    }
    Ok(Err(read_column(ob)?))
}

/// `Calendar.add_working_days` over an Arrow column of dates or timestamps (office days):
/// an `ArrowColumn` of `Date32` days; `days` is an int or a column of ints. Nulls stay null.
#[pyfunction]
#[pyo3(signature = (dates, days, calendar = None))]
fn add_working_days(
    py: Python<'_>,
    dates: &Bound<'_, PyAny>,
    days: &Bound<'_, PyAny>,
    calendar: Option<Ref<'_, PyCalendar>>,
) -> PyResult<PyColumn> {
    guard(|| {
        let calendar = calendar_or_default(calendar.as_deref());
        let dates = read_column(dates)?;
        let counts = count_arg(days)?;
        py.detach(|| {
            let count = match &counts {
                Ok(k) => Count::One(*k),
                Err(column) => Count::Each(column.as_ref()),
            };
            days::add_working_days(&calendar, dates.as_ref(), count)
        })
        .map(|a| PyColumn(Arc::new(a)))
        .map_err(column_err)
    })
}

/// `Calendar.working_days_between` over two Arrow columns (or one `end` for all rows): an
/// `ArrowColumn` of `Int64` counts of working days in `(start, end]`.
#[pyfunction]
#[pyo3(signature = (start, end, calendar = None))]
fn working_days_between(
    py: Python<'_>,
    start: &Bound<'_, PyAny>,
    end: &Bound<'_, PyAny>,
    calendar: Option<Ref<'_, PyCalendar>>,
) -> PyResult<PyColumn> {
    guard(|| {
        let calendar = calendar_or_default(calendar.as_deref());
        let (a, b) = (read_column(start)?, read_column(end)?);
        py.detach(|| days::working_days_between(&calendar, a.as_ref(), b.as_ref()))
            .map(|a| PyColumn(Arc::new(a)))
            .map_err(column_err)
    })
}

/// `Calendar.is_working_day` over an Arrow column: an `ArrowColumn` of booleans.
#[pyfunction]
#[pyo3(signature = (dates, calendar = None))]
fn is_working_day(
    py: Python<'_>,
    dates: &Bound<'_, PyAny>,
    calendar: Option<Ref<'_, PyCalendar>>,
) -> PyResult<PyColumn> {
    guard(|| {
        let calendar = calendar_or_default(calendar.as_deref());
        let dates = read_column(dates)?;
        py.detach(|| days::is_working_day(&calendar, dates.as_ref()))
            .map(|a| PyColumn(Arc::new(a)))
            .map_err(column_err)
    })
}

/// `period.end` over an Arrow column of starts (instants, office times, or dates at 00:00
/// office time): an `ArrowTable` with `due` (timestamps in the office offset), `last_day`
/// (dates) and `provisional` (booleans).
#[pyfunction]
#[pyo3(signature = (starts, duration, calendar = None))]
fn period_end(
    py: Python<'_>,
    starts: &Bound<'_, PyAny>,
    duration: DurationArg,
    calendar: Option<Ref<'_, PyCalendar>>,
) -> PyResult<PyTable> {
    guard(|| {
        let calendar = calendar_or_default(calendar.as_deref());
        let starts = read_column(starts)?;
        let deadlines = py
            .detach(|| days::period_end(&calendar, starts.as_ref(), duration.0))
            .map_err(column_err)?;
        PyTable::of(RecordBatch::try_from_iter(deadlines.columns()))
    })
}

/// The schema of the report's long form, as an `ArrowTable` with no rows (for engines that
/// want the output schema before the data, like Spark's `mapInArrow`).
#[pyfunction]
fn report_long_schema() -> PyTable {
    let schema: SchemaRef = complaint_office::stats::arrow::long_schema();
    PyTable::new(schema, Vec::new())
}

/// A `Date32` column of day numbers (days since 1970-01-01; None for a null).
#[pyfunction]
fn _date32_column(days: Vec<Option<i32>>) -> PyColumn {
    PyColumn(Arc::new(arrow_array::Date32Array::from(days)))
}

/// Column `index` of a table, its batches joined.
#[pyfunction]
fn _table_column(table: Ref<'_, PyTable>, index: Arg<usize>) -> PyResult<PyColumn> {
    guard(|| {
        let chunks: Vec<ArrayRef> = table
            .batches
            .iter()
            .filter_map(|b| b.columns().get(index.0).cloned())
            .collect();
        match chunks.as_slice() {
            [one] => Ok(PyColumn(one.clone())),
            [] => Err(invalid_argument("no such column")),
            _ => Ok(PyColumn(concat(&chunks)?)),
        }
    })
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add_function(wrap_pyfunction!(_date32_column, m)?)?;
    m.add_function(wrap_pyfunction!(_table_column, m)?)?;
    m.add_class::<PyTable>()?;
    m.add_class::<PyColumn>()?;
    m.add_function(wrap_pyfunction!(add_working_days, m)?)?;
    m.add_function(wrap_pyfunction!(working_days_between, m)?)?;
    m.add_function(wrap_pyfunction!(is_working_day, m)?)?;
    m.add_function(wrap_pyfunction!(period_end, m)?)?;
    m.add_function(wrap_pyfunction!(report_long_schema, m)?)?;
    Ok(())
}
