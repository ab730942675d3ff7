//! Embeds the golden cases for the WebAssembly tests, with the native library's answers: the
//! answer to every golden request, and the hash of the answer to each generated request of the
//! differential test. The tests in WebAssembly must reproduce them byte for byte.

use std::fmt::Write;
use std::path::Path;

/// Generated requests compared natively and in WebAssembly.
const DIFFERENTIAL_CASES: u64 = 2000;

fn main() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let cases = root.join("tests/cases");
    println!("cargo:rerun-if-changed={}", cases.display());
    println!("cargo:rerun-if-changed={}", root.join("tests/harness/mod.rs").display());
    let mut files: Vec<_> = std::fs::read_dir(&cases)
        .expect("tests/cases")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    let mut out = String::from("pub const CASES: &[(&str, &str)] = &[\n");
    for f in &files {
        println!("cargo:rerun-if-changed={}", f.display());
        let name = f.file_stem().unwrap().to_string_lossy();
        writeln!(out, "    ({name:?}, include_str!({:?})),", f.canonicalize().unwrap().display()).unwrap();
    }
    out.push_str("];\npub const POLICIES: &[(&str, &str)] = &[\n");
    for e in std::fs::read_dir(cases.join("policies")).unwrap().flatten() {
        let p = e.path();
        println!("cargo:rerun-if-changed={}", p.display());
        let name = p.file_stem().unwrap().to_string_lossy();
        writeln!(out, "    ({name:?}, include_str!({:?})),", p.canonicalize().unwrap().display()).unwrap();
    }
    out.push_str("];\n");
    writeln!(out, "pub const DIFFERENTIAL_CASES: u64 = {DIFFERENTIAL_CASES};").unwrap();
    out.push_str("pub const NATIVE_HASHES: &[u64] = &[\n");
    for seed in 0..DIFFERENTIAL_CASES {
        let answer = fordeling::contract::handle_json(&fordeling_workload::gen::request(seed));
        writeln!(out, "    {:#x},", fordeling_workload::gen::fnv1a(answer.as_bytes())).unwrap();
    }
    out.push_str("];\n");
    std::fs::write(Path::new(&std::env::var("OUT_DIR").unwrap()).join("golden.rs"), out).unwrap();
}
