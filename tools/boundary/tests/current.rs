//! The committed generated files are what the core's types say now: a payload changed in the
//! core without `cargo run -p complaint-office-boundary` fails here, naming the file.

use std::path::Path;

#[test]
fn generated_files_are_current() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for file in complaint_office_boundary::generate(&root)? {
        let committed = std::fs::read_to_string(root.join(&file.path)).unwrap_or_default();
        assert!(
            committed == file.text,
            "{} is not what the core's types say: run `cargo run -p complaint-office-boundary`",
            file.path
        );
    }
    Ok(())
}

/// Each event's example (every key set) is read by the core and written back unchanged, so
/// the bindings can test their typed forms with it.
#[test]
fn every_example_is_an_event_the_core_reads_back() -> Result<(), Box<dyn std::error::Error>> {
    let document = complaint_office_boundary::schema_document()?;
    let events = document["events"].as_array().ok_or("no events")?;
    assert_eq!(events.len(), complaint_office::case::EventKind::ALL.len());
    for event in events {
        let example = event["example"].clone();
        let read = complaint_office::case::Event::from_json_value(example.clone())
            .map_err(|error| format!("{}: {error}", event["type"]))?;
        assert_eq!(read.to_json_value(), example, "{}", event["type"]);
    }
    Ok(())
}

/// The Python package's record classes (hand-written pyo3 getters, their `.pyi` stubs) have
/// every key of the core's records with the type the schema gives, and no other property;
/// stubtest checks the compiled classes against the stubs.
#[test]
fn python_records_follow_the_core() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let drift = complaint_office_boundary::python_drift(&root)?;
    assert!(drift.is_empty(), "{}", drift.join("\n"));
    Ok(())
}
