//! Splitting CSV text into records of fields, streamed in chunks: a fast path for text
//! without quotes (the usual ledger export), the `csv` crate for everything else. Both give the
//! same records and line numbers for quote-free text: records end at `\n`, `\r` or `\r\n`,
//! empty lines are skipped, and a record's line is one more than the `\n`s before it.

use std::io::Read;

use super::StatsError;
use crate::input::InputError;

/// Bytes read at a time: large enough to amortize the calls, small enough to stay in cache
/// and to spare a hundred megabytes of memory for a million rows.
const CHUNK: usize = 1 << 20;

/// Calls `each(line, fields)` for every record read from `reader`, in order; stops at its
/// first error.
pub(crate) fn records<R: Read>(
    mut reader: R,
    delimiter: u8,
    mut each: impl FnMut(u64, &[&[u8]]) -> Result<(), StatsError>,
) -> Result<(), StatsError> {
    let mut buf: Vec<u8> = Vec::with_capacity(2 * CHUNK);
    let mut line = 1u64;
    loop {
        let eof = fill(&mut reader, &mut buf)?;
        if memchr::memchr(b'"', &buf).is_some() {
            // Quotes may span lines and chunks: the rest goes to the general parser, whole.
            reader.read_to_end(&mut buf).map_err(read_failed)?;
            return with_csv_crate(&buf, delimiter, line, each);
        }
        // Complete records only; the tail waits for the next chunk.
        let complete = if eof {
            buf.len()
        } else {
            match memchr::memrchr2(b'\n', b'\r', &buf) {
                Some(end) => end + 1,
                None => continue,
            }
        };
        line = quote_free(
            buf.get(..complete).unwrap_or_default(),
            delimiter,
            line,
            &mut each,
        )?;
        buf.drain(..complete);
        if eof {
            return Ok(());
        }
    }
}

/// Appends up to a chunk; true at the end of the input.
fn fill(reader: &mut impl Read, buf: &mut Vec<u8>) -> Result<bool, StatsError> {
    let read = reader
        .take(CHUNK as u64)
        .read_to_end(buf)
        .map_err(read_failed)?;
    Ok(read < CHUNK)
}

fn read_failed(e: std::io::Error) -> StatsError {
    match InputError::of_io(&e) {
        too_large @ InputError::TooLarge { .. } => StatsError::Input(too_large),
        _ => StatsError::Unreadable {
            line: None,
            reason: format!("read failed ({})", e.kind()),
        },
    }
}

/// The fast path: one SIMD-assisted pass over the bytes for delimiters and line ends, no
/// copies.
/// `line` is the line `bytes` starts on; returns the line after them.
pub(crate) fn quote_free(
    bytes: &[u8],
    delimiter: u8,
    mut line: u64,
    mut each: impl FnMut(u64, &[&[u8]]) -> Result<(), StatsError>,
) -> Result<u64, StatsError> {
    let mut fields: Vec<&[u8]> = Vec::with_capacity(16);
    let mut field_start = 0usize;
    // The `\n` of a `\r\n`: the record already ended at the `\r`.
    let mut lf_after_cr = usize::MAX;
    for at in memchr::memchr3_iter(delimiter, b'\n', b'\r', bytes) {
        let field = bytes.get(field_start..at).unwrap_or_default();
        let byte = bytes.get(at).copied().unwrap_or_default();
        field_start = at + 1;
        if byte == delimiter {
            fields.push(field);
            continue;
        }
        if byte == b'\n' {
            line += 1;
            if at == lf_after_cr {
                continue;
            }
        } else {
            lf_after_cr = at + 1;
        }
        if !fields.is_empty() || !field.is_empty() {
            fields.push(field);
            // A record's line is where it starts: before this `\n` was counted.
            each(line - u64::from(byte == b'\n'), &fields)?;
            fields.clear();
        }
    }
    let last = bytes.get(field_start..).unwrap_or_default();
    if !fields.is_empty() || !last.is_empty() {
        fields.push(last);
        each(line, &fields)?;
    }
    Ok(line)
}

/// The general path: quoted fields, escaped quotes, line breaks inside fields. `line` is the
/// line `bytes` starts on.
pub(crate) fn with_csv_crate(
    bytes: &[u8],
    delimiter: u8,
    mut line: u64,
    mut each: impl FnMut(u64, &[&[u8]]) -> Result<(), StatsError>,
) -> Result<(), StatsError> {
    let mut csv = csv::ReaderBuilder::new()
        .delimiter(delimiter)
        .has_headers(false)
        .flexible(true)
        .from_reader(bytes);
    let mut record = csv::ByteRecord::new();
    // Lines counted here: the crate's own count lags behind on `\r\n` files.
    let mut counted_to = 0usize;
    loop {
        match csv.read_byte_record(&mut record) {
            Ok(true) => {}
            Ok(false) => return Ok(()),
            Err(e) => {
                let line = e.position().map(csv::Position::line);
                return Err(match e.into_kind() {
                    csv::ErrorKind::Io(e) => read_failed(e),
                    _ => StatsError::Unreadable {
                        line,
                        reason: "not CSV".to_owned(),
                    },
                });
            }
        }
        let reported = record.position().map_or(counted_to, |p| {
            usize::try_from(p.byte()).unwrap_or(counted_to)
        });
        let start = reported
            + bytes
                .get(reported..)
                .unwrap_or_default()
                .iter()
                .take_while(|&&b| b == b'\n' || b == b'\r')
                .count();
        let before = bytes.get(counted_to..start).unwrap_or_default();
        line += before.iter().filter(|&&b| b == b'\n').count() as u64;
        counted_to = counted_to.max(start);
        let fields: Vec<&[u8]> = record.iter().collect();
        each(line, &fields)?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    type Each<'a> = &'a mut dyn FnMut(u64, &[&[u8]]) -> Result<(), StatsError>;
    type Split = fn(&[u8], u8, Each<'_>) -> Result<(), StatsError>;

    fn collect(split: Split, text: &[u8]) -> Vec<(u64, Vec<Vec<u8>>)> {
        let mut out = Vec::new();
        split(text, b',', &mut |line, fields| {
            out.push((line, fields.iter().map(|f| f.to_vec()).collect()));
            Ok(())
        })
        .unwrap();
        out
    }

    #[test]
    fn both_paths_agree_on_quote_free_text() {
        let fast: Split = |b, d, f| quote_free(b, d, 1, f).map(|_| ());
        let slow: Split = |b, d, f| with_csv_crate(b, d, 1, f);
        for text in [
            "a,b\n1,2\n",
            "a,b\r\n1,2\r\n\r\n3,4",
            "a,b\r1,2\r\r3,4\n",
            "\n\na,b\n\n1,2,3\n \n,\n",
            "a",
            "",
            "\r\n",
            "a,b\n1,2\n\r\n\n\r5,6\r\n",
            "x,,y\n,,\n",
            "a,b\r\n\r\n\r\n1,2\r\n",
            "\r\r\n\n",
            ",",
            "a,\n,b",
        ] {
            assert_eq!(
                collect(fast, text.as_bytes()),
                collect(slow, text.as_bytes()),
                "{text:?}"
            );
        }
    }

    #[test]
    fn lines_are_physical_lines() {
        let lines = |text: &str| -> Vec<u64> {
            let mut out = Vec::new();
            records(text.as_bytes(), b',', |line, _| {
                out.push(line);
                Ok(())
            })
            .unwrap();
            out
        };
        assert_eq!(lines("a,b\r\n1,2\r\n\r\n3,4"), [1, 2, 4]);
        assert_eq!(lines("a,b\n\"x\ny\",2\n3,4\n"), [1, 2, 4]);
        assert_eq!(lines("a,b\r\n\"x\r\ny\",2\r\n\r\n3,4\r\n"), [1, 2, 5]);
    }

    #[test]
    fn chunks_join_seamlessly() {
        // Rows that straddle chunk boundaries, CRLF split between chunks, then a quote late on.
        let mut text = String::from("h1,h2\r\n");
        let mut i = 0;
        while text.len() < 3 * CHUNK {
            text.push_str(&format!("{i},value {i}\r\n"));
            i += 1;
        }
        let plain_rows = i;
        text.push_str("\"quoted\nfield\",x\r\nlast,row");
        let mut seen = Vec::new();
        records(text.as_bytes(), b',', |line, fields| {
            seen.push((line, fields.first().map(|f| f.to_vec()).unwrap_or_default()));
            Ok(())
        })
        .unwrap();
        assert_eq!(seen.len(), plain_rows + 3);
        for (k, (line, first)) in seen.iter().enumerate().skip(1).take(plain_rows) {
            assert_eq!(*line, k as u64 + 1);
            assert_eq!(first, (k - 1).to_string().as_bytes());
        }
        let n = plain_rows as u64;
        assert_eq!(seen[plain_rows + 1], (n + 2, b"quoted\nfield".to_vec()));
        assert_eq!(seen[plain_rows + 2], (n + 4, b"last".to_vec()));
    }
}
