//! The checked-in completions and man pages match the clap definitions.

use std::path::Path;

const REGENERATE: &str = "run `scripts/regen-docs` and commit the result";

#[test]
fn completions_are_fresh_for_five_shells() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    for shell in platctl::docs::SHELLS {
        let file = root
            .join("completions")
            .join(platctl::docs::completion_file_name(shell));
        let checked_in = std::fs::read_to_string(&file)
            .unwrap_or_else(|_| panic!("{} is missing: {REGENERATE}", file.display()));
        assert!(
            checked_in == platctl::docs::completion_script(shell),
            "{} is stale: {REGENERATE}",
            file.display()
        );
    }
}

#[test]
fn man_pages_are_fresh_one_per_subcommand() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("man");
    let pages = platctl::docs::man_pages().unwrap();
    let names: Vec<&str> = pages.iter().map(|(n, _)| n.as_str()).collect();
    for expected in [
        "platctl.1",
        "platctl-migrate.1",
        "platctl-migrate-run.1",
        "platctl-init.1",
    ] {
        assert!(names.contains(&expected), "no man page {expected}");
    }
    for (name, page) in &pages {
        let file = dir.join(name);
        let checked_in = std::fs::read(&file)
            .unwrap_or_else(|_| panic!("{} is missing: {REGENERATE}", file.display()));
        assert!(
            checked_in == *page,
            "{} is stale: {REGENERATE}",
            file.display()
        );
    }
    let on_disk = std::fs::read_dir(&dir).unwrap().count();
    assert_eq!(
        on_disk,
        pages.len(),
        "man/ holds pages for commands that no longer exist: {REGENERATE}"
    );
}

#[test]
fn completions_command_prints_the_script() {
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_platctl"))
        .args(["completions", "bash"])
        .output()
        .unwrap();
    assert!(out.status.success());
    assert_eq!(
        String::from_utf8_lossy(&out.stdout),
        platctl::docs::completion_script(platctl::cli::Shell::Bash)
    );
}

#[test]
fn the_readme_carries_the_generated_tables() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let mut readme = std::fs::read_to_string(&path).unwrap();
    let mut stale = Vec::new();
    for (name, table) in [
        ("matrix", platctl::core::catalogue::markdown_matrix()),
        ("operations", platctl::proto::ops::markdown_table()),
        ("settings", platctl::settings::markdown_table()),
        ("routes", platctl::serve::routes::markdown_table()),
    ] {
        let (start, end) = (
            format!("<!-- {name}:start -->\n"),
            format!("<!-- {name}:end -->"),
        );
        let (Some(a), Some(b)) = (readme.find(&start), readme.find(&end)) else {
            panic!("README.md lacks the {start:?} ... {end:?} markers");
        };
        if readme[a + start.len()..b] != table {
            stale.push(format!(
                "the README's {name} table is stale; expected:\n{table}"
            ));
            readme = format!("{}{table}{}", &readme[..a + start.len()], &readme[b..]);
        }
    }
    if stale.is_empty() {
        return;
    }
    if std::env::var_os("PLATCTL_REGENERATE").is_some() {
        std::fs::write(&path, readme).unwrap();
        return;
    }
    panic!("{}\n{REGENERATE}", stale.join("\n"));
}

#[test]
fn the_openapi_document_is_fresh() {
    let file = Path::new(env!("CARGO_MANIFEST_DIR")).join("openapi.json");
    let generated = platctl::serve::openapi_json();
    if std::env::var_os("PLATCTL_REGENERATE").is_some() {
        std::fs::write(&file, &generated).unwrap();
        return;
    }
    let checked_in = std::fs::read_to_string(&file)
        .unwrap_or_else(|_| panic!("{} is missing: {REGENERATE}", file.display()));
    assert!(
        checked_in == generated,
        "{} is stale: {REGENERATE}",
        file.display()
    );
}

/// The OpenAPI document as generators read it: `openapi-spec-validator` and `@redocly/cli
/// lint` (recommended rules) find no error. (Redocly warns that the five public routes — the
/// probes, `/metrics`, the document itself — document no 4xx answer: they have none.)
#[test]
fn the_openapi_document_passes_openapi_spec_validator_and_redocly_lint() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("openapi.json");
    std::fs::write(&file, platctl::serve::openapi_json()).unwrap();
    let file = file.to_str().unwrap();
    let python = crate::common::test_python();
    let checked = crate::common::outside(
        python.to_str().unwrap(),
        "python3",
        &[
            "-c",
            "import json, sys\n\
             from openapi_spec_validator import validate\n\
             validate(json.load(open(sys.argv[1])))\n\
             print('valid')",
            file,
        ],
        "",
    );
    assert_eq!(checked.trim(), "valid");
    let redocly = root.join("target/tools/npm/node_modules/.bin/redocly");
    assert!(
        redocly.exists(),
        "this test needs @redocly/cli at {} (scripts/test installs it: npm install --prefix \
         target/tools/npm @redocly/cli@2.77.0)",
        redocly.display()
    );
    let lint = std::process::Command::new(&redocly)
        .args(["lint", "--format=summary", file])
        .current_dir(dir.path())
        .env("REDOCLY_TELEMETRY", "off")
        .env("REDOCLY_SUPPRESS_UPDATE_NOTICE", "true")
        .output()
        .unwrap();
    let said = format!(
        "{}{}",
        String::from_utf8_lossy(&lint.stdout),
        String::from_utf8_lossy(&lint.stderr)
    );
    assert!(lint.status.success(), "redocly lint:\n{said}");
    assert!(
        !said.lines().any(|l| l.starts_with("error")),
        "redocly lint:\n{said}"
    );
    assert!(
        said.contains("Your API description is valid"),
        "redocly lint:\n{said}"
    );
}
