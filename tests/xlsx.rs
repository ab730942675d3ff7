//! Workbooks: the template round trip, results with exact cached totals, workbooks typed the Excel
//! way, and every bad workbook with its named error. `examples/template.xlsx` is checked to be what
//! the writer makes today; `FORDELING_WRITE_TEMPLATE=1 cargo test --features xlsx --test xlsx`
//! rewrites it.
#![cfg(feature = "xlsx")]

mod harness;

use fordeling::contract::xlsx::{self, Cell, Sheet};
use fordeling::contract::{handle, Command, Output, Request, Response};
use fordeling::example;
use serde_json::{json, Value};

/// The `parse` answer (policy and case documents as JSON) for a policy and case.
fn parsed(policy: Value, case: Option<Value>) -> Value {
    let r = handle(Request { case: case.map(Into::into), ..Request::new(Command::Parse, policy.into()) });
    assert!(r.is_ok(), "{}", r.to_json());
    serde_json::from_str::<Value>(&r.to_json()).unwrap()["result"].clone()
}

fn template() -> Vec<u8> {
    xlsx::template(example::POLICY.into(), Some(example::CASE.into())).unwrap()
}

/// The template's sheets, to change a cell and write it again.
fn template_sheets() -> Vec<Sheet> {
    let docs =
        handle(Request { case: Some(example::CASE.into()), ..Request::new(Command::Parse, example::POLICY.into()) });
    let Response::Ok { result, .. } = docs else { panic!() };
    let Output::Parse { policy, case } = *result else { panic!() };
    xlsx::template_sheets(&policy, case.as_ref())
}

fn sheet<'a>(sheets: &'a mut [Sheet], name: &str) -> &'a mut Sheet {
    sheets.iter_mut().find(|s| s.name == name).unwrap()
}

fn errors_of(bytes: &[u8]) -> Vec<String> {
    xlsx::read_workbook(bytes).unwrap_err().iter().map(ToString::to_string).collect()
}

#[test]
fn template_reads_back_as_the_example_documents() {
    let wb = xlsx::read_workbook(&template()).unwrap();
    let want = parsed(example::POLICY.into(), Some(example::CASE.into()));
    let got = parsed(wb.policy.clone().unwrap(), wb.case.clone());
    assert_eq!(got, want);
    // fysio, tale, syn, støtte: one row each (2-5); specialbørnehave two legal bases (6-7); praktisk medhjælp 8.
    assert_eq!(wb.origin("policy", "services[6] 'aflastning'").unwrap().to_string(), "services, row 9");
    assert_eq!(wb.origin("case", "services[3].amount").unwrap().to_string(), "case services, row 5");
    assert_eq!(wb.origin("policy", "reimbursement.levels[0]").unwrap().to_string(), "reimbursement, row 2");
}

#[test]
fn committed_template_is_what_the_writer_makes() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/template.xlsx");
    let bytes = template();
    if std::env::var_os("FORDELING_WRITE_TEMPLATE").is_some() {
        std::fs::write(path, &bytes).unwrap();
    }
    assert!(
        std::fs::read(path).unwrap() == bytes,
        "examples/template.xlsx is stale: FORDELING_WRITE_TEMPLATE=1 rewrites it"
    );
}

#[test]
fn sum_formulas_of_a_result_workbook_cache_exact_totals() {
    let request = Request {
        case: Some(example::CASE.into()),
        period: example::CASES[0].period(),
        lang: fordeling::Lang::Da,
        ..Request::new(Command::Split, example::POLICY.into())
    };
    let bytes = xlsx::response_workbook(request).unwrap();
    let cells = xlsx::read_cells(&bytes).unwrap();
    let names: Vec<&str> = cells.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names[..6], ["Forside", "Pr. afdeling", "Pr. kommune", "Pr. måned og afdeling", "Linjer", "Kriterier"]);
    assert!(names.contains(&"Sagens ydelser"), "the case travels with the result, in Danish");
    let mut formulas = 0;
    for s in cells.as_array().unwrap() {
        let cells = s["cells"].as_array().unwrap();
        let value = |r: &str| cells.iter().find(|c| c["ref"] == r).map_or(0, |c| ore(c["text"].as_str().unwrap()));
        for c in cells.iter().filter(|c| c.get("formula").is_some()) {
            formulas += 1;
            let f = c["formula"].as_str().unwrap();
            let range = f.strip_prefix("SUM(").and_then(|f| f.strip_suffix(')')).unwrap();
            let (a, b) = range.split_once(':').unwrap();
            let (ca, ra) = split_ref(a);
            let (cb, rb) = split_ref(b);
            let mut total = 0;
            for r in ra..=rb {
                for col in ca..=cb {
                    total += value(&xlsx::cell_name(r - 1, col));
                }
            }
            assert_eq!(total, ore(c["text"].as_str().unwrap()), "{}: {f}", s["name"]);
        }
    }
    assert!(formulas > 10, "{formulas} formulas");
    let first = &cells[1]["cells"];
    let last_total = first.as_array().unwrap().iter().rev().find(|c| c.get("formula").is_some()).unwrap();
    assert_eq!(last_total["text"], "530206.44");
    // The case sheets load again as the case.
    let wb = xlsx::read_workbook(&bytes).unwrap();
    assert!(wb.policy.is_none());
    assert_eq!(parsed(example::POLICY.into(), wb.case), parsed(example::POLICY.into(), Some(example::CASE.into())));
}

fn ore(s: &str) -> i64 {
    let d: rust_decimal::Decimal = s.parse().unwrap();
    i64::try_from(d * rust_decimal::Decimal::from(100)).unwrap()
}

fn split_ref(r: &str) -> (u32, u32) {
    let letters: String = r.chars().take_while(char::is_ascii_uppercase).collect();
    let col = letters.bytes().fold(0u32, |n, b| n * 26 + u32::from(b - b'A' + 1)) - 1;
    (col, r[letters.len()..].parse().unwrap())
}

#[test]
fn every_command_writes_a_workbook() {
    for command in [Command::Split, Command::Explain, Command::Postings, Command::Compare] {
        let request = Request {
            case: Some(example::CASE.into()),
            previous_case: Some(example::CASE.into()),
            period: example::CASES[0].period(),
            ..Request::new(command, example::POLICY.into())
        };
        let bytes = xlsx::response_workbook(request).unwrap();
        let cells = xlsx::read_cells(&bytes).unwrap();
        let names: Vec<&str> = cells.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
        let own = match command {
            Command::Explain => "Explanation",
            Command::Postings => "Postings",
            Command::Compare => "Changes",
            _ => "Per department",
        };
        assert!(names.contains(&own), "{command:?}: {names:?}");
    }
    let refused = xlsx::response_workbook(Request::new(Command::Split, example::POLICY.into())).unwrap_err();
    assert!(refused.to_json().contains("the case is missing"));
}

#[test]
fn a_case_typed_the_excel_way() {
    let text = |s: &str| Cell::Text(s.into());
    let sheets = vec![
        Sheet {
            name: "Case".into(),
            rows: vec![
                ["id", "birth_date", "significant_permanent_disability", "handlekommune", "consent_from"]
                    .map(text)
                    .to_vec(),
                vec![text("sag-x"), Cell::Number(43599.0), text("ja"), text("ishoj"), Cell::Number(45292.0)],
            ],
            pie: None,
            lists: Vec::new(),
            cover: false,
        },
        Sheet {
            name: "Case services".into(),
            rows: vec![
                ["Id", "Service", "Amount", "Per", "From", "To"].map(text).to_vec(),
                vec![
                    text("s1"),
                    text("merudgift"),
                    text("3.400,50"),
                    text("måned"),
                    Cell::Number(45292.0),
                    text("31-12-2024"),
                ],
                vec![
                    text("s2"),
                    text("aflastning"),
                    Cell::Number(96000.0),
                    text("år"),
                    Cell::Number(45292.0),
                    Cell::Number(45657.0),
                ],
                vec![text("s3"), text("aflastning"), Cell::Number(0.1 + 0.2), text("Engang"), text("2024-03-01")],
            ],
            pie: None,
            lists: Vec::new(),
            cover: false,
        },
    ];
    let wb = xlsx::read_workbook(&xlsx::write_sheets(&sheets).unwrap()).unwrap();
    let case = wb.case.unwrap();
    assert_eq!(
        case["child"],
        json!({ "birth_date": "2019-05-14", "significant_permanent_disability": true,
        "handlekommune": [{ "municipality": "ishoj", "from": "2019-05-14" }] })
    );
    assert_eq!(case["consent"], json!([{ "from": "2024-01-01" }]));
    let s = &case["services"];
    assert_eq!(
        s[0],
        json!({ "id": "s1", "service": "merudgift", "amount": "3400.50", "per": "month", "from": "2024-01-01", "to": "2024-12-31" })
    );
    assert_eq!(s[1]["amount"], "96000.00");
    assert_eq!(s[1]["to"], "2024-12-31");
    assert_eq!(s[2]["amount"], "0.30", "f64 cells to 15 significant digits");
    assert_eq!(s[2]["per"], "once");
    let request = Request {
        case: Some(
            json!({ "id": case["id"], "child": case["child"], "consent": case["consent"],
        "services": [s[0], s[1]] })
            .into(),
        ),
        ..Request::new(Command::Split, example::POLICY.into())
    };
    let answer: Value = serde_json::from_str(&handle(request).to_json()).unwrap();
    assert_eq!(answer["result"]["totals"]["case"], "136806.00", "12 x 3400.50 + 96000");
}

#[test]
fn every_bad_workbook_names_its_place() {
    assert_eq!(errors_of(b"id,amount\n"), ["not an .xlsx or .ods workbook (nor .xls)"]);
    assert_eq!(errors_of(&vec![0u8; 21 * 1024 * 1024]), ["the file is larger than 20 MB"]);
    let mut sheets = template_sheets();
    sheet(&mut sheets, "departments").rows[0].push(Cell::Text("colour".into()));
    sheet(&mut sheets, "eligibility").rows[1][3] = Cell::Text("maybe".into());
    sheet(&mut sheets, "municipalities").rows[1][2] = Cell::Text("18.5".into());
    let errors = errors_of(&xlsx::write_sheets(&sheets).unwrap());
    assert_eq!(
        errors,
        [
            "municipalities!C2: '18.5' is not a whole number",
            "departments!E1: unknown column 'colour' (expected id, name, municipality, sectors)",
            "eligibility!D2: 'maybe' is not yes/no (ja/nej)",
        ]
    );
    let mut sheets = template_sheets();
    sheets.retain(|s| s.name != "services");
    sheet(&mut sheets, "policy").rows.truncate(1);
    assert_eq!(
        errors_of(&xlsx::write_sheets(&sheets).unwrap()),
        ["policy: the row under the header needs the policy's name", "services: sheet missing"]
    );
    let mut sheets = template_sheets();
    sheets.retain(|s| s.name != "case services");
    sheet(&mut sheets, "case").rows.truncate(1);
    assert_eq!(
        errors_of(&xlsx::write_sheets(&sheets).unwrap()),
        ["case: the row under the header needs the case", "case services: sheet missing"]
    );
}

/// A document error found by the library names the sheet and row the item came from.
#[test]
fn document_errors_name_their_row() {
    let mut sheets = template_sheets();
    sheet(&mut sheets, "departments").rows[2][2] = Cell::Text("nowhere".into());
    sheet(&mut sheets, "case services").rows[2][2] = Cell::Text("abc".into());
    let wb = xlsx::read_workbook(&xlsx::write_sheets(&sheets).unwrap()).unwrap();
    let shown = |r: Response| {
        let Response::Error { errors, .. } = r else { panic!("refused") };
        errors
            .iter()
            .map(|e| format!("{}: {}", wb.origin(e.kind.as_str(), &e.item).unwrap(), e.message))
            .collect::<Vec<_>>()
    };
    let policy = shown(handle(Request::new(Command::Check, wb.policy.clone().unwrap().into())));
    assert!(
        policy[0].starts_with("departments, row 3: ") && policy[0].contains("unknown municipality 'nowhere'"),
        "{policy:?}"
    );
    let case = shown(handle(Request {
        case: wb.case.clone().map(Into::into),
        period: example::CASES[0].period(),
        ..Request::new(Command::Split, example::POLICY.into())
    }));
    assert!(case[0].starts_with("case services, row 3: ") && case[0].contains("not a number"), "{case:?}");
}

/// A part that inflates beyond the limit is refused before calamine reads it.
#[test]
fn a_zip_bomb_is_refused() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    zip.start_file("xl/workbook.xml", zip::write::SimpleFileOptions::default()).unwrap();
    let zeros = vec![0u8; 1 << 20];
    for _ in 0..65 {
        zip.write_all(&zeros).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    assert!(bytes.len() < 1 << 20, "{} bytes", bytes.len());
    assert_eq!(errors_of(&bytes), ["xl/workbook.xml: a part of the workbook is too large once unpacked"]);
}

/// A zip of more parts than the limit is refused, saying which limit, before any part is inflated.
#[test]
fn a_zip_of_too_many_parts_is_refused() {
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    for i in 0..=xlsx::MAX_PARTS {
        zip.start_file(format!("xl/p{i}.xml"), zip::write::SimpleFileOptions::default()).unwrap();
    }
    let bytes = zip.finish().unwrap().into_inner();
    let errors = xlsx::read_workbook(&bytes).unwrap_err();
    assert_eq!(errors[0].to_string(), format!("has more than {} parts", xlsx::MAX_PARTS));
    assert_eq!(errors[0].limit, Some(xlsx::WorkbookLimit::Parts));
}

/// The CLI reads workbooks wherever it reads a policy or a case, and writes `--format xlsx`.
#[cfg(feature = "cli")]
#[test]
fn cli_reads_and_writes_workbooks() {
    use std::process::Command as Run;
    let dir = std::env::temp_dir().join(format!("fordeling-xlsx-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let template = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/template.xlsx");
    let out = dir.join("result.xlsx");
    let run = |args: &[&str]| Run::new(env!("CARGO_BIN_EXE_fordeling")).args(args).output().unwrap();
    let period = ["--from", "2024-01-01", "--to", "2024-12-31"];
    let o = run(&[
        &["split", "--policy", template, "--case", template, "--format", "xlsx", "-o", out.to_str().unwrap()][..],
        &period,
    ]
    .concat());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let cells = xlsx::read_cells(&std::fs::read(&out).unwrap()).unwrap();
    assert_eq!(cells[0]["name"], "Cover");
    assert_eq!(cells[1]["name"], "Per department");
    assert!(cells[1]["cells"]
        .as_array()
        .unwrap()
        .iter()
        .any(|c| c["text"] == "530206.44" && c.get("formula").is_some()));
    // The same split from TOML, as JSON: the same total.
    let toml = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/");
    let (policy, case) = (format!("{toml}policy.toml"), format!("{toml}case-ishoj.toml"));
    let o = run(&[&["split", "--policy", template, "--case", &case][..], &period].concat());
    let answer: Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(answer["result"]["totals"]["case"], "530206.44");
    for command in ["explain", "postings", "compare"] {
        let mut args =
            vec![command, "--policy", &policy, "--case", &case, "--format", "xlsx", "-o", out.to_str().unwrap()];
        if command == "compare" {
            args.extend(["--previous", &case]);
        }
        let o = run(&[&args[..], &period].concat());
        assert!(o.status.success(), "{command}: {}", String::from_utf8_lossy(&o.stderr));
        assert!(xlsx::read_workbook(&std::fs::read(&out).unwrap()).unwrap().case.is_some());
    }
    let o = run(&["split", "--policy", &policy, "--case", &case, "--format", "xlsx"]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("name the file with --output"));
    // A document error names the sheet and row; a workbook error its cell.
    let mut sheets = template_sheets();
    sheet(&mut sheets, "departments").rows[2][2] = Cell::Text("nowhere".into());
    let bad = dir.join("bad.xlsx");
    std::fs::write(&bad, xlsx::write_sheets(&sheets).unwrap()).unwrap();
    let o = run(&["check", bad.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&o.stderr);
    assert!(stderr.contains("error: departments, row 3: policy: departments[1] 'ishoj-cdu'"), "{stderr}");
    sheet(&mut sheets, "departments").rows[0].push(Cell::Text("colour".into()));
    std::fs::write(&bad, xlsx::write_sheets(&sheets).unwrap()).unwrap();
    let o = run(&["check", bad.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.xlsx: departments!E1: unknown column 'colour'"));
    let o = run(&["split", "--policy", &policy, "--case", bad.to_str().unwrap()]);
    assert!(String::from_utf8_lossy(&o.stderr).contains("bad.xlsx: departments!E1"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A part that inflates to more than its declared size is refused at that size (the zip reader
/// checks the CRC there), without inflating the rest.
#[test]
fn a_zip_that_lies_about_a_size_is_refused() {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default();
    zip.start_file("xl/workbook.xml", options).unwrap();
    zip.write_all(&vec![0u8; 4 << 20]).unwrap();
    let mut bytes = zip.finish().unwrap().into_inner();
    // Declare 10 bytes in the local header and in the central directory.
    for sig in [[0x50, 0x4b, 3, 4], [0x50, 0x4b, 1, 2]] {
        let at = bytes.windows(4).position(|w| w == sig).unwrap();
        let size_at = at + if sig[2] == 3 { 22 } else { 24 };
        bytes[size_at..size_at + 4].copy_from_slice(&10u32.to_le_bytes());
    }
    let started = std::time::Instant::now();
    let errors = errors_of(&bytes);
    assert_eq!(errors, ["xl/workbook.xml: cannot be unpacked (damaged, or not the size the zip's directory says)"]);
    assert!(started.elapsed().as_secs() < 5);
}

/// Every sheet prints on A4 one page wide, with its header row on every page; wide sheets landscape.
#[test]
fn result_sheets_print_one_page_wide_with_their_header_repeated() {
    let request = Request {
        period: example::CASES[0].period(),
        case: Some(example::CASES[0].case.into()),
        ..Request::new(Command::Split, example::POLICY.into())
    };
    let bytes = xlsx::response_workbook(request).unwrap();
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let part = |zip: &mut zip::ZipArchive<std::io::Cursor<Vec<u8>>>, name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let workbook = part(&mut zip, "xl/workbook.xml");
    assert!(workbook.contains("_xlnm.Print_Titles"), "{workbook}");
    // The cover is sheet 1; the lines are sheet 5.
    let cover = part(&mut zip, "xl/worksheets/sheet1.xml");
    assert!(cover.contains(r#"orientation="portrait""#) && cover.contains(r#"fitToHeight="0""#), "{cover}");
    let lines = part(&mut zip, "xl/worksheets/sheet5.xml");
    assert!(lines.contains(r#"<pageSetUpPr fitToPage="1"/>"#), "{lines}");
    assert!(lines.contains(r#"paperSize="9""#) && lines.contains(r#"orientation="landscape""#), "{lines}");
    assert!(lines.contains(r#"fitToHeight="0""#), "{lines}");
}

#[test]
fn agreement_audit_fields_round_trip_through_the_case_sheets() {
    let case: toml::Value = toml::from_str(example::CASE).unwrap();
    let mut case = serde_json::to_value(case).unwrap();
    let agreements = case["agreements"].as_array_mut().unwrap();
    agreements[0]["decided_by"] = json!("coordination_group");
    agreements[0]["decided_on"] = json!("2023-12-14");
    agreements[0]["journal"] = json!("27.24.00-G01-3-23");
    agreements[1]["decided_by"] = json!({ "role": "centerchef" });
    let bytes = xlsx::template(example::POLICY.into(), Some(case.clone().into())).unwrap();
    let wb = xlsx::read_workbook(&bytes).unwrap();
    let got = parsed(wb.policy.clone().unwrap(), wb.case.clone());
    assert_eq!(got, parsed(example::POLICY.into(), Some(case)));
    assert_eq!(got["case"]["agreements"][0]["decided_by"], "coordination_group");
    assert_eq!(got["case"]["agreements"][0]["journal"], "27.24.00-G01-3-23");
    assert_eq!(got["case"]["agreements"][1]["decided_by"], json!({ "role": "centerchef" }));
}

/// Writes a case (with its policy) as the template and reads it back: the `parse` answers agree.
/// `None` if the pair does not parse (an error case).
fn round_trip(policy: Value, case: Value, lang: fordeling::Lang) -> Option<(Value, Value)> {
    let r = handle(Request { case: Some(case.clone().into()), ..Request::new(Command::Parse, policy.clone().into()) });
    if !r.is_ok() {
        return None;
    }
    let want = parsed(policy.clone(), Some(case.clone()));
    let bytes = xlsx::template_in(policy.into(), Some(case.into()), lang).unwrap();
    let wb = xlsx::read_workbook(&bytes).unwrap_or_else(|e| panic!("{e:?}"));
    Some((parsed(wb.policy.unwrap(), wb.case), want))
}

fn read_text(path: &std::path::Path) -> Value {
    Value::String(std::fs::read_to_string(path).unwrap())
}

#[test]
fn every_example_case_round_trips_through_a_workbook() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples");
    let sets = [("policy.toml", ""), ("followup/policy.toml", "followup/cases"), ("year/policy.toml", "year/cases")];
    let mut count = 0;
    for (policy, dir) in sets {
        let mut files: Vec<_> = std::fs::read_dir(root.join(if dir.is_empty() { "." } else { dir }))
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .filter(|p| !dir.is_empty() || p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("case")))
            .collect();
        files.sort();
        for file in files {
            for lang in [fordeling::Lang::En, fordeling::Lang::Da] {
                let (got, want) = round_trip(read_text(&root.join(policy)), read_text(&file), lang)
                    .unwrap_or_else(|| panic!("{} does not parse", file.display()));
                assert_eq!(got["case"], want["case"], "{} ({lang:?})", file.display());
                // The policies' `year` section (budget areas, follow-up) has no sheets: only the
                // example's main policy is compared whole.
                if dir.is_empty() {
                    assert_eq!(got["policy"], want["policy"], "{} ({lang:?})", file.display());
                }
                count += 1;
            }
        }
    }
    assert!(count >= 20, "{count} example cases");
}

/// Every golden case's case (and sibling, and portfolio case) that parses comes back the same from
/// a workbook: parents, consent `by`/`scope`, other cases' `person`, enrolment, discharge, baseline,
/// and lines per day, week, hour and unit among them.
#[test]
fn every_golden_case_round_trips_through_a_workbook() {
    let (mut count, mut failures) = (0, Vec::new());
    let mut seen = std::collections::BTreeSet::new();
    for path in harness::case_files() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(g) = harness::load(&name, &std::fs::read_to_string(&path).unwrap(), &harness::policy) else { continue };
        let Ok(req) = serde_json::from_str::<Value>(&g.request) else { continue };
        let cases = req.get("case").into_iter().chain(
            ["siblings", "cases"].iter().flat_map(|k| req.get(*k).and_then(Value::as_array).into_iter().flatten()),
        );
        // Every other case through the Danish template.
        for case in cases {
            let lang = if count % 2 == 0 { fordeling::Lang::En } else { fordeling::Lang::Da };
            let Some((got, want)) = round_trip(req["policy"].clone(), case.clone(), lang) else {
                continue;
            };
            let c = &want["case"];
            seen.extend(["parents", "enrolled", "discharged", "baseline"].into_iter().filter(|k| c.get(*k).is_some()));
            let any = |list: &str, f: &dyn Fn(&Value) -> bool| c[list].as_array().is_some_and(|l| l.iter().any(f));
            for (what, yes) in [
                ("consent by", any("consent", &|v| v.get("by").is_some())),
                ("consent scope", any("consent", &|v| v.get("scope").is_some())),
                ("person", any("other_cases", &|v| v.get("person").is_some())),
            ] {
                if yes {
                    seen.insert(what);
                }
            }
            for per in ["day", "week", "hour", "unit"] {
                if any("services", &|v| v["per"] == per) {
                    seen.insert(per);
                }
            }
            count += 1;
            if got["case"] != want["case"] {
                failures.push(format!("{name} ({lang:?}): {}\n   want {}", got["case"], want["case"]));
            }
        }
    }
    assert!(failures.is_empty(), "{} of {count} differ:\n{}", failures.len(), failures.join("\n"));
    println!("{count} golden cases round-trip through workbooks; fields seen: {seen:?}");
    assert!(count > 200, "{count} golden cases");
    assert_eq!(seen.len(), 11, "{seen:?}");
}

/// A result's cover: the case, the period and the calculation day as date cells (Excel serial days,
/// shown dd-mm-yyyy in Danish), the policy and its version, the cost, and lines to sign on.
#[test]
fn the_cover_names_case_period_policy_and_sign_off() {
    let request = Request {
        case: Some(example::CASE.into()),
        period: example::CASES[0].period(),
        today: Some("2024-03-05".parse().unwrap()),
        lang: fordeling::Lang::Da,
        ..Request::new(Command::Split, example::POLICY.into())
    };
    let bytes = xlsx::response_workbook(request).unwrap();
    let cells = xlsx::read_cells(&bytes).unwrap();
    let cover = &cells[0];
    assert_eq!(cover["name"], "Forside");
    let at =
        |r: &str| cover["cells"].as_array().unwrap().iter().find(|c| c["ref"] == r).cloned().unwrap_or(json!(null));
    let rows: Vec<(Value, Value)> =
        (1..=16).map(|r| (at(&format!("A{r}"))["text"].clone(), at(&format!("B{r}")))).collect();
    let row = |label: &str| rows.iter().find(|(l, _)| l == label).map(|(_, v)| v.clone()).unwrap();
    assert_eq!(row("Sag")["text"], "sag-2024-017");
    // 2024-01-01 is Excel's day 45292; 2024-12-31 day 45657; 2024-03-05 day 45356.
    assert_eq!(row("Periode fra")["number"], 45292.0);
    assert_eq!(row("Periode til")["number"], 45657.0);
    assert_eq!(row("Beregnet den")["number"], 45356.0);
    assert_eq!(row("Fordelingsmodel")["text"], "Fælles finansiering, Ishøj og Vallensbæk (eksempel)");
    assert_eq!(row("Sagens udgift i perioden")["text"], "530206.44");
    for label in ["Udarbejdet af", "Godkendt af", "Dato"] {
        assert!(rows.iter().any(|(l, _)| l == label), "{label}");
    }
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut styles = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("xl/styles.xml").unwrap(), &mut styles).unwrap();
    assert!(styles.contains(r#"formatCode="dd-mm-yyyy""#) && styles.contains(r#"formatCode="mm-yyyy""#), "{styles}");
}

/// The Danish template: the instructions first, Danish sheets and columns, yes/no and units in
/// Danish, lists to choose from, dates as date cells; read back it is the same policy and case.
#[test]
fn the_danish_template_reads_back_as_the_english_one() {
    let bytes = xlsx::template_in(example::POLICY.into(), Some(example::CASE.into()), fordeling::Lang::Da).unwrap();
    let cells = xlsx::read_cells(&bytes).unwrap();
    let names: Vec<&str> = cells.as_array().unwrap().iter().map(|s| s["name"].as_str().unwrap()).collect();
    assert_eq!(names[..4], ["Vejledning", "Fordelingsmodel", "Kommuner", "Afdelinger"]);
    assert!(names.contains(&"Sagens ydelser") && names.contains(&"Forældre") && names.contains(&"Samtykke"));
    let sheet = |n: &str| cells.as_array().unwrap().iter().find(|s| s["name"] == n).unwrap()["cells"].clone();
    let text = |n: &str, r: &str| sheet(n).as_array().unwrap().iter().find(|c| c["ref"] == r).unwrap()["text"].clone();
    assert_eq!(text("Sag", "D1"), "betydelig og varig funktionsnedsættelse");
    assert_eq!(text("Sag", "D2"), "ja");
    assert_eq!(text("Sagens ydelser", "D1"), "pr.");
    assert_eq!(text("Sagens ydelser", "D2"), "måned");
    // Sector areas and key kinds in words, not codes (the reader takes either).
    let all = serde_json::to_string(&cells).unwrap();
    assert!(all.contains("\"børne- og familieområdet\"") && all.contains("\"procent\""), "{all}");
    assert!(!all.contains("\"children_social\"") && !all.contains("\"percent\""), "{all}");
    // The birth date 2019-05-14 is a date cell: Excel's day 43599.
    assert_eq!(text("Sag", "C2"), "43599");
    let mut zip = zip::ZipArchive::new(std::io::Cursor::new(bytes.clone())).unwrap();
    let mut services = String::new();
    // Sheet 1 is the instructions, 12 the case services.
    std::io::Read::read_to_string(&mut zip.by_name("xl/worksheets/sheet12.xml").unwrap(), &mut services).unwrap();
    assert!(services.contains("<dataValidation ") && services.contains("'Ydelser'!$B$2:$B$1000"), "{services}");
    let wb = xlsx::read_workbook(&bytes).unwrap();
    let want = parsed(example::POLICY.into(), Some(example::CASE.into()));
    assert_eq!(parsed(wb.policy.unwrap(), wb.case), want);
    // A wrong Danish header is named by its cell, with the Danish columns the sheet takes.
    let mut sheets = xlsx::template_sheets_in(
        &serde_json::from_value(want["policy"].clone()).unwrap(),
        Some(&serde_json::from_value(want["case"].clone()).unwrap()),
        fordeling::Lang::Da,
    );
    sheets.iter_mut().find(|s| s.name == "Afdelinger").unwrap().rows[0][3] = Cell::Text("farve".into());
    assert_eq!(
        errors_of(&xlsx::write_sheets_in(&sheets, fordeling::Lang::Da).unwrap()),
        ["Afdelinger!D1: unknown column 'farve' (expected id, navn, kommune, sektorområder)"]
    );
    // The committed Danish template is what the writer makes.
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/examples/skabelon.xlsx");
    if std::env::var_os("FORDELING_WRITE_TEMPLATE").is_some() {
        std::fs::write(path, &bytes).unwrap();
    }
    assert!(
        std::fs::read(path).unwrap() == bytes,
        "examples/skabelon.xlsx is stale: FORDELING_WRITE_TEMPLATE=1 rewrites it"
    );
}

/// The portfolio workbook in Danish: departments and groups by id and name, booked months as ja/nej
/// (not the code yes/no), months as date cells (shown 06-2025 in Danish).
#[cfg(feature = "portfolio")]
#[test]
fn portfolio_sheets_in_danish_name_departments_and_say_ja_nej() {
    use fordeling::i18n::Lang;
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("examples/year");
    let read = |p: std::path::PathBuf| std::fs::read_to_string(p).unwrap();
    let mut files: Vec<_> = std::fs::read_dir(root.join("cases")).unwrap().map(|e| e.unwrap().path()).collect();
    files.sort();
    let cases: Vec<String> = files.into_iter().map(read).collect();
    let request = json!({
        "version": fordeling::contract::CONTRACT_VERSION,
        "command": "portfolio",
        "policy": read(root.join("policy-grant.toml")),
        "cases": cases,
        "year": 2025,
        "booked_through": "2025-06",
        "lang": "da",
    });
    let r = handle(serde_json::from_value::<Request>(request).unwrap());
    let Response::Ok { result, .. } = r else { panic!("{}", r.to_json()) };
    let sheets = xlsx::response_sheets(&result, None, Lang::Da);
    let text = |c: &Cell| match c {
        Cell::Text(s) => s.clone(),
        Cell::Date { d } => d.clone(),
        _ => String::new(),
    };
    let find = |name: &str| sheets.iter().find(|s| s.name == name).unwrap_or_else(|| panic!("no sheet {name}"));
    let departments = find("Portefølje");
    assert_eq!(departments.rows[0][..2].iter().map(text).collect::<Vec<_>>(), ["id", "navn"]);
    assert_eq!(departments.rows[1][..2].iter().map(text).collect::<Vec<_>>(), ["a-social", "Børn"]);
    let groups = find("Grupper");
    assert!(groups.rows.iter().any(|r| text(&r[1]) == "Børne- og Uddannelsesudvalget"));
    let months = find("Måneder");
    let booked: Vec<String> = months.rows[1..].iter().map(|r| text(&r[1])).collect();
    assert_eq!(booked, [["ja"; 6], ["nej"; 6]].concat());
    assert_eq!(text(&months.rows[6][0]), "2025-06", "a date cell; the workbook shows it as 06-2025");
}

/// A portfolio workbook with a scenario has its changes as a sheet, in the request's language:
/// the department's id and name, the year, gross, net and financed before, after and the change.
/// The scenario adds only a grant (`examples/year/policy-grant.toml`, README "Co-financing"): gross
/// and net stay, the financed cost falls by the grant's part (a-social 52,500.00).
#[test]
fn a_portfolio_workbook_holds_the_scenario() {
    let dir = std::env::temp_dir().join(format!("fordeling-xlsx-scenario-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let out = dir.join("portfolio.xlsx");
    let root = env!("CARGO_MANIFEST_DIR");
    for (lang, sheet_name, head, name) in [
        ("en", "Scenario", ["id", "name", "year", "gross before"], "Børn"),
        ("da", "Scenarie", ["id", "navn", "år", "brutto før"], "Børn"),
    ] {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
            .current_dir(root)
            .args(["--lang", lang, "portfolio", "--policy", "examples/year/policy.toml", "--scenario"])
            .args(["examples/year/policy-grant.toml", "--cases", "examples/year/cases", "--year", "2025"])
            .args(["--booked-through", "2025-06", "--format", "xlsx", "-o", out.to_str().unwrap()])
            .output()
            .unwrap();
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let cells = xlsx::read_cells(&std::fs::read(&out).unwrap()).unwrap();
        let sheet = cells.as_array().unwrap().iter().find(|s| s["name"] == sheet_name).expect(sheet_name);
        let text =
            |r: &str| sheet["cells"].as_array().unwrap().iter().find(|c| c["ref"] == r).map(|c| c["text"].clone());
        for (col, want) in ["A1", "B1", "C1", "D1"].iter().zip(head) {
            assert_eq!(text(col).unwrap(), want, "{lang} {col}");
        }
        let row2: Vec<Value> = "ABCDEFGHIJKL".chars().map(|c| text(&format!("{c}2")).unwrap()).collect();
        let want = ["a-social", name, "2025", "1368000", "1368000", "0", "1283000.04", "1283000.04", "0"];
        assert_eq!(&row2[..9], want.map(Value::from), "{lang}");
        assert_eq!(&row2[9..], ["1283000.04", "1230500.04", "-52500"].map(Value::from), "{lang}");
        assert_eq!(text("A4").unwrap(), "c-health");
        assert!(text("A5").is_none(), "three departments change");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// `fordeling template --cases` writes many cases into one workbook (one row per case on the sheet
/// `case`, a `case` column on the others), and `portfolio --cases` reads it back as the same cases:
/// the answer is the folder's, byte for byte, from an English and a Danish workbook.
#[test]
fn a_workbook_of_many_cases_is_a_portfolio() {
    let dir = std::env::temp_dir().join(format!("fordeling-xlsx-cases-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |args: &[&str]| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .args(args)
            .output()
            .unwrap();
        assert!(o.status.success(), "{args:?}: {}", String::from_utf8_lossy(&o.stderr));
        o.stdout
    };
    let portfolio =
        |cases: &str| run(&["portfolio", "--policy", "examples/year/policy.toml", "--cases", cases, "--year", "2025"]);
    let folder = portfolio("examples/year/cases");
    for lang in ["en", "da"] {
        let book = dir.join(format!("cases-{lang}.xlsx"));
        let book = book.to_str().unwrap();
        run(&["--lang", lang, "template", "--policy", "examples/year/policy.toml", "--cases", "examples/year/cases"]
            .iter()
            .copied()
            .chain(["-o", book])
            .collect::<Vec<_>>());
        let cases = xlsx::read_cases(&std::fs::read(book).unwrap()).unwrap();
        let ids: Vec<&str> = cases.iter().map(|c| c["id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["k1", "k2", "p3", "q1"], "{lang}");
        assert_eq!(cases[2]["services"].as_array().unwrap().len(), 2, "p3's two lines, {lang}");
        assert_eq!(String::from_utf8(portfolio(book)).unwrap(), String::from_utf8(folder.clone()).unwrap(), "{lang}");
    }
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A workbook of many cases: a row without its case, a case named twice, a row naming a case that
/// is not on the sheet `case`, and a sheet with rows but no `case` column are each named by sheet and
/// cell, in English and in Danish.
#[test]
fn a_workbook_of_many_cases_names_its_bad_rows() {
    let t = |s: &str| Cell::Text(s.into());
    let sheet =
        |name: &str, rows: Vec<Vec<Cell>>| Sheet { name: name.into(), rows, pie: None, lists: vec![], cover: false };
    let head = ["id", "birth_date", "significant_permanent_disability", "handlekommune"].map(t).to_vec();
    let case = |id: &str| vec![t(id), t("2018-05-01"), t("yes"), t("m1=2018-05-01")];
    let sheets = vec![
        sheet("case", vec![head, case("k1"), case("k1"), vec![Cell::Empty, t("2018-05-01")], case("k2")]),
        sheet(
            "case services",
            vec![
                ["id", "service", "amount", "per", "from", "case"].map(t).to_vec(),
                ["s1", "merudgift", "100", "month", "2025-01-01", "k1"].map(t).to_vec(),
                ["s1", "merudgift", "100", "month", "2025-01-01", "k9"].map(t).to_vec(),
                ["s1", "merudgift", "100", "month", "2025-01-01"].map(t).to_vec(),
            ],
        ),
        sheet(
            "case income",
            vec![["id", "amount", "per", "from"].map(t).to_vec(), ["i1", "5", "month", "2025-01-01"].map(t).to_vec()],
        ),
    ];
    let bytes = xlsx::write_sheets(&sheets).unwrap();
    let errors = xlsx::read_cases(&bytes).unwrap_err();
    let text = |lang| errors.iter().map(|e| e.text(lang)).collect::<Vec<_>>();
    assert_eq!(
        text(fordeling::Lang::En),
        [
            "case!A3: case 'k1' is on the sheet twice",
            "case!A4: the row names no case (column 'id')",
            "case services!F3: case 'k9' is not on the sheet 'case'",
            "case services!F4: the row names no case (column 'case')",
            "case income!A1: a workbook of many cases needs the column 'case' on this sheet, naming each row's case",
        ]
    );
    assert_eq!(text(fordeling::Lang::Da)[2], "case services!F3: sagen 'k9' står ikke på arket 'case'");
}

/// Every golden case's cases (the case, siblings and portfolio cases that parse) written together
/// into one workbook of many cases and read back: each comes back as the same document, in order.
#[test]
fn every_golden_case_list_round_trips_through_one_workbook() {
    let (mut count, mut failures) = (0, Vec::new());
    for path in harness::case_files() {
        let name = path.file_stem().unwrap().to_string_lossy().to_string();
        let Ok(g) = harness::load(&name, &std::fs::read_to_string(&path).unwrap(), &harness::policy) else { continue };
        let Ok(req) = serde_json::from_str::<Value>(&g.request) else { continue };
        let cases = req.get("case").into_iter().chain(
            ["siblings", "cases"].iter().flat_map(|k| req.get(*k).and_then(Value::as_array).into_iter().flatten()),
        );
        let want: Vec<Value> = cases.filter_map(|c| parsed_case(&req["policy"], c)).collect();
        let mut ids: Vec<&str> = want.iter().filter_map(|c| c["id"].as_str()).collect();
        ids.sort();
        ids.dedup();
        if want.is_empty() || ids.len() != want.len() {
            continue;
        }
        let docs: Vec<fordeling::CaseDoc> = want.iter().map(|c| serde_json::from_value(c.clone()).unwrap()).collect();
        let lang = if count % 2 == 0 { fordeling::Lang::En } else { fordeling::Lang::Da };
        let bytes = xlsx::write_sheets_in(&xlsx::cases_sheets_in(&docs, lang), lang).unwrap();
        let got = xlsx::read_cases(&bytes).unwrap_or_else(|e| panic!("{name}: {e:?}"));
        let got: Vec<Value> = got.iter().map(|c| parsed_case(&req["policy"], c).unwrap_or(Value::Null)).collect();
        count += 1;
        if got != want {
            failures.push(format!("{name} ({lang:?}): {got:?}\n   want {want:?}"));
        }
    }
    assert!(failures.is_empty(), "{} of {count} differ:\n{}", failures.len(), failures.join("\n"));
    assert!(count > 200, "{count} golden case lists");
}

/// A case as the `parse` answer gives it, if it parses against the policy.
fn parsed_case(policy: &Value, case: &Value) -> Option<Value> {
    let r = handle(Request { case: Some(case.clone().into()), ..Request::new(Command::Parse, policy.clone().into()) });
    r.is_ok().then(|| parsed(policy.clone(), Some(case.clone()))["case"].clone())
}

/// A one-case workbook (the template) is a workbook of one case: its sheets need no `case` column.
#[test]
fn a_one_case_workbook_reads_as_its_case() {
    let bytes = template();
    let cases = xlsx::read_cases(&bytes).unwrap();
    assert_eq!(cases.len(), 1);
    assert_eq!(Some(&cases[0]), xlsx::read_workbook(&bytes).unwrap().case.as_ref());
}

/// The column of a sheet's header `name`.
fn column(sheet: &Sheet, name: &str) -> usize {
    sheet.rows[0].iter().position(|c| matches!(c, Cell::Text(t) if t == name)).unwrap()
}

/// The names of a sheet's items by id (its columns `id` and `name`/`navn`).
fn names_by_id(sheet: &Sheet, name_col: &str) -> std::collections::BTreeMap<String, String> {
    let (id, name) = (column(sheet, "id"), column(sheet, name_col));
    let text = |c: &Cell| match c {
        Cell::Text(t) => t.clone(),
        _ => String::new(),
    };
    sheet.rows[1..].iter().map(|r| (text(&r[id]), text(&r[name]))).collect()
}

/// Every cell of `column` on `sheet` that holds an id of `names` gets that item's name instead.
fn write_names(
    sheets: &mut [Sheet],
    sheet_name: &str,
    col_name: &str,
    names: &std::collections::BTreeMap<String, String>,
) {
    let s = sheet(sheets, sheet_name);
    let col = column(s, col_name);
    let mut changed = 0;
    for row in &mut s.rows[1..] {
        if let Some(Cell::Text(t)) = row.get_mut(col) {
            if let Some(name) = names.get(t.as_str()).filter(|n| !n.is_empty()) {
                *t = name.clone();
                changed += 1;
            }
        }
    }
    assert!(changed > 0, "{sheet_name}.{col_name}: no id replaced by a name");
}

/// The template's lists offer names (SEMANTICS.md, Workbooks): a workbook filled in with the names of
/// municipalities, departments, keys and services reads as the same documents as one with their ids,
/// in either language; a name that two items share is refused, naming its cell.
#[test]
fn a_workbook_filled_in_with_names_reads_as_with_ids() {
    let want = parsed(example::POLICY.into(), Some(example::CASE.into()));
    for (lang, name, sheets_of) in [
        (fordeling::Lang::En, "name", ["municipalities", "departments", "keys", "services", "case services"]),
        (fordeling::Lang::Da, "navn", ["Kommuner", "Afdelinger", "Fordelingsnøgler", "Ydelser", "Sagens ydelser"]),
    ] {
        let mut sheets = xlsx::template_sheets_in(
            &serde_json::from_value(want["policy"].clone()).unwrap(),
            Some(&serde_json::from_value(want["case"].clone()).unwrap()),
            lang,
        );
        let [munis, depts, keys, services, lines] = sheets_of;
        let (m, d, k, s) = (
            names_by_id(sheet(&mut sheets, munis), name),
            names_by_id(sheet(&mut sheets, depts), name),
            names_by_id(sheet(&mut sheets, keys), name),
            names_by_id(sheet(&mut sheets, services), name),
        );
        let en = lang == fordeling::Lang::En;
        write_names(&mut sheets, depts, if en { "municipality" } else { "kommune" }, &m);
        write_names(&mut sheets, services, if en { "key" } else { "fordelingsnøgle" }, &k);
        write_names(&mut sheets, services, if en { "authority" } else { "myndighed" }, &d);
        write_names(&mut sheets, lines, if en { "service" } else { "ydelse" }, &s);
        let bytes = xlsx::write_sheets_in(&sheets, lang).unwrap();
        let wb = xlsx::read_workbook(&bytes).unwrap();
        assert_eq!(parsed(wb.policy.unwrap(), wb.case), want, "{lang:?}");

        // Two departments of the same name: the name is ambiguous, the cell is named.
        let dept = sheet(&mut sheets, depts);
        let name_col = column(dept, name);
        let shared = dept.rows[1][name_col].clone();
        dept.rows[2][name_col] = shared.clone();
        let errors = xlsx::read_workbook(&xlsx::write_sheets_in(&sheets, lang).unwrap()).unwrap_err();
        let Cell::Text(shared) = shared else { panic!() };
        let e = errors.iter().find(|e| e.message.contains(&shared)).unwrap_or_else(|| panic!("{errors:?}"));
        assert!(e.place.starts_with(&format!("{services}!")), "{e:?}");
        assert!(e.message.contains("is the name of more than one") && e.message.contains("write the id"), "{e}");
        assert!(e.problem.text(fordeling::Lang::Da).contains("bruges af flere"), "{e:?}");
    }
}

/// A hostile workbook of many cases: one case whose agreement names an unknown department and one
/// whose service ends before it starts, among good ones. `fordeling portfolio --cases` names each bad
/// case by the workbook, the sheet, the row, the column and the case id, in English and in Danish;
/// the good cases are read (none is named), and, as for any portfolio with a bad case (SEMANTICS.md
/// section 10, "Input"), nothing is computed. Without the bad cases the same workbook computes.
#[test]
fn a_bad_case_in_a_workbook_of_many_cases_is_named_by_sheet_row_and_case() {
    let t = |s: &str| Cell::Text(s.into());
    let sheet =
        |name: &str, rows: Vec<Vec<Cell>>| Sheet { name: name.into(), rows, pie: None, lists: vec![], cover: false };
    let head = ["id", "birth_date", "significant_permanent_disability", "handlekommune", "consent_from"].map(t);
    let case = |id: &str| vec![t(id), t("2018-05-01"), t("yes"), t("m1=2018-05-01"), t("2020-01-01")];
    let line = |case: &str, id: &str, from: &str, to: &str| {
        [id, "aflastning", "20000", "month", from, to, case].map(t).to_vec()
    };
    let book = |bad: bool| {
        let ids = if bad { vec!["k1", "k2", "k3", "k4"] } else { vec!["k1", "k4"] };
        let mut services = vec![["id", "service", "amount", "per", "from", "to", "case"].map(t).to_vec()];
        services.push(line("k1", "s1", "2025-01-01", "2025-12-31"));
        if bad {
            services.push(line("k2", "s1", "2025-01-01", ""));
            services.push(line("k3", "s1", "2025-01-01", "2025-03-31"));
            services.push(line("k3", "s2", "2025-06-01", "2025-01-31"));
        }
        services.push(line("k4", "s1", "2025-02-01", ""));
        let mut agreements = vec![["id", "service", "from", "kind", "shares", "case"].map(t).to_vec()];
        agreements.push(["a1", "s1", "2025-01-01", "percent", "b-school=40", "k1"].map(t).to_vec());
        if bad {
            agreements.push(["a1", "s1", "2025-01-01", "percent", "x-dept=40", "k2"].map(t).to_vec());
        }
        let cases = std::iter::once(head.to_vec()).chain(ids.iter().map(|id| case(id))).collect();
        let sheets = vec![sheet("case", cases), sheet("case services", services), sheet("case agreements", agreements)];
        xlsx::write_sheets(&sheets).unwrap()
    };
    let dir = std::env::temp_dir().join(format!("fordeling-xlsx-bad-case-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let run = |lang: &str, file: &str| {
        let o = std::process::Command::new(env!("CARGO_BIN_EXE_fordeling"))
            .current_dir(&dir)
            .args(["--lang", lang, "portfolio", "--cases", file, "--year", "2025", "--policy"])
            .arg(std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/policies/year.toml"))
            .output()
            .unwrap();
        (o.status.success(), String::from_utf8(o.stdout).unwrap(), String::from_utf8(o.stderr).unwrap())
    };
    std::fs::write(dir.join("hostile.xlsx"), book(true)).unwrap();
    std::fs::write(dir.join("good.xlsx"), book(false)).unwrap();
    // The library reads every case, the bad ones too, each with its row on the sheet `case`.
    let read = xlsx::read_workbook_cases(&book(true)).unwrap();
    let rows: Vec<(&str, u32)> = read.iter().map(|c| (c.id.as_str(), c.row.row)).collect();
    assert_eq!(rows, [("k1", 2), ("k2", 3), ("k3", 4), ("k4", 5)]);
    let (ok, out, err) = run("en", "hostile.xlsx");
    assert!(!ok && out.is_empty(), "nothing is computed: {out}");
    eprintln!("{err}");
    for want in [
        "hostile.xlsx, sheet 'case agreements', row 3, column E, case 'k2':",
        "hostile.xlsx, sheet 'case services', row 5, column F, case 'k3':",
    ] {
        assert!(err.contains(want), "{want:?} in\n{err}");
    }
    assert!(!err.contains("'k1'") && !err.contains("'k4'"), "the good cases are not named:\n{err}");
    let (ok, _, err) = run("da", "hostile.xlsx");
    assert!(!ok);
    for want in [
        "hostile.xlsx, arket 'case agreements', række 3, kolonne E, sagen 'k2':",
        "hostile.xlsx, arket 'case services', række 5, kolonne F, sagen 'k3':",
    ] {
        assert!(err.contains(want), "{want:?} in\n{err}");
    }
    let (ok, out, err) = run("en", "good.xlsx");
    assert!(ok, "{err}");
    assert!(out.contains("2 cases"), "{out}");
    std::fs::remove_dir_all(&dir).unwrap();
}
