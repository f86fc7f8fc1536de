//! The committed generated files are what the core's types say now: a payload changed in the
//! core without `cargo run -p complaint-office-boundary` fails here, naming the file.

use std::path::Path;

#[test]
fn generated_files_are_current() -> Result<(), Box<dyn std::error::Error>> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    for file in complaint_office_boundary::generate()? {
        let committed = std::fs::read_to_string(root.join(file.path)).unwrap_or_default();
        assert!(
            committed == file.text,
            "{} is not what the core's types say: run `cargo run -p complaint-office-boundary`",
            file.path
        );
    }
    Ok(())
}
