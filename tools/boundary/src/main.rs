//! `cargo run -p complaint-office-boundary`: rewrites the generated declarations of the event
//! format (see the library's documentation) from the core's serde types.

use std::path::Path;
use std::process::ExitCode;

fn main() -> ExitCode {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("../..");
    let files = match complaint_office_boundary::generate(&root) {
        Ok(files) => files,
        Err(error) => {
            eprintln!("boundary: {error}");
            return ExitCode::FAILURE;
        }
    };
    for file in files {
        let path = root.join(&file.path);
        let unchanged = std::fs::read_to_string(&path).is_ok_and(|text| text == file.text);
        if unchanged {
            eprintln!("boundary: {} unchanged", file.path);
            continue;
        }
        let written = path
            .parent()
            .map_or(Ok(()), std::fs::create_dir_all)
            .and_then(|()| std::fs::write(&path, &file.text));
        if let Err(error) = written {
            eprintln!("boundary: cannot write {}: {error}", file.path);
            return ExitCode::FAILURE;
        }
        eprintln!("boundary: wrote {}", file.path);
    }
    ExitCode::SUCCESS
}
