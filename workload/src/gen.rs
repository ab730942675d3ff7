//! Deterministic generators of realistic inputs, for benchmarks and differential tests.
//!
//! Everything here is a pure function of a seed: the same seed gives the same bytes on every
//! platform, so a native run and a WebAssembly run can be compared byte for byte.

use std::fmt::Write;

use fordeling::example;

/// A small, fast, deterministic random number generator (SplitMix64).
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator from a seed.
    pub fn new(seed: u64) -> Rng {
        Rng(seed)
    }
    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    /// A number in `lo..hi` (`hi > lo`).
    pub fn range(&mut self, lo: u64, hi: u64) -> u64 {
        lo + self.next_u64() % (hi - lo).max(1)
    }
    /// True with probability `percent` / 100.
    pub fn chance(&mut self, percent: u64) -> bool {
        self.range(0, 100) < percent
    }
    /// One of the items.
    pub fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.range(0, items.len() as u64) as usize]
    }
}

fn date(rng: &mut Rng, from_year: u64, to_year: u64) -> String {
    let y = rng.range(from_year, to_year + 1);
    let m = rng.range(1, 13);
    let d = rng.range(1, 29);
    format!("{y:04}-{m:02}-{d:02}")
}

fn amount(rng: &mut Rng) -> String {
    let whole = rng.range(0, 60_000);
    let (sign, whole) = if rng.chance(5) { ("-", whole / 10) } else { ("", whole) };
    match rng.range(0, 4) {
        0 => format!("{sign}{whole}"),
        1 => format!("{sign}{whole}.{:02}", rng.range(0, 100)),
        2 => format!("{sign}{whole}.{:03}", rng.range(0, 1000)),
        _ => format!("{sign}{}00.00", whole / 100),
    }
}

const SERVICES: &[&str] = &[
    "merudgift",
    "tabt-arbejdsfortjeneste",
    "aflastning",
    "specialboernehave",
    "stoette-dagtilbud",
    "hjaelpemidler",
    "fysio-ergoterapi",
    "tale-hoerekonsulent",
    "bolig",
    "familiebehandling",
];
const DEPARTMENTS: &[&str] =
    &["ishoj-cbf", "ishoj-cdu", "ishoj-cvv", "ishoj-borgerservice", "vallensbaek-cbu", "vallensbaek-cfb"];
const SECTORS: &[&str] = &["children_social", "daycare_school", "health", "employment", "adult", "housing"];

/// A generated case for the built-in example policy (TOML text) and a period within it; services
/// start in the years `starts` (inclusive).
pub fn case(seed: u64, services: usize, starts: (u64, u64)) -> (String, String, String) {
    let mut rng = Rng::new(seed);
    let mut t = String::new();
    let _ = writeln!(t, "id = \"gen-{seed}\"");
    if rng.chance(80) {
        let _ = writeln!(t, "consent = [{{ from = \"{}\" }}]", date(&mut rng, 2019, 2023));
    }
    let others = rng.range(0, 3);
    t.push_str("other_cases = [");
    for i in 0..others {
        let _ = write!(t, "{}{{ id = \"o{i}\", sector = \"{}\" }}", if i > 0 { ", " } else { "" }, rng.pick(SECTORS));
    }
    t.push_str("]\n\n[child]\n");
    let _ = writeln!(t, "birth_date = \"{}\"", date(&mut rng, 2015, 2021));
    let _ = writeln!(t, "significant_permanent_disability = {}", rng.chance(90));
    let first = *rng.pick(&["ishoj", "vallensbaek"]);
    if rng.chance(20) {
        let other = if first == "ishoj" { "vallensbaek" } else { "ishoj" };
        let moved = date(&mut rng, 2021, 2024);
        let _ = writeln!(
            t,
            "handlekommune = [{{ municipality = \"{first}\", from = \"2014-01-01\" }}, {{ municipality = \"{other}\", from = \"{moved}\" }}]"
        );
    } else {
        let _ = writeln!(t, "handlekommune = [{{ municipality = \"{first}\", from = \"2014-01-01\" }}]");
    }
    for i in 0..services {
        let per = *rng.pick(&["month", "month", "month", "year", "once"]);
        let from = date(&mut rng, starts.0, starts.1);
        let _ = write!(
            t,
            "\n[[services]]\nid = \"s{i}\"\nservice = \"{}\"\namount = \"{}\"\nper = \"{per}\"\nfrom = \"{from}\"\n",
            rng.pick(SERVICES),
            amount(&mut rng)
        );
        if per != "once" && rng.chance(50) {
            let _ = writeln!(t, "to = \"{}\"", date(&mut rng, 2025, 2026));
        }
        if per != "once" && rng.chance(40) {
            let kind = *rng.pick(&["percent", "weights", "equal", "sole"]);
            let _ = write!(
                t,
                "\n[[agreements]]\nid = \"a{i}\"\nservice = \"s{i}\"\nfrom = \"{from}\"\nkind = \"{kind}\"\nshares = ["
            );
            let n = if kind == "sole" { 1 } else { rng.range(1, 4) };
            let mut used = Vec::new();
            for j in 0..n {
                let d = *rng.pick(DEPARTMENTS);
                if used.contains(&d) {
                    continue;
                }
                used.push(d);
                let value = match kind {
                    "percent" => format!(", percent = {}", rng.range(0, 34)),
                    "weights" => format!(", weight = \"{}.{}\"", rng.range(0, 10), rng.range(0, 10)),
                    _ => String::new(),
                };
                let _ = write!(t, "{}{{ department = \"{d}\"{value} }}", if j > 0 { ", " } else { "" });
            }
            t.push_str("]\n");
        }
    }
    let from = format!("{}-{:02}-01", rng.range(2021, 2025), rng.range(1, 13));
    let to = format!("{}-12-31", rng.range(2025, 2027));
    (t, from, to)
}

/// A contract request (JSON text) splitting a generated case with the example policy.
/// The first `count` generated cases (from seed 0 on) of `services` lines each, starting in
/// 2022–2024, that the example policy accepts (the generator makes a few invalid ones on purpose),
/// as TOML texts: the portfolio benchmark's cases (`benches/portfolio.rs`, `tests/e2e/bench.mjs`).
pub fn portfolio_cases(count: usize, services: usize) -> Vec<String> {
    let Ok(policy) = fordeling::Policy::from_text(example::POLICY) else { return Vec::new() };
    (0..)
        .map(|seed| case(seed, services, (2022, 2024)).0)
        .filter(|text| fordeling::Case::from_text(&policy, text).is_ok())
        .take(count)
        .collect()
}

pub fn request(seed: u64) -> String {
    let mut rng = Rng::new(seed ^ 0x5eed);
    let services = rng.range(1, 7) as usize;
    let (case, from, to) = case(seed, services, (2021, 2024));
    let command = if rng.chance(10) { "explain" } else { "split" };
    let lang = if rng.chance(50) { "da" } else { "en" };
    serde_json::json!({
        "version": 1,
        "command": command,
        "lang": lang,
        "policy": example::POLICY,
        "case": case,
        "period": { "from": from, "to": to },
    })
    .to_string()
}

/// 64-bit FNV-1a hash of bytes (to compare answers without storing them).
pub fn fnv1a(bytes: &[u8]) -> u64 {
    bytes.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

/// Generates the reference workload CSV (see [`crate::workload`]) line by line: amounts 100.00 to
/// 2,000,000.00 with two decimals, weights 0 to 100 with up to two decimals, about 8 lines per
/// case; about one case in ten names only department a (so it is not eligible).
#[derive(Debug, Clone)]
pub struct WorkloadGen {
    rng: Rng,
    case: u64,
    left_in_case: u64,
    only_a: bool,
}

impl WorkloadGen {
    /// A generator from a seed.
    pub fn new(seed: u64) -> WorkloadGen {
        WorkloadGen { rng: Rng::new(seed), case: 0, left_in_case: 0, only_a: false }
    }

    fn weight(&mut self, out: &mut String) {
        match self.rng.range(0, 4) {
            0 => out.push('0'),
            1 => {
                let _ = write!(out, "{}", self.rng.range(1, 101));
            }
            2 => {
                let _ = write!(out, "{}.{}", self.rng.range(0, 100), self.rng.range(1, 10));
            }
            _ => {
                let _ = write!(out, "{}.{:02}", self.rng.range(0, 100), self.rng.range(1, 100));
            }
        }
    }

    /// Append one input line (with its line end) to `out`.
    pub fn line(&mut self, out: &mut String) {
        if self.left_in_case == 0 {
            self.case += 1;
            self.left_in_case = self.rng.range(4, 13);
            self.only_a = self.rng.chance(10);
        }
        self.left_in_case -= 1;
        let cents = self.rng.range(10_000, 200_000_001);
        let service = *self.rng.pick(SERVICES);
        let _ = write!(out, "K{:07},{service},{}.{:02}", self.case, cents / 100, cents % 100);
        if self.only_a {
            let _ = write!(out, ",{}.{:02},0,0,0", self.rng.range(1, 100), self.rng.range(0, 100));
        } else {
            loop {
                let start = out.len();
                for _ in 0..4 {
                    out.push(',');
                    self.weight(out);
                }
                // At least one positive weight per line.
                if out[start..].split(',').skip(1).any(|w| w != "0") {
                    break;
                }
                out.truncate(start);
            }
        }
        out.push('\n');
    }
}
