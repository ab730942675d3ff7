//! The golden-case harness, shared by every engine: the native library, the CLI and WebAssembly.
//!
//! A golden case is a TOML file in `tests/cases/`: a request (policy by name, inline case or raw
//! case text, period) and hand-written expectations derived from SEMANTICS.md. An engine is any
//! function from request JSON to response JSON; [`check`] compares its answer with the
//! expectations and with the invariants that hold for every answer (shares sum to the line,
//! totals sum to the lines, money has exactly two decimals).
#![allow(dead_code, clippy::unwrap_used, clippy::expect_used)]

use serde_json::{json, Map, Value};

/// A loaded golden case.
pub struct Golden {
    /// File name without extension.
    pub name: String,
    /// The request, as JSON text.
    pub request: String,
    /// The expectations.
    pub expect: Value,
}

/// Load a golden case; `policy` maps a policy name to its text.
/// The text of a golden case's named policy (`tests/cases/policies/NAME.toml`, or `example`).
pub fn policy(name: &str) -> Option<String> {
    if name == "example" {
        return Some(fordeling::example::POLICY.to_string());
    }
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases/policies").join(format!("{name}.toml")),
    )
    .ok()
}

/// The golden case files (`tests/cases/*.toml`), sorted.
pub fn case_files() -> Vec<std::path::PathBuf> {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/cases");
    let mut files: Vec<_> = std::fs::read_dir(&dir)
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|e| e == "toml"))
        .collect();
    files.sort();
    files
}

pub fn load(name: &str, text: &str, policy: &dyn Fn(&str) -> Option<String>) -> Result<Golden, String> {
    let doc: Value = toml::from_str(text).map_err(|e| format!("{name}: not TOML: {e}"))?;
    let obj = doc.as_object().ok_or(format!("{name}: not a table"))?;
    let mut req = Map::new();
    req.insert("version".into(), obj.get("version").cloned().unwrap_or(json!(1)));
    req.insert("command".into(), obj.get("command").cloned().unwrap_or(json!("split")));
    // `policy_append` / `scenario_append`: TOML text added at the end of the named policy (the test
    // policies end in their `[year]` section, so it adds to that section, e.g. `grants = [...]`).
    let append = |key: &str| obj.get(key).map(|v| format!("\n{}\n", s(v))).unwrap_or_default();
    let p = match (obj.get("policy"), obj.get("policy_text"), obj.get("policy_inline")) {
        (Some(Value::String(n)), None, None) => {
            json!(policy(n).ok_or(format!("{name}: no policy named '{n}'"))? + &append("policy_append"))
        }
        (None, Some(t), None) => t.clone(),
        (None, None, Some(v)) => v.clone(),
        _ => return Err(format!("{name}: give exactly one of policy, policy_text, policy_inline")),
    };
    req.insert("policy".into(), p);
    if let Some(Value::String(n)) = obj.get("scenario") {
        let text = policy(n).ok_or(format!("{name}: no scenario policy named '{n}'"))? + &append("scenario_append");
        req.insert("scenario".into(), json!(text));
    }
    if let Some(c) = obj.get("case").or(obj.get("case_text")) {
        req.insert("case".into(), c.clone());
    }
    for k in [
        "period",
        "today",
        "lang",
        "previous_case",
        "booked_through",
        "siblings",
        "detail",
        "cases",
        "year",
        "budget",
        "profile",
        "since",
    ] {
        if let Some(v) = obj.get(k) {
            req.insert(k.into(), v.clone());
        }
    }
    let request = match obj.get("request_text") {
        Some(Value::String(raw)) => raw.clone(),
        _ => Value::Object(req).to_string(),
    };
    let expect = obj.get("expect").cloned().ok_or(format!("{name}: no [expect]"))?;
    Ok(Golden { name: name.into(), request, expect })
}

fn s(v: &Value) -> String {
    match v {
        Value::String(s) => s.clone(),
        other => other.to_string(),
    }
}

fn ore(v: &Value) -> Option<i64> {
    let t = v.as_str()?;
    let (neg, t) = t.strip_prefix('-').map_or((false, t), |r| (true, r));
    let (i, f) = t.split_once('.')?;
    if f.len() != 2 {
        return None;
    }
    let v = i.parse::<i64>().ok()? * 100 + f.parse::<i64>().ok()?;
    Some(if neg { -v } else { v })
}

/// Invariants every successful split answer satisfies.
fn invariants(result: &Value, errs: &mut Vec<String>) {
    let mut sum_lines = 0i64;
    let mut by_dept: std::collections::BTreeMap<String, i64> = Default::default();
    for l in result["lines"].as_array().into_iter().flatten() {
        let Some(a) = ore(&l["amount"]) else {
            errs.push(format!("line amount {} has not exactly two decimals", l["amount"]));
            continue;
        };
        sum_lines += a;
        let mut sum = 0;
        for sh in l["shares"].as_array().into_iter().flatten() {
            let v = ore(&sh["amount"]).unwrap_or(i64::MIN / 4);
            sum += v;
            *by_dept.entry(s(&sh["department"])).or_default() += v;
            if sh["weight"] == "0" && v != 0 {
                errs.push(format!("zero-weight department {} got {}", sh["department"], v));
            }
        }
        if sum != a {
            errs.push(format!("shares of {} {} sum to {sum} øre, not {a}", l["service_line"], l["month"]));
        }
    }
    let total = ore(&result["totals"]["case"]);
    if total != Some(sum_lines) {
        errs.push(format!("case total {} is not the sum of the lines ({sum_lines} øre)", result["totals"]["case"]));
    }
    for d in result["totals"]["by_department"].as_array().into_iter().flatten() {
        let want = by_dept.get(&s(&d["department"])).copied().unwrap_or(0);
        if ore(&d["amount"]) != Some(want) {
            errs.push(format!(
                "department total {} {} is not the sum of its shares ({want})",
                d["department"], d["amount"]
            ));
        }
    }
    let months: i64 =
        result["totals"]["by_month"].as_array().into_iter().flatten().filter_map(|m| ore(&m["amount"])).sum();
    let munis: i64 =
        result["totals"]["by_municipality"].as_array().into_iter().flatten().filter_map(|m| ore(&m["amount"])).sum();
    if months != sum_lines || munis != sum_lines {
        errs.push(format!("month ({months}) or municipality ({munis}) totals do not sum to the case ({sum_lines})"));
    }
}

/// State reimbursement is conserved to the øre and never exceeds the cost it is computed on.
fn reimbursement_invariants(result: &Value, errs: &mut Vec<String>) {
    let r = &result["reimbursement"];
    let sum = |list: &Value, key: &str| -> i64 {
        list.as_array().into_iter().flatten().map(|x| ore(&x[key]).unwrap_or(i64::MIN / 4)).sum()
    };
    let total = ore(&r["total"]["reimbursement"]).unwrap_or(i64::MIN / 4);
    for m in r["months"].as_array().into_iter().flatten() {
        let at = format!("reimbursement {} {}", m["month"], m["municipality"]);
        let amount = ore(&m["reimbursement"]).unwrap_or(i64::MIN / 4);
        let base = ore(&m["base"]).unwrap_or(0);
        if ore(&m["counted"]).unwrap_or(0) - ore(&m["income"]).unwrap_or(0) != base {
            errs.push(format!("{at}: base is not counted cost less income"));
        }
        if amount < 0 || amount > base.max(0) {
            errs.push(format!("{at}: {amount} øre is outside 0..=base {base}"));
        }
        if sum(&m["cases"], "amount") != amount || sum(&m["departments"], "amount") != amount {
            errs.push(format!("{at}: the allocation to cases or departments does not sum to {amount}"));
        }
        for c in m["cases"].as_array().into_iter().flatten() {
            if ore(&c["amount"]) > ore(&c["weight"]) {
                errs.push(format!("{at}: case {} gets more than its cost less income", c["case"]));
            }
        }
    }
    for (list, what) in [(&r["months"], "months"), (&r["by_case"], "cases"), (&r["by_department"], "departments")] {
        if sum(list, "reimbursement") != total {
            errs.push(format!("reimbursement of the {what} does not sum to the total {total}"));
        }
    }
    if sum(&r["by_month"], "reimbursement") != total {
        errs.push("reimbursement by month does not sum to the total".into());
    }
    for list in [&r["by_case"], &r["by_department"], &r["by_month"]] {
        for x in list.as_array().into_iter().flatten() {
            if ore(&x["gross"]).zip(ore(&x["reimbursement"])).map(|(g, r)| g - r) != ore(&x["net"]) {
                errs.push(format!("net is not gross less reimbursement: {x}"));
            }
        }
    }
    if r["by_case"][0]["gross"] != result["totals"]["case"] {
        errs.push("the case's gross cost is not its split total".into());
    }
}

/// Postings net to each department's total and to each month's gross cost; pairs net to zero;
/// state reimbursement postings (dranst 2) net to minus the case's reimbursement.
fn posting_invariants(split: &Value, postings: &Value, errs: &mut Vec<String>) {
    let mut by_dept: std::collections::BTreeMap<String, i64> = Default::default();
    let mut by_month: std::collections::BTreeMap<String, i64> = Default::default();
    let mut transfers = 0i64;
    let mut reimbursed = 0i64;
    for p in postings.as_array().into_iter().flatten() {
        let v = ore(&p["amount"]).unwrap_or(i64::MIN / 4);
        if p["type"] == "state_reimbursement" {
            reimbursed += v;
            continue;
        }
        *by_dept.entry(s(&p["department"])).or_default() += v;
        *by_month.entry(s(&p["month"])).or_default() += v;
        if p["type"] != "cash_benefit" && p["type"] != "service" {
            transfers += v;
        }
    }
    if transfers != 0 {
        errs.push(format!("transfer postings net to {transfers} øre, not 0"));
    }
    let case_reimbursement = split["reimbursement"]["by_case"]
        .as_array()
        .into_iter()
        .flatten()
        .find(|c| c["case"] == split["case"])
        .and_then(|c| ore(&c["reimbursement"]))
        .unwrap_or(0);
    if reimbursed != -case_reimbursement {
        errs.push(format!(
            "reimbursement postings net to {reimbursed} øre, the case's reimbursement is {case_reimbursement}"
        ));
    }
    for d in split["totals"]["by_department"].as_array().into_iter().flatten() {
        let got = by_dept.get(&s(&d["department"])).copied().unwrap_or(0);
        if ore(&d["amount"]) != Some(got) {
            errs.push(format!("postings of {} net to {got} øre, its share is {}", d["department"], d["amount"]));
        }
    }
    for m in split["totals"]["by_month"].as_array().into_iter().flatten() {
        let got = by_month.get(&s(&m["month"])).copied().unwrap_or(0);
        if ore(&m["amount"]) != Some(got) {
            errs.push(format!("postings of {} net to {got} øre, the gross cost is {}", m["month"], m["amount"]));
        }
    }
}

/// A portfolio's figures are conserved: actual + forecast = expected, expected - reimbursement =
/// net, the departments sum to the total, and the months to the expected cost.
fn portfolio_invariants(p: &Value, errs: &mut Vec<String>) {
    let keys = ["actual", "forecast", "expected", "reimbursement", "net"];
    let mut sums = [0i64; 5];
    let check = |f: &Value, what: &str, errs: &mut Vec<String>| {
        let v: Vec<i64> = keys.iter().map(|k| ore(&f[*k]).unwrap_or(i64::MIN / 4)).collect();
        if v[0] + v[1] != v[2] || v[2] - v[3] != v[4] {
            errs.push(format!("{what}: actual + forecast != expected or expected - reimbursement != net: {f}"));
        }
        for y in f["later_years"].as_array().into_iter().flatten() {
            let g = ore(&y["gross"]).unwrap_or(0) - ore(&y["reimbursement"]).unwrap_or(0);
            if Some(g) != ore(&y["net"]) {
                errs.push(format!("{what}: year {} net is not gross less reimbursement", y["year"]));
            }
        }
        v
    };
    for d in p["departments"].as_array().into_iter().flatten() {
        let v = check(d, &s(&d["department"]), errs);
        for (a, b) in sums.iter_mut().zip(v) {
            *a += b;
        }
    }
    let total = check(&p["total"], "total", errs);
    if total != sums {
        errs.push(format!("the departments sum to {sums:?}, the total is {total:?}"));
    }
    let months: i64 = p["months"].as_array().into_iter().flatten().filter_map(|m| ore(&m["gross"])).sum();
    if months != total[2] {
        errs.push(format!("the months sum to {months} øre, the expected cost is {}", total[2]));
    }
}

/// A pool's year is conserved: contribution + settlement = net per department; the departments'
/// nets sum to the costs less the opening balance plus what is carried over; the result is the
/// opening balance plus contributions less costs, carried over plus settled; the postings of each
/// pool net to zero.
fn pool_invariants(p: &Value, errs: &mut Vec<String>) {
    for pool in p["pools"].as_array().into_iter().flatten() {
        let o = |k: &str| ore(&pool[k]).unwrap_or(i64::MIN / 4);
        let id = s(&pool["id"]);
        let (mut nets, mut contributions) = (0, 0);
        for d in pool["departments"].as_array().into_iter().flatten() {
            let f = |k: &str| ore(&d[k]).unwrap_or(i64::MIN / 4);
            if f("contribution") + f("settlement") != f("net") || f("net") - f("per_case_split") != f("difference") {
                errs.push(format!("pool {id}: department figures do not add up: {d}"));
            }
            nets += f("net");
            contributions += f("contribution");
        }
        if contributions != o("contributions") || o("costs_actual") + o("costs_forecast") != o("costs") {
            errs.push(format!("pool {id}: contributions or costs do not add up"));
        }
        if o("opening_balance") + o("contributions") - o("costs") != o("result")
            || o("carried_over") + o("settled") != o("result")
        {
            errs.push(format!("pool {id}: the result does not add up"));
        }
        if nets != o("costs") - o("opening_balance") + o("carried_over") {
            errs.push(format!("pool {id}: the departments pay {nets} øre, not costs - opening + carried over"));
        }
        let postings: i64 = pool["postings"].as_array().into_iter().flatten().filter_map(|x| ore(&x["amount"])).sum();
        if postings != 0 {
            errs.push(format!("pool {id}: postings net to {postings} øre, not 0"));
        }
    }
}

/// A grant's year is conserved (branch cofinancing): covered = actual + forecast; left = total -
/// before - covered and never negative; per department own = cost - grant and 0 <= grant <= cost;
/// the departments' parts sum to what it covered; its postings are the parts as income. A pool's
/// later years chain: each opens with what the year before carried over.
fn grant_invariants(p: &Value, errs: &mut Vec<String>) {
    for g in p["grants"].as_array().into_iter().flatten() {
        let o = |k: &str| ore(&g[k]).unwrap_or(i64::MIN / 4);
        let id = s(&g["id"]);
        if o("covered_actual") + o("covered_forecast") != o("covered") {
            errs.push(format!("grant {id}: actual + forecast != covered"));
        }
        if !g["total"].is_null() && (o("total") - o("covered_before") - o("covered") != o("left") || o("left") < 0) {
            errs.push(format!("grant {id}: left is not total - before - covered, or negative"));
        }
        let mut parts = 0;
        for d in g["departments"].as_array().into_iter().flatten() {
            let f = |k: &str| ore(&d[k]).unwrap_or(i64::MIN / 4);
            if f("cost") - f("grant") != f("own") || f("grant") < 0 || (f("cost") >= 0 && f("grant") > f("cost")) {
                errs.push(format!("grant {id}: department figures do not add up: {d}"));
            }
            parts += f("grant");
        }
        if parts != o("covered") {
            errs.push(format!("grant {id}: the departments' parts sum to {parts} øre, not what it covered"));
        }
        let posted: i64 = g["postings"].as_array().into_iter().flatten().filter_map(|x| ore(&x["amount"])).sum();
        if !g["postings"].as_array().is_none_or(Vec::is_empty) && posted != -o("covered") {
            errs.push(format!("grant {id}: the postings book {posted} øre, not the covered amount as income"));
        }
    }
    for pool in p["pools"].as_array().into_iter().flatten() {
        let mut carried = ore(&pool["carried_over"]).unwrap_or(0);
        for y in pool["later_years"].as_array().into_iter().flatten() {
            let f = |k: &str| ore(&y[k]).unwrap_or(i64::MIN / 4);
            if f("opening_balance") != carried
                || f("opening_balance") + f("contributions") - f("costs") != f("result")
                || f("carried_over") + f("settled") != f("result")
            {
                errs.push(format!("pool {}: later year does not chain or add up: {y}", s(&pool["id"])));
            }
            carried = f("carried_over");
        }
    }
}

/// A compensation's year is conserved: the periods and the departments' shares sum to its costs,
/// share - per-case split = difference, and its postings net to zero.
fn compensation_invariants(p: &Value, errs: &mut Vec<String>) {
    for c in p["compensations"].as_array().into_iter().flatten() {
        let sum =
            |list: &str, k: &str| -> i64 { c[list].as_array().into_iter().flatten().filter_map(|x| ore(&x[k])).sum() };
        let costs = ore(&c["costs"]).unwrap_or(i64::MIN / 4);
        if sum("periods", "costs") != costs || sum("departments", "share") != costs {
            errs.push(format!("compensation {}: periods or shares do not sum to the costs", c["id"]));
        }
        if sum("departments", "share") - sum("departments", "per_case_split") != sum("departments", "difference") {
            errs.push(format!("compensation {}: differences do not add up", c["id"]));
        }
        if sum("postings", "amount") != 0 {
            errs.push(format!("compensation {}: postings do not net to zero", c["id"]));
        }
    }
}

/// Each `{id: amount}` of `wants` is the amount of the entry of `list` whose `key` is that id.
fn totals_match(list: &Value, key: &str, wants: &Value, errs: &mut Vec<String>) {
    for (id, amount) in wants.as_object().into_iter().flatten() {
        let got = find_by(list, key, id).map(|d| d["amount"].clone());
        if got.as_ref() != Some(amount) {
            errs.push(format!("{key} {id} total is {got:?}, expected {amount}"));
        }
    }
}

/// Each object of `wants` matches (on all its fields) some entry of `list`.
fn subset_match(list: &Value, wants: &Value, what: &str, errs: &mut Vec<String>) {
    let got = list.as_array().cloned().unwrap_or_default();
    for want in wants.as_array().into_iter().flatten() {
        if !got.iter().any(|p| matches(p, want)) {
            errs.push(format!("no {what} matching {want}"));
        }
    }
}

/// Whether `got` has what `want` gives: objects on the fields given, arrays element by element.
fn matches(got: &Value, want: &Value) -> bool {
    match (got, want) {
        (_, Value::Object(w)) => w.iter().all(|(k, x)| matches(&got[k], x)),
        (Value::Array(g), Value::Array(w)) => g.len() == w.len() && g.iter().zip(w).all(|(a, b)| matches(a, b)),
        _ => got == want,
    }
}

fn find_by<'a>(list: &'a Value, key: &str, want: &str) -> Option<&'a Value> {
    list.as_array()?.iter().find(|x| s(&x[key]) == want)
}

/// Reimbursement expectations: `total`, `gross`, `net` (amounts), `cases`, `departments`,
/// `months` (`{id: reimbursement}`), `detail` (month entries matched on the fields given) and
/// `allocated` (department parts matched on the fields given).
fn check_reimbursement(r: &Value, want: &Value, errs: &mut Vec<String>) {
    if !r.is_object() {
        errs.push("the result has no reimbursement".into());
        return;
    }
    for (k, v) in want.as_object().into_iter().flatten() {
        match k.as_str() {
            "total" | "gross" | "net" => {
                let key = if k == "total" { "reimbursement" } else { k.as_str() };
                if r["total"][key] != *v {
                    errs.push(format!("reimbursement {k} is {}, expected {v}", r["total"][key]));
                }
            }
            "cases" | "departments" | "months" => {
                let (list, key) = match k.as_str() {
                    "cases" => (&r["by_case"], "case"),
                    "departments" => (&r["by_department"], "department"),
                    _ => (&r["by_month"], "month"),
                };
                for (id, amount) in v.as_object().into_iter().flatten() {
                    let got = find_by(list, key, id).map(|x| x["reimbursement"].clone());
                    if got.as_ref() != Some(amount) {
                        errs.push(format!("reimbursement of {key} {id} is {got:?}, expected {amount}"));
                    }
                }
            }
            "detail" => subset_match(&r["months"], v, "reimbursement month", errs),
            "allocated" => {
                let parts: Vec<Value> = r["months"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|m| {
                        m["departments"].as_array().cloned().unwrap_or_default().into_iter().map(|mut d| {
                            d["month"] = m["month"].clone();
                            d
                        })
                    })
                    .collect();
                subset_match(&Value::Array(parts), v, "department part", errs)
            }
            "month_count" => {
                let n = r["months"].as_array().map_or(0, Vec::len);
                if json!(n) != *v {
                    errs.push(format!("{n} reimbursement months, expected {v}"));
                }
            }
            other => errs.push(format!("harness: unknown reimbursement expectation '{other}'")),
        }
    }
}

fn check_line(result: &Value, e: &Value, errs: &mut Vec<String>) {
    let sl = s(&e["service_line"]);
    let month = s(&e["month"]);
    let lines: Vec<&Value> = result["lines"]
        .as_array()
        .into_iter()
        .flatten()
        .filter(|l| s(&l["service_line"]) == sl && s(&l["month"]) == month)
        .filter(|l| e.get("from").is_none_or(|f| s(f) == s(&l["from"])))
        .collect();
    let [l] = lines.as_slice() else {
        errs.push(format!(
            "expected one line {sl} {month} {}, found {}",
            e.get("from").map(s).unwrap_or_default(),
            lines.len()
        ));
        return;
    };
    for (k, v) in e.as_object().into_iter().flatten() {
        match k.as_str() {
            "service_line" | "month" | "from" => {}
            "to" | "amount" | "eligible" | "exact_amount" | "legal_basis" => {
                if l[k] != *v {
                    errs.push(format!("line {sl} {month}: {k} is {}, expected {v}", l[k]));
                }
            }
            "basis" => {
                if !matches(&l["basis"], v) {
                    errs.push(format!("line {sl} {month}: basis is {}, expected {v}", l["basis"]));
                }
            }
            "key" => {
                let got = match l["key"]["id"].as_str() {
                    Some(id) => format!("{}:{id}", s(&l["key"]["source"])),
                    None => s(&l["key"]["source"]),
                };
                if got != s(v) {
                    errs.push(format!("line {sl} {month}: key is {got}, expected {v}"));
                }
            }
            "set_aside" => {
                if l["key"]["set_aside"] != *v {
                    errs.push(format!(
                        "line {sl} {month}: set-aside agreement is {}, expected {v}",
                        l["key"]["set_aside"]
                    ));
                }
            }
            "cumulative" => {
                if l["basis"]["cumulative"] != *v {
                    errs.push(format!("line {sl} {month}: cumulative is {}, expected {v}", l["basis"]["cumulative"]));
                }
            }
            "reason" => {
                if l["key"]["reason"] != *v {
                    errs.push(format!("line {sl} {month}: key reason is {}, expected {v}", l["key"]["reason"]));
                }
            }
            "authority" | "payer" => {
                if l[k]["department"] != *v {
                    errs.push(format!("line {sl} {month}: {k} is {}, expected {v}", l[k]["department"]));
                }
            }
            "authority_rule" => {
                if l["authority"]["rule"] != *v {
                    errs.push(format!("line {sl} {month}: authority rule is {}, expected {v}", l["authority"]["rule"]));
                }
            }
            "shares" => {
                let got: Map<String, Value> = l["shares"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .map(|sh| (s(&sh["department"]), sh["amount"].clone()))
                    .collect();
                if Value::Object(got.clone()) != *v {
                    errs.push(format!("line {sl} {month}: shares are {}, expected {v}", Value::Object(got)));
                }
            }
            "leftover" => {
                let got: Vec<Value> = l["shares"]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .filter(|sh| sh["leftover_ore"] == true)
                    .map(|sh| sh["department"].clone())
                    .collect();
                if Value::Array(got.clone()) != *v {
                    errs.push(format!("line {sl} {month}: leftover øre went to {got:?}, expected {v}"));
                }
            }
            other => errs.push(format!("harness: unknown line expectation '{other}'")),
        }
    }
}

/// Compare an engine's answer with the golden expectations. Returns every mismatch.
pub fn check(g: &Golden, response: &str) -> Result<(), Vec<String>> {
    let mut errs = Vec::new();
    let r: Value = match serde_json::from_str(response) {
        Ok(v) => v,
        Err(e) => return Err(vec![format!("answer is not JSON: {e}: {response}")]),
    };
    let e = &g.expect;
    let want_status = e.get("status").map(s).unwrap_or_else(|| "ok".into());
    if s(&r["status"]) != want_status {
        return Err(vec![format!(
            "status is {}, expected {want_status}: {}",
            r["status"],
            response.chars().take(600).collect::<String>()
        )]);
    }
    if want_status == "error" {
        let got = r["errors"].as_array().cloned().unwrap_or_default();
        if got.is_empty() {
            errs.push("an error answer with no errors".into());
        }
        for want in e.get("error").and_then(Value::as_array).into_iter().flatten() {
            let hit = got.iter().any(|x| {
                want.as_object().into_iter().flatten().all(|(k, v)| match k.as_str() {
                    "item_contains" => s(&x["item"]).contains(&s(v)),
                    "message_contains" => s(&x["message"]).contains(&s(v)),
                    _ => x[k] == *v,
                })
            });
            if !hit {
                errs.push(format!("no error matching {want} among {}", Value::Array(got.clone())));
            }
        }
        if let Some(n) = e.get("error_count").and_then(Value::as_u64) {
            if got.len() as u64 != n {
                errs.push(format!("{} errors, expected {n}: {}", got.len(), Value::Array(got.clone())));
            }
        }
        return if errs.is_empty() { Ok(()) } else { Err(errs) };
    }
    let result = if r["result"].get("split").is_some() { &r["result"]["split"] } else { &r["result"] };
    let portfolio = s(&r["command"]) == "portfolio";
    if portfolio {
        portfolio_invariants(result, &mut errs);
        pool_invariants(result, &mut errs);
        compensation_invariants(result, &mut errs);
        grant_invariants(result, &mut errs);
    } else if s(&r["command"]) != "check" && s(&r["command"]) != "parse" {
        invariants(result, &mut errs);
        if result["reimbursement"].is_object() {
            reimbursement_invariants(result, &mut errs);
        }
    }
    if r["result"]["postings"].is_array() {
        posting_invariants(result, &r["result"]["postings"], &mut errs);
    }
    for (k, v) in e.as_object().into_iter().flatten() {
        match k.as_str() {
            "status" => {}
            "period" | "period_default" => {
                if result[k.as_str()] != *v {
                    errs.push(format!("{k} is {}, expected {v}", result[k.as_str()]));
                }
            }
            "case_total" => {
                if result["totals"]["case"] != *v {
                    errs.push(format!("case total is {}, expected {v}", result["totals"]["case"]));
                }
            }
            "line_count" => {
                let n = result["lines"].as_array().map_or(0, Vec::len);
                if json!(n) != *v {
                    errs.push(format!("{n} lines, expected {v}"));
                }
            }
            "departments" => totals_match(&result["totals"]["by_department"], "department", v, &mut errs),
            "municipalities" => totals_match(&result["totals"]["by_municipality"], "municipality", v, &mut errs),
            "months" => totals_match(&result["totals"]["by_month"], "month", v, &mut errs),
            "line" => {
                for want in v.as_array().into_iter().flatten() {
                    check_line(result, want, &mut errs);
                }
            }
            "verdict" => {
                for want in v.as_array().into_iter().flatten() {
                    let from = s(&want["from"]);
                    let Some(got) = find_by(&result["eligibility"], "from", &from) else {
                        errs.push(format!("no verdict from {from}"));
                        continue;
                    };
                    for (k, wv) in want.as_object().into_iter().flatten() {
                        match k.as_str() {
                            "from" => {}
                            "to" | "eligible" => {
                                if got[k] != *wv {
                                    errs.push(format!("verdict from {from}: {k} is {}, expected {wv}", got[k]));
                                }
                            }
                            "failed" => {
                                let failed: Vec<Value> = got["criteria"]
                                    .as_array()
                                    .into_iter()
                                    .flatten()
                                    .filter(|c| c["passed"] == false)
                                    .map(|c| c["criterion"].clone())
                                    .collect();
                                if Value::Array(failed.clone()) != *wv {
                                    errs.push(format!("verdict from {from}: failed {failed:?}, expected {wv}"));
                                }
                            }
                            "actual" => {
                                for (crit, val) in wv.as_object().into_iter().flatten() {
                                    let c = find_by(&got["criteria"], "criterion", crit);
                                    if c.map(|c| &c["actual"]) != Some(val) {
                                        errs.push(format!(
                                            "verdict from {from}: {crit} actual is {c:?}, expected {val}"
                                        ));
                                    }
                                }
                            }
                            other => errs.push(format!("harness: unknown verdict expectation '{other}'")),
                        }
                    }
                }
            }
            "verdict_count" => {
                let n = result["eligibility"].as_array().map_or(0, Vec::len);
                if json!(n) != *v {
                    errs.push(format!("{n} verdicts, expected {v}"));
                }
            }
            "text_contains" => {
                let text = s(&r["result"]["text"]);
                for t in v.as_array().into_iter().flatten() {
                    if !text.contains(&s(t)) {
                        errs.push(format!("explanation text lacks {t}"));
                    }
                }
            }
            "text_lacks" => {
                let text = s(&r["result"]["text"]);
                for t in v.as_array().into_iter().flatten() {
                    if text.contains(&s(t)) {
                        errs.push(format!("explanation text has {t}"));
                    }
                }
            }
            "parsed" => {
                for (path, want) in v.as_object().into_iter().flatten() {
                    let pointer = format!("/{}", path.replace('.', "/"));
                    let got = r["result"].pointer(&pointer);
                    if got != Some(want) {
                        errs.push(format!("parse result {path} is {got:?}, expected {want}"));
                    }
                }
            }
            "summary_line" => {
                subset_match(&result["lines"], v, "summary line", &mut errs);
                for l in result["lines"].as_array().into_iter().flatten() {
                    let mut keys: Vec<&str> = l.as_object().into_iter().flatten().map(|(k, _)| k.as_str()).collect();
                    keys.retain(|k| {
                        ![
                            "service_line",
                            "service",
                            "month",
                            "from",
                            "to",
                            "amount",
                            "eligible",
                            "key_source",
                            "key_id",
                            "shares",
                        ]
                        .contains(k)
                    });
                    if !keys.is_empty() {
                        errs.push(format!("summary line has more than the summary: {keys:?}"));
                    }
                }
            }
            "reimbursement" => check_reimbursement(&result["reimbursement"], v, &mut errs),
            "postings" => subset_match(&r["result"]["postings"], v, "posting", &mut errs),
            "changes" | "corrections" => subset_match(&r["result"]["comparison"][k.as_str()], v, k, &mut errs),
            "change_count" | "correction_count" => {
                let list = if k == "change_count" { "changes" } else { "corrections" };
                let n = r["result"]["comparison"][list].as_array().map_or(0, Vec::len);
                if json!(n) != *v {
                    errs.push(format!("{n} {list}, expected {v}"));
                }
            }
            "export_lines" => {
                let text = s(&r["result"]["export"]);
                let got: Vec<&str> = text.lines().collect();
                let want: Vec<String> = v.as_array().into_iter().flatten().map(s).collect();
                if got != want {
                    errs.push(format!("export is {got:#?}, expected {want:#?}"));
                }
            }
            "posting_count" => {
                let n = r["result"]["postings"].as_array().map_or(0, Vec::len);
                if json!(n) != *v {
                    errs.push(format!("{n} postings, expected {v}"));
                }
            }
            "portfolio" => {
                if !matches(result, v) {
                    errs.push(format!("portfolio does not match {v}"));
                }
            }
            "portfolio_departments" | "portfolio_groups" | "portfolio_months" => {
                let (lists, key): (Vec<&Value>, &str) = match k.as_str() {
                    "portfolio_departments" => (vec![&result["departments"]], "department"),
                    "portfolio_groups" => {
                        (vec![&result["budget_areas"], &result["committees"], &result["municipalities"]], "id")
                    }
                    _ => (vec![&result["months"]], "month"),
                };
                for (id, want) in v.as_object().into_iter().flatten() {
                    match lists.iter().find_map(|l| find_by(l, key, id)) {
                        Some(got) if matches(got, want) => {}
                        got => errs.push(format!("{k} {id} is {got:?}, expected {want}")),
                    }
                }
            }
            // ---- financing (branch finance) ----
            "pools" | "compensations" => {
                for (id, want) in v.as_object().into_iter().flatten() {
                    match find_by(&result[k.as_str()], "id", id) {
                        Some(got) if matches(got, want) => {}
                        got => errs.push(format!("pool {id} is {got:?}, expected {want}")),
                    }
                }
            }
            "grants" => {
                for (id, want) in v.as_object().into_iter().flatten() {
                    match find_by(&result["grants"], "id", id) {
                        Some(got) if matches(got, want) => {}
                        got => errs.push(format!("grant {id} is {got:?}, expected {want}")),
                    }
                }
            }
            "pool_postings"
            | "pool_posting_count"
            | "compensation_postings"
            | "compensation_posting_count"
            | "grant_postings"
            | "grant_posting_count" => {
                let list = match k.split('_').next() {
                    Some("pool") => "pools",
                    Some("grant") => "grants",
                    _ => "compensations",
                };
                let all: Vec<Value> = result[list]
                    .as_array()
                    .into_iter()
                    .flatten()
                    .flat_map(|p| p["postings"].as_array().cloned().unwrap_or_default())
                    .collect();
                if k.ends_with("_count") {
                    if json!(all.len()) != *v {
                        errs.push(format!("{} pool postings, expected {v}", all.len()));
                    }
                } else {
                    subset_match(&Value::Array(all), v, "pool posting", &mut errs);
                }
            }
            "declares" => {
                for (list, n) in v.as_object().into_iter().flatten() {
                    let got = r["result"][list].as_array().map_or(0, Vec::len);
                    if json!(got) != *n {
                        errs.push(format!("check lists {got} {list}, expected {n}"));
                    }
                }
            }
            other => errs.push(format!("harness: unknown expectation '{other}'")),
        }
    }
    if errs.is_empty() {
        Ok(())
    } else {
        Err(errs)
    }
}

/// Run every case through `engine`; returns (passed, failures as "name: problem" lines).
pub fn run_all(cases: &[Golden], engine: &mut dyn FnMut(&Golden) -> String) -> (usize, Vec<String>) {
    let mut passed = 0;
    let mut failures = Vec::new();
    for g in cases {
        match check(g, &engine(g)) {
            Ok(()) => passed += 1,
            Err(problems) => failures.extend(problems.into_iter().map(|p| format!("{}: {p}", g.name))),
        }
    }
    (passed, failures)
}
