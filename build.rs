//! Compiles every shipped routemap (`assessments/*.yaml`) into the binary, so a fresh
//! machine needs no files and a new routemap ships by adding its file.

use std::fmt::Write as _;
use std::path::Path;

fn main() {
    println!("cargo:rerun-if-changed=assessments");
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("assessments");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .map(|entries| {
            entries
                .filter_map(|entry| entry.ok().map(|entry| entry.path()))
                .filter(|path| path.extension().is_some_and(|ext| ext == "yaml"))
                .collect()
        })
        .unwrap_or_default();
    files.sort();
    let mut code = String::from(
        "/// (file name, text) of every shipped routemap.\npub const BUILTIN_FILES: &[(&str, &str)] = &[\n",
    );
    for path in files {
        println!("cargo:rerun-if-changed={}", path.display());
        let name = path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let _ = writeln!(
            code,
            "    ({name:?}, include_str!({:?})),",
            path.display().to_string()
        );
    }
    code.push_str("];\n");
    let out = std::env::var("OUT_DIR")
        .map(std::path::PathBuf::from)
        .unwrap_or_default();
    if let Err(error) = std::fs::write(out.join("builtins.rs"), code) {
        println!("cargo:warning=cannot write the built-in routemap list: {error}");
        std::process::exit(1);
    }
}
