//! Replays the committed fuzz corpus (`core/fuzz/corpus/<target>/`) through the same entry
//! points the fuzzers drive: every input a fuzzer found interesting stays a regression test.

#[path = "../fuzz/entry.rs"]
mod entry;

use std::path::Path;

#[test]
fn committed_corpus_replays_without_panic() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/corpus");
    let mut replayed = 0usize;
    for (name, target) in entry::TARGETS {
        let dir = root.join(name);
        let Ok(files) = std::fs::read_dir(&dir) else {
            continue;
        };
        for file in files.flatten() {
            let data = std::fs::read(file.path()).unwrap();
            let outcome = std::panic::catch_unwind(|| target(&data));
            assert!(
                outcome.is_ok(),
                "{name}: {} panicked",
                file.path().display()
            );
            replayed += 1;
        }
    }
    assert!(replayed > 0, "no corpus under {}", root.display());
}

#[test]
fn every_target_survives_awkward_inputs() {
    let awkward: &[&[u8]] = &[
        b"",
        b"\xff\xfe\xfd",
        b"{}",
        b"[]",
        b"null",
        b"23050001",
        b"99999999999999999999 days",
        b"{\"type\": \"received\"}",
        b"[{\"type\": \"received\", \"at\": \"2025-01-01T00:00:00+25:00\"}]",
        b"office_offset = \"+23:59\"\n[deadlines]\nplan = \"99999 years\"",
        "２０２５-01-01".as_bytes(),
        // Found by the `time` target: a multi-byte character across the hour/minute split of
        // an offset once made `parse_offset` slice through it and panic.
        b"+\0\xe4\x85\x8b",
        "{\"office_offset\": \"+\\u0000\u{414b}\"}".as_bytes(),
    ];
    for (name, target) in entry::TARGETS {
        for input in awkward {
            assert!(
                std::panic::catch_unwind(|| target(input)).is_ok(),
                "{name} panicked"
            );
        }
    }
}
