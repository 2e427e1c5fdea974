//! The shape of the source tree, checked so that it cannot quietly erode: commands see the
//! `Backend` trait and the protocol, the core and the layers below it know nothing of settings,
//! the command line, the printer or the terminal, and the protocol depends on nothing of ours.

use std::collections::{BTreeMap, BTreeSet};
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
    let code = code_of(&std::fs::read_to_string(path).unwrap());
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
        "remote.rs",
        "db",
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

/// The code of a Rust file with comments, string and character literals blanked (so that
/// neither a `{` in a string nor a path in a doc comment counts) — but a string that is a path
/// (`#[serde(with = "crate::proto::duration")]`) kept as one — and without its
/// `#[cfg(test)]` items.
fn code_of(text: &str) -> String {
    let mut code = blanked(text);
    while let Some(at) = code.find("#[cfg(test)]") {
        let rest = &code[at..];
        let end = match (rest.find(';'), rest.find('{')) {
            (Some(semi), Some(open)) if semi < open => at + semi + 1,
            (_, Some(open)) => {
                let mut depth = 0usize;
                let mut end = code.len();
                for (i, c) in rest[open..].char_indices() {
                    match c {
                        '{' => depth += 1,
                        '}' => {
                            depth -= 1;
                            if depth == 0 {
                                end = at + open + i + 1;
                                break;
                            }
                        }
                        _ => {}
                    }
                }
                end
            }
            (Some(semi), None) => at + semi + 1,
            (None, None) => code.len(),
        };
        code.replace_range(at..end, " ");
    }
    code
}

fn blanked(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len());
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if c == '/' && next == Some('/') {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if c == '/' && next == Some('*') {
            i += 2;
            while i + 1 < chars.len() && !(chars[i] == '*' && chars[i + 1] == '/') {
                i += 1;
            }
            i += 2;
        } else if c == 'r'
            && (next == Some('"') || next == Some('#'))
            && !ident(chars.get(i.wrapping_sub(1)))
        {
            // A raw string: r"…", r#"…"#.
            let mut j = i + 1;
            let mut hashes = 0;
            while chars.get(j) == Some(&'#') {
                hashes += 1;
                j += 1;
            }
            if chars.get(j) != Some(&'"') {
                out.push(c);
                i += 1;
                continue;
            }
            j += 1;
            loop {
                if j >= chars.len() {
                    break;
                }
                if chars[j] == '"' && (0..hashes).all(|h| chars.get(j + 1 + h) == Some(&'#')) {
                    j += 1 + hashes;
                    break;
                }
                j += 1;
            }
            out.push_str("\"\"");
            i = j;
        } else if c == '"' {
            let start = i + 1;
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            let inside: String = chars[start..i.min(chars.len())].iter().collect();
            i += 1;
            let is_path = ["crate::", "super::"].iter().any(|p| inside.starts_with(p))
                && inside.chars().all(|c| ident(Some(&c)) || c == ':');
            if is_path {
                out.push_str(&format!(" {inside} "));
            } else {
                out.push_str("\"\"");
            }
        } else if c == '\'' && next == Some('\\') {
            // An escaped character literal.
            i += 2;
            while i < chars.len() && chars[i] != '\'' {
                i += 1;
            }
            i += 1;
            out.push_str("' '");
        } else if c == '\'' && chars.get(i + 2) == Some(&'\'') {
            i += 3;
            out.push_str("' '");
        } else {
            out.push(c);
            i += 1;
        }
    }
    out
}

fn ident(c: Option<&char>) -> bool {
    c.is_some_and(|c| c.is_alphanumeric() || *c == '_')
}

/// Words and punctuation: identifiers, `::`, and single characters.
fn tokens(code: &str) -> Vec<String> {
    let chars: Vec<char> = code.chars().collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c.is_whitespace() {
            i += 1;
        } else if ident(Some(&c)) {
            let start = i;
            while ident(chars.get(i)) {
                i += 1;
            }
            out.push(chars[start..i].iter().collect());
        } else if c == ':' && chars.get(i + 1) == Some(&':') {
            out.push("::".to_string());
            i += 2;
        } else {
            out.push(c.to_string());
            i += 1;
        }
    }
    out
}

/// The paths of a use tree starting at `at` (`a::{b, c::d}` gives `a::b`, `a::c::d`); returns
/// where it ends.
fn use_tree(t: &[String], mut at: usize, prefix: &[String], out: &mut Vec<Vec<String>>) -> usize {
    let mut path = prefix.to_vec();
    while at < t.len() {
        match t[at].as_str() {
            "{" => {
                at += 1;
                while at < t.len() && t[at] != "}" {
                    at = use_tree(t, at, &path, out);
                    if t.get(at).is_some_and(|x| x == ",") {
                        at += 1;
                    }
                }
                return at + 1;
            }
            "::" => at += 1,
            "*" => {
                out.push(path);
                return at + 1;
            }
            "as" => {
                at += 2;
                break;
            }
            word if ident(word.chars().next().as_ref()) => {
                path.push(word.to_string());
                at += 1;
                if t.get(at).is_none_or(|x| x != "::") {
                    break;
                }
            }
            _ => break,
        }
    }
    out.push(path);
    at
}

/// The files of `src/` each file imports: every path of a `use` declaration (`use crate::…`,
/// `use super::…`, and `use child::…` of a module it declares), and every path written out
/// inline from `crate::` or `super::`. A module calling its own child by name
/// (`audit::run(…)`) is the tree's structure, not an import.
fn imports(root: &Path) -> BTreeMap<String, BTreeSet<String>> {
    let mut files = Vec::new();
    sources(root, &mut files);
    let module_of = |rel: &str| -> Vec<String> {
        let mut parts: Vec<String> = rel
            .trim_end_matches(".rs")
            .split('/')
            .map(str::to_string)
            .collect();
        if parts
            .last()
            .is_some_and(|p| p == "mod" || p == "lib" || p == "main")
        {
            parts.pop();
        }
        parts
    };
    let rels: Vec<String> = files
        .iter()
        .map(|f| {
            f.strip_prefix(root)
                .unwrap()
                .to_string_lossy()
                .replace('\\', "/")
        })
        .collect();
    let modules: BTreeMap<Vec<String>, String> = rels
        .iter()
        .filter(|r| !r.ends_with("main.rs"))
        .map(|r| (module_of(r), r.clone()))
        .collect();
    let mut graph = BTreeMap::new();
    for (file, rel) in files.iter().zip(&rels) {
        let code = code_of(&std::fs::read_to_string(file).unwrap());
        let t = tokens(&code);
        let me = module_of(rel);
        // Modules declared inline (`mod x { … }`, also by macros' bodies), by brace depth.
        let mut inline: Vec<(usize, String)> = Vec::new();
        let mut depth = 0usize;
        let children: BTreeSet<&str> = t
            .windows(3)
            .filter(|w| w[0] == "mod" && w[2] == ";")
            .map(|w| w[1].as_str())
            .collect();
        let mut paths: Vec<(Vec<String>, Vec<String>)> = Vec::new();
        let mut i = 0;
        while i < t.len() {
            let here: Vec<String> = inline.iter().map(|(_, m)| m.clone()).collect();
            match t[i].as_str() {
                "{" => depth += 1,
                "}" => {
                    depth = depth.saturating_sub(1);
                    while inline.last().is_some_and(|(d, _)| *d > depth) {
                        inline.pop();
                    }
                }
                "mod" if t.get(i + 2).is_some_and(|x| x == "{") => {
                    inline.push((depth + 1, t[i + 1].clone()));
                }
                "use" => {
                    let mut found = Vec::new();
                    i = use_tree(&t, i + 1, &[], &mut found);
                    for p in found {
                        let first = p.first().map(String::as_str).unwrap_or("");
                        if matches!(first, "crate" | "super" | "self")
                            || (here.is_empty() && children.contains(first))
                        {
                            paths.push((here.clone(), p));
                        }
                    }
                    continue;
                }
                "crate" | "super"
                    if t.get(i + 1).is_some_and(|x| x == "::")
                        && !(i >= 2 && t[i - 1] == "(" && t[i - 2] == "pub")
                        && !(i >= 3 && t[i - 1] == "in" && t[i - 3] == "pub") =>
                {
                    let mut p = vec![t[i].clone()];
                    let mut j = i + 1;
                    while t.get(j).is_some_and(|x| x == "::")
                        && t.get(j + 1)
                            .is_some_and(|x| ident(x.chars().next().as_ref()))
                    {
                        p.push(t[j + 1].clone());
                        j += 2;
                    }
                    paths.push((here.clone(), p));
                    i = j;
                    continue;
                }
                _ => {}
            }
            i += 1;
        }
        let mut targets = BTreeSet::new();
        for (inside, p) in paths {
            let mut at: Vec<String> = if p[0] == "crate" {
                Vec::new()
            } else {
                me.iter().chain(&inside).cloned().collect()
            };
            let mut rest = p.iter().skip(usize::from(p[0] == "crate")).peekable();
            while let Some(seg) = rest.peek() {
                match seg.as_str() {
                    "super" => {
                        at.pop();
                    }
                    "self" => {}
                    _ => break,
                }
                rest.next();
            }
            at.extend(rest.cloned());
            // The longest prefix that is a file; the crate root itself is no import.
            while !at.is_empty() {
                if let Some(target) = modules.get(&at) {
                    if target != rel {
                        targets.insert(target.clone());
                    }
                    break;
                }
                at.pop();
            }
        }
        graph.insert(rel.clone(), targets);
    }
    graph
}

/// The import circles of a graph: its strongly connected parts of more than one file.
fn circles(graph: &BTreeMap<String, BTreeSet<String>>) -> Vec<Vec<String>> {
    // Kosaraju: order by finish time, then walk the reversed graph.
    fn visit<'a>(
        g: &'a BTreeMap<String, BTreeSet<String>>,
        v: &'a str,
        seen: &mut BTreeSet<&'a str>,
        order: &mut Vec<&'a str>,
    ) {
        if !seen.insert(v) {
            return;
        }
        for w in g.get(v).into_iter().flatten() {
            visit(g, w, seen, order);
        }
        order.push(v);
    }
    let mut seen = BTreeSet::new();
    let mut order = Vec::new();
    for v in graph.keys() {
        visit(graph, v, &mut seen, &mut order);
    }
    let mut reversed: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (v, ws) in graph {
        for w in ws {
            reversed.entry(w.clone()).or_default().insert(v.clone());
        }
    }
    let mut assigned = BTreeSet::new();
    let mut out = Vec::new();
    for v in order.into_iter().rev() {
        let mut part = Vec::new();
        visit(&reversed, v, &mut assigned, &mut part);
        if part.len() > 1 {
            part.sort();
            out.push(part.into_iter().map(str::to_string).collect());
        }
    }
    out.sort();
    out
}

#[test]
fn no_file_of_src_imports_a_file_that_imports_it_back() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = imports(&root);
    let found = circles(&graph);
    let shown: Vec<String> = found
        .iter()
        .map(|part| {
            part.iter()
                .map(|f| {
                    let inside: Vec<&str> = graph[f]
                        .iter()
                        .filter(|t| part.contains(t))
                        .map(String::as_str)
                        .collect();
                    format!("  src/{f} imports {}", inside.join(", "))
                })
                .collect::<Vec<_>>()
                .join("\n")
        })
        .collect();
    assert!(
        found.is_empty(),
        "import circles (move what both need into a file below them both):\n{}",
        shown.join("\n\n")
    );
}

#[test]
fn the_circle_finder_finds_planted_circles() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    std::fs::create_dir_all(src.join("a")).unwrap();
    let files = [
        (
            "lib.rs",
            "pub mod a;\npub mod b;\npub mod c;\npub mod d;\npub mod e;\n",
        ),
        // A parent re-exporting its child, the child using the parent: a circle.
        (
            "a/mod.rs",
            "mod x;\npub use x::Thing;\npub struct Shared;\n",
        ),
        (
            "a/x.rs",
            "use super::{\n    Shared,\n};\npub struct Thing;\n",
        ),
        // Siblings through an inline path and a string/comment that must not count.
        (
            "b.rs",
            "// crate::c::Nothing\nconst S: &str = \"crate::c::Z {\";\npub fn f() -> crate::c::C { crate::c::C }\n",
        ),
        // After a test module, code still counts.
        (
            "c.rs",
            "pub struct C;\n#[cfg(test)]\nmod t { use crate::a::Thing; }\nfn g() { let _ = crate::b::f; }\n",
        ),
        // A path in a serde attribute's string is an import.
        ("d.rs", "#[serde(with = \"crate::e\")]\npub struct D;\n"),
        ("e.rs", "use crate::d::D;\n"),
    ];
    for (name, text) in files {
        std::fs::write(src.join(name), text).unwrap();
    }
    let found = circles(&imports(src));
    assert_eq!(
        found,
        [
            vec!["a/mod.rs".to_string(), "a/x.rs".to_string()],
            vec!["b.rs".to_string(), "c.rs".to_string()],
            vec!["d.rs".to_string(), "e.rs".to_string()]
        ]
    );
    // Broken apart (the shared type below both, the call through a `pub(super)` item), none.
    std::fs::write(src.join("c.rs"), "pub struct C;\npub(crate) fn g() {}\n").unwrap();
    std::fs::write(src.join("a/x.rs"), "pub struct Thing;\n").unwrap();
    std::fs::write(src.join("e.rs"), "pub struct E;\n").unwrap();
    assert!(circles(&imports(src)).is_empty());
}

#[test]
fn authorization_is_called_from_the_core_s_entry_point_only() {
    // The nouns (`orgs`, `users`, `keys`, …) get what authorization decided (`core::actor`)
    // and never decide it themselves: only `core/mod.rs` (its `change!`/`read!`) imports
    // `core/authz.rs`.
    let graph = imports(&Path::new(env!("CARGO_MANIFEST_DIR")).join("src"));
    let callers: Vec<&str> = graph
        .iter()
        .filter(|(_, to)| to.contains("core/authz.rs"))
        .map(|(from, _)| from.as_str())
        .collect();
    assert_eq!(callers, ["core/mod.rs"], "files importing core/authz.rs");
    // Nor by a name a glob or a macro brought in: the word itself, outside the entry points.
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/core");
    let mut files = Vec::new();
    sources(&root, &mut files);
    let named: Vec<String> = files
        .iter()
        .filter(|f| {
            !["mod.rs", "run.rs", "authz.rs"]
                .iter()
                .any(|n| f.ends_with(n))
                || f.parent() != Some(&*root)
        })
        .filter(|f| {
            tokens(&code_of(&std::fs::read_to_string(f).unwrap()))
                .iter()
                .any(|t| t == "authz")
        })
        .map(|f| f.display().to_string())
        .collect();
    assert!(named.is_empty(), "authz named in {named:?}");
}
