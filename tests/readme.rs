//! The README's examples are real: each command shown runs, and every line of output shown
//! (outside "..." elisions) appears verbatim in what the command prints today.
#![cfg(feature = "cli")]

use std::process::Command;

fn readme_block(after: &str) -> Vec<String> {
    let readme = include_str!("../README.md");
    let start = readme.find(after).unwrap_or_else(|| panic!("README has no {after:?}"));
    let body = &readme[start..];
    let open = body.find("```text\n").unwrap() + "```text\n".len();
    let close = body[open..].find("```").unwrap();
    body[open..open + close].lines().map(str::to_string).collect()
}

fn run(args: &[&str]) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_fordeling"))
        .args(args)
        .current_dir(env!("CARGO_MANIFEST_DIR"))
        .output()
        .unwrap();
    String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr)
}

fn assert_shown_lines_appear(block: &[String], output: &str) {
    for line in block.iter().filter(|l| !l.trim().is_empty() && l.trim() != "..." && !l.starts_with('$')) {
        assert!(output.contains(line.as_str()), "README line not in the output:\n{line}\n--- output ---\n{output}");
    }
}

#[test]
fn readme_demo_output_is_current() {
    assert_shown_lines_appear(&readme_block("## What a controller gets"), &run(&["demo"]));
}

#[test]
fn readme_explain_output_is_current() {
    let out = run(&[
        "explain",
        "--policy",
        "examples/policy.toml",
        "--case",
        "examples/case-ishoj.toml",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--format",
        "table",
    ]);
    assert_shown_lines_appear(&readme_block("Every number can be explained"), &out);
}

#[test]
fn readme_error_example_is_current() {
    let dir = std::env::temp_dir().join(format!("fordeling-readme-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("bad.toml");
    std::fs::write(
        &bad,
        "id = \"x\"\n[child]\nbirth_date = \"2020-01-15\"\nsignificant_permanent_disability = true\nhandlekommune = [{ municipality = \"ishoj\", from = \"2020-01-15\" }]\n[[services]]\nid = \"s1\"\nservice = \"merudgift\"\namount = \"12.50\"\nper = \"month\"\nfrom = \"2025-02-30\"\n",
    )
    .unwrap();
    let out = run(&["split", "--policy", "examples/policy.toml", "--case", bad.to_str().unwrap()]);
    let block = readme_block("Every error names the document");
    let shown = block.iter().find(|l| l.starts_with("error:")).unwrap();
    assert!(out.contains(shown.as_str()), "{out}");
}

#[test]
fn readme_reimbursement_examples_are_current() {
    let args = [
        "split",
        "--policy",
        "examples/policy.toml",
        "--case",
        "examples/case-ishoj.toml",
        "--sibling",
        "examples/case-ishoj-sibling.toml",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "--format",
        "table",
    ];
    assert_shown_lines_appear(&readme_block("A household of two"), &run(&args));
    let mut explain = args;
    explain[0] = "explain";
    assert_shown_lines_appear(&readme_block("shows each month's computation"), &run(&explain));
}

#[test]
fn readme_batch_example_is_current() {
    let dir = std::env::temp_dir().join(format!("fordeling-readme-batch-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (out, postings) = (dir.join("results.jsonl"), dir.join("postings.csv"));
    let output = run(&[
        "batch",
        "--policy",
        "examples/policy.toml",
        "--cases",
        "examples/batch-lines.csv",
        "--from",
        "2024-01-01",
        "--to",
        "2024-12-31",
        "-o",
        out.to_str().unwrap(),
        "--postings",
        postings.to_str().unwrap(),
    ]);
    assert_shown_lines_appear(&readme_block("### Batch runs"), &output);
}

/// The workbook commands shown in the README run, and the workbooks they write read back.
#[test]
fn readme_workbook_commands_run() {
    let readme = include_str!("../README.md");
    let start = readme.find("### Workbooks (.xlsx, .ods)").unwrap();
    let body = &readme[start..];
    let open = body.find("```bash\n").unwrap() + "```bash\n".len();
    let close = body[open..].find("```").unwrap();
    let dir = std::env::temp_dir().join(format!("fordeling-readme-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let mut ran = 0;
    for line in body[open..open + close].lines() {
        let mut args: Vec<String> = line.split_whitespace().skip(1).map(str::to_string).collect();
        let written = args.iter().position(|a| a == "-o").map(|i| dir.join(&args[i + 1]));
        if let Some(path) = &written {
            let i = args.iter().position(|a| a == "-o").unwrap();
            args[i + 1] = path.display().to_string();
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        let out = run(&args);
        match written {
            Some(path) => {
                let wb = fordeling::contract::xlsx::read_workbook(&std::fs::read(&path).unwrap()).unwrap();
                assert!(wb.case.is_some(), "{line}: {out}");
            }
            None => assert!(out.contains("530206.44"), "{line}: {out}"),
        }
        ran += 1;
    }
    assert_eq!(ran, 4);
    std::fs::remove_dir_all(&dir).unwrap();
}

/// The household example: the brother is eligible through his family.
#[test]
fn readme_household_example_is_current() {
    let args = [
        "explain",
        "--policy",
        "examples/policy.toml",
        "--case",
        "examples/case-ishoj-sibling.toml",
        "--sibling",
        "examples/case-ishoj.toml",
        "--from",
        "2024-07-01",
        "--to",
        "2024-12-31",
    ];
    assert_shown_lines_appear(&readme_block("has one sector area of\nhis own"), &run(&args));
}

#[test]
fn readme_portfolio_example_is_current() {
    let out = run(&[
        "portfolio",
        "--policy",
        "examples/year/policy.toml",
        "--cases",
        "examples/year/cases",
        "--year",
        "2025",
        "--booked-through",
        "2025-09",
        "--budget",
        "examples/year/budget.csv",
    ]);
    assert_shown_lines_appear(&readme_block("## Following the year"), &out);
}

#[test]
fn readme_profile_export_is_current() {
    let out = run(&[
        "postings",
        "--policy",
        "examples/policy.toml",
        "--case",
        "examples/case-ishoj.toml",
        "--from",
        "2024-01-01",
        "--to",
        "2024-01-31",
        "--profile",
        "dansk",
    ]);
    assert_shown_lines_appear(&readme_block("### Postings for a finance system"), &out);
}

// ---- financing (branch finance) ----
#[test]
fn readme_pool_output_is_current() {
    let out = run(&[
        "portfolio",
        "--policy",
        "examples/year/policy-pool.toml",
        "--cases",
        "examples/year/cases",
        "--year",
        "2025",
        "--booked-through",
        "2025-09",
    ]);
    assert_shown_lines_appear(&readme_block("### Financing: a pool"), &out);
}

#[test]
fn readme_follow_up_example_is_current() {
    let out = run(&[
        "portfolio",
        "--policy",
        "examples/followup/policy.toml",
        "--cases",
        "examples/followup/cases",
        "--year",
        "2025",
        "--booked-through",
        "2025-09",
    ]);
    assert_shown_lines_appear(&readme_block("### Follow-up"), &out);
}

// ---- co-financing and scenarios (branch cofinancing) ----

#[test]
fn readme_grant_output_is_current() {
    let out = run(&[
        "portfolio",
        "--policy",
        "examples/year/policy-grant.toml",
        "--cases",
        "examples/year/cases",
        "--year",
        "2025",
        "--booked-through",
        "2025-06",
    ]);
    assert_shown_lines_appear(&readme_block("### Co-financing: a grant\n\nA grant"), &out);
}

#[test]
fn readme_scenario_output_is_current() {
    let out = run(&[
        "--lang",
        "da",
        "portfolio",
        "--policy",
        "examples/year/policy.toml",
        "--scenario",
        "examples/year/policy-scenario.toml",
        "--cases",
        "examples/year/cases",
        "--year",
        "2025",
        "--booked-through",
        "2025-09",
    ]);
    assert_shown_lines_appear(&readme_block("### Scenarios\n\n`--scenario`"), &out);
}

#[test]
fn readme_financed_scenario_output_is_current() {
    let out = run(&[
        "portfolio",
        "--policy",
        "examples/year/policy.toml",
        "--scenario",
        "examples/year/policy-grant.toml",
        "--cases",
        "examples/year/cases",
        "--year",
        "2025",
        "--booked-through",
        "2025-06",
    ]);
    assert_shown_lines_appear(&readme_block("The grant of `examples/year/policy-grant.toml` as a scenario"), &out);
}
