//! The shape of the source tree, checked so that it cannot quietly erode: commands see the
//! `Backend` trait and the protocol, the core and the layers below it know nothing of settings,
//! the command line, the printer or the terminal, and the protocol depends on nothing of ours.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

fn sources(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            sources(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// The modules of this crate a file refers to (`crate::x`, `use crate::{x, ..}`), and the
/// outside crates it names (`indicatif::`), outside comments and its tests.
fn references(path: &Path) -> BTreeSet<String> {
    let text = std::fs::read_to_string(path).unwrap();
    let code = text.split("#[cfg(test)]").next().unwrap_or("");
    let mut out = BTreeSet::new();
    for line in code.lines() {
        let line = line.trim_start();
        if line.starts_with("//") {
            continue;
        }
        let mut rest = line;
        while let Some(at) = rest.find("crate::") {
            rest = &rest[at + "crate::".len()..];
            if let Some(list) = rest.strip_prefix('{') {
                let end = list.find('}').unwrap_or(list.len());
                for item in list[..end].split(',') {
                    let name = item.trim().split("::").next().unwrap_or("");
                    if !name.is_empty() {
                        out.insert(name.to_string());
                    }
                }
            } else {
                let name: String = rest
                    .chars()
                    .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                    .collect();
                out.insert(name);
            }
        }
        for outside in ["indicatif", "clap", "sqlx", "comfy_table", "dialoguer"] {
            if line.contains(&format!("{outside}::")) {
                out.insert(format!("extern {outside}"));
            }
        }
    }
    out
}

fn check(files: &[PathBuf], under: &str, forbidden: &[&str], allowed: &[&str]) -> Vec<String> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut broken = Vec::new();
    for file in files {
        let rel = file
            .strip_prefix(&root)
            .unwrap()
            .to_string_lossy()
            .to_string();
        if !(rel == under || rel.starts_with(&format!("{under}/"))) || allowed.contains(&&*rel) {
            continue;
        }
        for name in references(file) {
            if forbidden.contains(&name.as_str()) {
                broken.push(format!("src/{rel} uses {name}"));
            }
        }
    }
    broken
}

#[test]
fn each_layer_imports_only_what_is_below_it() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    sources(&root, &mut files);
    files.sort();
    let mut broken = Vec::new();

    // The protocol: serde, chrono and uuid (and utoipa's schema derive); nothing of ours.
    let ours: Vec<String> = files
        .iter()
        .filter_map(|f| {
            let rel = f.strip_prefix(&root).ok()?.to_string_lossy().to_string();
            let top = rel.split('/').next()?.trim_end_matches(".rs").to_string();
            (top != "main" && top != "lib").then_some(top)
        })
        .collect();
    let ours: Vec<&str> = ours
        .iter()
        .map(String::as_str)
        .filter(|m| *m != "proto")
        .collect();
    let mut outside: Vec<&str> = ours.clone();
    outside.extend([
        "extern indicatif",
        "extern clap",
        "extern sqlx",
        "extern comfy_table",
    ]);
    broken.extend(check(&files, "proto", &outside, &[]));

    // The dispatcher: a request goes to the core or the client, nothing else.
    broken.extend(check(
        &files,
        "backend.rs",
        &[
            "db", "backup", "settings", "cli", "output", "connect", "commands", "serve",
        ],
        &[],
    ));

    // Below the commands: no settings, command line, printer or terminal.
    let above = [
        "settings",
        "cli",
        "output",
        "commands",
        "connect",
        "extern indicatif",
        "extern clap",
        "extern comfy_table",
        "extern dialoguer",
    ];
    for layer in [
        "core",
        "serve",
        "remote",
        "db.rs",
        "backup",
        "email",
        "migrations.rs",
        "progress.rs",
        "backend.rs",
    ] {
        broken.extend(check(&files, layer, &above, &[]));
    }

    // Commands see the trait and the protocol; they open a backend (or the server) through
    // `connect`.
    broken.extend(check(
        &files,
        "commands",
        &["core", "db", "backup", "email", "serve"],
        &[],
    ));

    assert!(broken.is_empty(), "layering broken:\n{}", broken.join("\n"));
}

#[test]
fn the_reference_reader_sees_what_it_must() {
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("x.rs");
    std::fs::write(
        &file,
        "use crate::{db::Db, error};\n// crate::settings\nfn f() { crate::core::now(); indicatif::ProgressBar::hidden(); }\n#[cfg(test)]\nuse crate::cli;\n",
    )
    .unwrap();
    let found: Vec<String> = references(&file).into_iter().collect();
    assert_eq!(found, ["core", "db", "error", "extern indicatif"]);
}
