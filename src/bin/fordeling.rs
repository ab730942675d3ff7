//! The `fordeling` command line: reads files, builds a contract request, prints the answer.
//! All logic lives in the library; this file only reads, dispatches and writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use fordeling::contract::xlsx::Workbook;
use fordeling::contract::{handle, Answer, Command, Detail, DocInput, ErrorReport, Output, Request, Response};
use fordeling::i18n::{Message, Word};
use fordeling::report::explain::{explain_text, policy_summary, table};
use fordeling::Lang;
use fordeling::{example, Date, ErrorCode, ErrorKind, Period};

#[cfg(feature = "server")]
#[path = "cli/serve.rs"]
mod serve;

/// Exit code: the input was invalid (documents, arguments, unreadable files).
const EXIT_INVALID: u8 = 1;
/// Exit code: something failed inside (writing output, a bug).
const EXIT_INTERNAL: u8 = 2;

#[derive(Parser)]
#[command(
    name = "fordeling",
    version,
    about = "Split the cost of support for children with disabilities across departments, to the øre."
)]
struct Cli {
    /// How errors are written to stderr.
    #[arg(long, global = true, value_enum, default_value_t = ErrorFormat::Human)]
    error_format: ErrorFormat,
    /// Language of texts.
    #[arg(long, global = true, value_enum, default_value_t = LangArg::En)]
    lang: LangArg,
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Validate a policy (TOML, JSON or a workbook) and list what it declares.
    Check {
        /// The policy file.
        policy: PathBuf,
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
    },
    /// Split a case over a period.
    Split(CaseArgs),
    /// Split a case and explain every number in words.
    Explain(CaseArgs),
    /// Split a case and print the posting lines that book it (CSV by default).
    Postings(CaseArgs),
    /// Compare a case with its previous version: changes per month and department, and correcting
    /// postings for the months already booked.
    Compare {
        #[command(flatten)]
        case: CaseArgs,
        /// The previous version of the case.
        #[arg(long)]
        previous: PathBuf,
        /// The last month already booked (YYYY-MM); default: every month of the period.
        #[arg(long)]
        booked_through: Option<String>,
    },
    /// Write a policy (and a case) as a workbook to fill in: the template, in Danish with
    /// `--lang da` (Danish sheets and columns, lists to choose from, and a sheet of instructions).
    Template {
        /// The policy file (TOML, JSON or a workbook).
        #[arg(long)]
        policy: PathBuf,
        /// The case file, if the template should hold one.
        #[arg(long, conflicts_with = "cases")]
        case: Option<PathBuf>,
        /// Many cases (a folder of case files, a JSON Lines file or a workbook of cases): the template
        /// holds them all, one row per case on the sheet 'case', for `portfolio --cases`.
        #[arg(long)]
        cases: Option<PathBuf>,
        /// The workbook to write (.xlsx).
        #[arg(long, short)]
        output: PathBuf,
    },
    /// Split the built-in example case with the built-in example policy (made-up amounts).
    Demo {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Table)]
        format: Format,
        /// Which example case.
        #[arg(long, default_value = "case-ishoj")]
        case: String,
    },
    /// Answer a JSON contract request read from a file ('-' for stdin).
    Request {
        /// The request file.
        file: PathBuf,
    },
    /// Split many cases (JSON Lines: one case document per line) with one policy, streaming: results
    /// as JSON Lines to OUTPUT, bad records (with line numbers) and totals to stderr.
    Batch(BatchArgs),
    /// Follow many cases through a budget year: actual to date, forecast to the year's end, next
    /// year and three estimate years, per department, budget area, committee, municipality and month.
    Portfolio(PortfolioArgs),
    /// Serve the JSON contract over HTTP (POST /v1/{check,split,explain,postings,compare}, GET
    /// /v1/health, GET /v1/openapi.json) until SIGTERM or ctrl-c; SIGHUP reloads the policies.
    #[cfg(feature = "server")]
    Serve(serve::ServeArgs),
}

#[derive(clap::Args)]
struct CaseArgs {
    /// The policy file (TOML, JSON, or a workbook: .xlsx, .xls, .ods).
    #[arg(long)]
    policy: PathBuf,
    /// The case file (TOML, JSON, or a workbook: .xlsx, .xls, .ods).
    #[arg(long)]
    case: PathBuf,
    /// First day of the period (YYYY-MM-DD).
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// Last day of the period (YYYY-MM-DD).
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// Output format (default: json for split, readable text for explain); xlsx needs --output.
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Write the output to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// Another child's case in the same household (repeatable): its cost is added for state
    /// reimbursement.
    #[arg(long)]
    sibling: Vec<PathBuf>,
    /// How much of each line the JSON answer of `split` carries: full, or summary (amount, key and
    /// shares).
    #[arg(long, value_enum, default_value_t = DetailArg::Full)]
    detail: DetailArg,
    /// For postings: an export profile (generic, dansk, or one of the policy's ledger.profiles);
    /// the table output is then that profile's text.
    #[arg(long)]
    profile: Option<String>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum DetailArg {
    Full,
    Summary,
}

impl From<DetailArg> for fordeling::contract::Detail {
    fn from(d: DetailArg) -> Self {
        match d {
            DetailArg::Full => fordeling::contract::Detail::Full,
            DetailArg::Summary => fordeling::contract::Detail::Summary,
        }
    }
}

#[derive(clap::Args)]
struct BatchArgs {
    /// The policy file (TOML, JSON, or a workbook: .xlsx, .xls, .ods).
    #[arg(long)]
    policy: PathBuf,
    /// The cases ('-' for stdin): one JSON case document per line, or CSV service lines with a case
    /// column (see --input-format).
    #[arg(long)]
    cases: PathBuf,
    /// The input format; by default csv for a file ending in .csv, else jsonl.
    #[arg(long, value_enum)]
    input_format: Option<InputFormat>,
    /// Also write the posting lines of every computed case to this CSV file.
    #[arg(long)]
    postings: Option<PathBuf>,
    /// First day of the period (YYYY-MM-DD); by default each case's own span.
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// Last day of the period (YYYY-MM-DD).
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// The output file (default stdout).
    #[arg(short, long)]
    output: Option<PathBuf>,
    /// How much of each line a case's result carries: full, or summary (amount, key and shares).
    #[arg(long, value_enum, default_value_t = DetailArg::Full)]
    detail: DetailArg,
}

#[derive(clap::Args)]
struct PortfolioArgs {
    /// The policy file (TOML, JSON, or a workbook: .xlsx, .xls, .ods).
    #[arg(long)]
    policy: PathBuf,
    /// The cases: a folder of case files (.toml, .json), a workbook of many cases (.xlsx, .ods: one
    /// row per case on the sheet 'case', a column 'case' on the other case sheets), or a JSON Lines
    /// file (one case per line).
    #[arg(long)]
    cases: PathBuf,
    /// The budget year.
    #[arg(long)]
    year: i32,
    /// The last month booked (YYYY-MM): months through it are actual, the rest forecast.
    #[arg(long)]
    booked_through: Option<String>,
    /// The date of the last report (YYYY-MM-DD): list the case agreements decided after it.
    #[arg(long)]
    since: Option<String>,
    /// The budget per department and year: CSV (department,year,amount), TOML or JSON.
    #[arg(long)]
    budget: Option<PathBuf>,
    /// The day re-assessments are listed against (YYYY-MM-DD); default: the last day booked.
    #[arg(long)]
    today: Option<String>,
    /// A scenario: another policy file (changed keys, agreements or financing); the answer adds the
    /// portfolio under it and what changes per department and year.
    #[arg(long)]
    scenario: Option<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
    /// Write the output to this file instead of stdout.
    #[arg(short, long)]
    output: Option<PathBuf>,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Format {
    Json,
    Table,
    /// A workbook (.xlsx) with the result's sheets and totals as formulas.
    Xlsx,
}

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ErrorFormat {
    Human,
    Json,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    En,
    Da,
}

struct Failure {
    code: u8,
    response: Response,
}

/// Read a document, at most [`fordeling::contract::format::MAX_INPUT_BYTES`] (a larger file, or an endless one
/// such as `/dev/zero`, is refused after reading one byte more).
fn read(path: &Path) -> Result<String, Failure> {
    use std::io::Read;
    let limit = fordeling::contract::format::MAX_INPUT_BYTES;
    let source: std::io::Result<Box<dyn Read>> = if path == Path::new("-") {
        Ok(Box::new(std::io::stdin()))
    } else {
        std::fs::File::open(path).map(|f| Box::new(f) as Box<dyn Read>)
    };
    text_of(source.and_then(|r| bounded(r, limit))).map_err(|e| cannot_read(path, e))
}

/// At most `limit` bytes from `r`: more is an error, so an endless input (`/dev/zero`) is refused
/// without filling the memory.
fn bounded(r: impl std::io::Read, limit: usize) -> std::io::Result<Vec<u8>> {
    use std::io::Read;
    let mut bytes = Vec::new();
    r.take(limit as u64 + 1).read_to_end(&mut bytes)?;
    if bytes.len() > limit {
        return Err(std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            say(Message::FileTooLarge { max: limit.to_string() }),
        ));
    }
    Ok(bytes)
}

fn text_of(bytes: std::io::Result<Vec<u8>>) -> std::io::Result<String> {
    bytes.and_then(utf8)
}

fn utf8(b: Vec<u8>) -> std::io::Result<String> {
    String::from_utf8(b).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        std::io::Error::new(std::io::ErrorKind::InvalidData, say(Message::NotUtf8 { offset: at.to_string() }))
    })
}

/// The language of the CLI's own texts (`--lang`), set once at start.
static LANG: std::sync::OnceLock<Lang> = std::sync::OnceLock::new();

fn lang() -> Lang {
    LANG.get().copied().unwrap_or_default()
}

/// A message of the catalogue in the CLI's language.
fn say(m: Message) -> String {
    m.text(lang())
}

/// Why a file could not be read or written, in words of the catalogue where the system's error is
/// a common one, else the system's own text.
fn io_reason(e: &std::io::Error) -> String {
    if lang() == Lang::En || e.kind() == std::io::ErrorKind::InvalidData {
        return e.to_string();
    }
    match e.kind() {
        std::io::ErrorKind::NotFound => say(Message::FileNotFound),
        std::io::ErrorKind::PermissionDenied => say(Message::FilePermission),
        std::io::ErrorKind::IsADirectory => say(Message::FileIsDirectory),
        _ => e.to_string(),
    }
}

fn cannot_read(path: &Path, e: std::io::Error) -> Failure {
    let message = Message::CannotRead { path: path.display().to_string(), reason: io_reason(&e) };
    Failure {
        code: EXIT_INVALID,
        response: error_response(ErrorCode::File, &path.display().to_string(), &say(message)),
    }
}

/// A policy or case file: TOML or JSON text, or a workbook (.xlsx, .xls, .ods, or zip or OLE bytes),
/// with the workbook it was read from.
fn document(path: &Path, policy: bool) -> Result<(DocInput, Option<Workbook>), Failure> {
    if path == Path::new("-") {
        return read(path).map(|t| (DocInput::text(&t), None));
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    let named_workbook = matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "ods"));
    // A workbook may have 20 MB; a text document (or a workbook without its extension) 16 MiB.
    let limit = if named_workbook {
        fordeling::contract::xlsx::MAX_WORKBOOK_BYTES
    } else {
        fordeling::contract::format::MAX_INPUT_BYTES
    };
    let file = std::fs::File::open(path).map_err(|e| cannot_read(path, e))?;
    let bytes = bounded(file, limit).map_err(|e| cannot_read(path, e))?;
    if !named_workbook && !fordeling::contract::xlsx::is_workbook(&bytes) {
        return utf8(bytes).map(|t| (DocInput::text(&t), None)).map_err(|e| cannot_read(path, e));
    }
    let file = path.display();
    let wb = fordeling::contract::xlsx::read_workbook(&bytes).map_err(|errors| {
        let errors = errors.iter().map(|e| ErrorReport {
            kind: ErrorKind::Request,
            code: ErrorCode::File,
            item: e.place.clone(),
            field: None,
            message: format!("{file}: {}", e.text(lang())),
        });
        Failure { code: EXIT_INVALID, response: Response::Error { version: 1, errors: errors.collect() } }
    })?;
    let (doc, missing) = if policy {
        (wb.policy.clone(), say(Message::WorkbookNoPolicy))
    } else {
        (wb.case.clone(), say(Message::WorkbookNoCase))
    };
    match doc {
        Some(doc) => Ok((DocInput::value(&doc), Some(wb))),
        None => Err(Failure {
            code: EXIT_INVALID,
            response: error_response(ErrorCode::File, "", &format!("{file}: {missing}")),
        }),
    }
}

/// The workbooks the policy and the case were read from, to name the sheet and row of an item a
/// document error names.
#[derive(Default)]
struct Sources {
    policy: Option<Workbook>,
    case: Option<Workbook>,
    /// The workbook of a portfolio's cases (its name as given) and where each case was written.
    cases: Option<(String, Vec<fordeling::contract::xlsx::WorkbookCase>)>,
}

impl Sources {
    fn policy(&mut self, path: &Path) -> Result<DocInput, Failure> {
        let (doc, wb) = document(path, true)?;
        self.policy = wb;
        Ok(doc)
    }

    fn case(&mut self, path: &Path) -> Result<DocInput, Failure> {
        let (doc, wb) = document(path, false)?;
        self.case = wb;
        Ok(doc)
    }

    /// A portfolio's cases (see [`portfolio_cases`]), keeping where each case of a workbook was
    /// written.
    fn cases(&mut self, path: &Path) -> Result<Vec<DocInput>, Failure> {
        let (docs, placed) = portfolio_cases_placed(path)?;
        self.cases = placed.map(|p| (path.display().to_string(), p));
        Ok(docs)
    }

    /// `departments, row 3: policy: departments[1] ...` for errors in documents from workbooks;
    /// `cases.xlsx, sheet 'case services', row 5, column F, case 'k3': ...` for a case of a workbook of
    /// many cases.
    fn name_rows(&self, mut response: Response) -> Response {
        if let (Response::Error { errors, .. }, Some((file, cases))) = (&mut response, &self.cases) {
            fordeling::contract::xlsx::place_case_errors(errors, file, cases, lang());
        }
        if let Response::Error { errors, .. } = &mut response {
            for e in errors {
                let wb = if e.kind == ErrorKind::Policy { &self.policy } else { &self.case };
                if let Some(origin) = wb.as_ref().and_then(|wb| wb.origin(e.kind.as_str(), &e.item)) {
                    e.message = format!("{origin}: {}", e.message);
                }
            }
        }
        response
    }
}

fn error_response(code: ErrorCode, item: &str, message: &str) -> Response {
    let report = fordeling::contract::ErrorReport {
        kind: ErrorKind::Request,
        code,
        item: item.into(),
        field: None,
        message: message.into(),
    };
    Response::Error { version: fordeling::contract::CONTRACT_VERSION, errors: vec![report] }
}

/// Today's date from the system clock, in the machine's time zone: the contract's `today`, for an
/// open-ended case split without --from/--to (the library itself reads no clock).
fn today() -> Option<Date> {
    let d = jiff::Zoned::now().date();
    Date::new(i32::from(d.year()), u32::try_from(d.month()).ok()?, u32::try_from(d.day()).ok()?).ok()
}

fn siblings(paths: &[PathBuf]) -> Result<Vec<DocInput>, Failure> {
    paths.iter().map(|p| document(p, false).map(|(doc, _)| doc)).collect()
}

/// A date argument (`which` names the option).
fn parse_date(s: &str, which: &str) -> Result<Date, Failure> {
    Date::parse(s).map_err(|e| Failure {
        code: EXIT_INVALID,
        response: error_response(ErrorCode::Syntax, which, &say(Message::from(&e))),
    })
}

fn period(from: &Option<String>, to: &Option<String>) -> Result<Option<Period>, Failure> {
    let parse = parse_date;
    match (from, to) {
        (Some(f), Some(t)) => Ok(Some(Period { from: parse(f, "--from")?, to: parse(t, "--to")? })),
        _ => Ok(None),
    }
}

/// `--since`: a date.
fn since_date(d: &str) -> Result<Date, Failure> {
    Date::parse(d).map_err(|e| Failure {
        code: EXIT_INVALID,
        response: error_response(ErrorCode::Syntax, "--since", &e.to_string()),
    })
}

/// `--booked-through`: a month.
fn booked_month(m: &str) -> Result<fordeling::Month, Failure> {
    fordeling::Month::parse(m).map_err(|_| Failure {
        code: EXIT_INVALID,
        response: error_response(
            ErrorCode::Syntax,
            "--booked-through",
            &format!("--booked-through {}", say(Message::NotAMonth { text: m.chars().take(40).collect::<String>() })),
        ),
    })
}

/// The cases of a portfolio: every .toml and .json file of a folder (by name), the cases of a
/// workbook (.xlsx, .xls, .ods: the case sheets with a `case` column), or the lines of a JSON Lines
/// file.
fn portfolio_cases(path: &Path) -> Result<Vec<DocInput>, Failure> {
    portfolio_cases_placed(path).map(|(docs, _)| docs)
}

/// [`portfolio_cases`], with where each case of a workbook was written.
fn portfolio_cases_placed(
    path: &Path,
) -> Result<(Vec<DocInput>, Option<Vec<fordeling::contract::xlsx::WorkbookCase>>), Failure> {
    if path.is_dir() {
        let entries = std::fs::read_dir(path).map_err(|e| cannot_read(path, e))?;
        let mut files = Vec::new();
        for e in entries {
            let p = e.map_err(|e| cannot_read(path, e))?.path();
            if p.extension().is_some_and(|x| x == "toml" || x == "json") {
                files.push(p);
            }
        }
        files.sort();
        return Ok((files.iter().map(|p| read(p).map(|t| DocInput::text(&t))).collect::<Result<_, _>>()?, None));
    }
    let ext = path.extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
    if matches!(ext.as_deref(), Some("xlsx" | "xlsm" | "xls" | "ods")) {
        let file = std::fs::File::open(path).map_err(|e| cannot_read(path, e))?;
        let bytes = bounded(file, fordeling::contract::xlsx::MAX_WORKBOOK_BYTES).map_err(|e| cannot_read(path, e))?;
        let name = path.display();
        let cases = fordeling::contract::xlsx::read_workbook_cases(&bytes).map_err(|errors| {
            let errors = errors.iter().map(|e| ErrorReport {
                kind: ErrorKind::Request,
                code: ErrorCode::File,
                item: e.place.clone(),
                field: None,
                message: format!("{name}: {}", e.text(lang())),
            });
            Failure { code: EXIT_INVALID, response: Response::Error { version: 1, errors: errors.collect() } }
        })?;
        return Ok((cases.iter().map(|c| DocInput::value(&c.doc)).collect(), Some(cases)));
    }
    let text = read(path)?;
    Ok((text.lines().filter(|l| !l.trim().is_empty()).map(DocInput::text).collect(), None))
}

/// `--budget`: CSV (by its extension), or a TOML or JSON budget document.
fn budget(path: &Path) -> Result<DocInput, Failure> {
    let text = read(path)?;
    if !path.extension().is_some_and(|x| x.eq_ignore_ascii_case("csv")) {
        return Ok(DocInput::text(&text));
    }
    match fordeling::contract::budget::budget_from_csv(&text, lang()) {
        Ok(doc) => serde_json::to_value(&doc).map(|v| DocInput::value(&v)).map_err(|e| io_failure("budget", e.into())),
        Err(errors) => Err(Failure { code: EXIT_INVALID, response: Response::Error { version: 1, errors } }),
    }
}

fn run(cli: &Cli) -> Result<String, Failure> {
    let mut sources = Sources::default();
    run_with(cli, &mut sources).map_err(|f| Failure { code: f.code, response: sources.name_rows(f.response) })
}

fn run_with(cli: &Cli, sources: &mut Sources) -> Result<String, Failure> {
    let lang = match cli.lang {
        LangArg::En => Lang::En,
        LangArg::Da => Lang::Da,
    };
    let (request, format, output) = match &cli.command {
        Cmd::Check { policy, format } => {
            (Request { lang, ..Request::new(Command::Check, sources.policy(policy)?) }, *format, None)
        }
        Cmd::Split(a) | Cmd::Explain(a) | Cmd::Postings(a) => {
            let command = match cli.command {
                Cmd::Split(_) => Command::Split,
                Cmd::Postings(_) => Command::Postings,
                _ => Command::Explain,
            };
            let policy = sources.policy(&a.policy)?;
            let req = Request {
                case: Some(sources.case(&a.case)?),
                period: period(&a.from, &a.to)?,
                today: today(),
                lang,
                siblings: siblings(&a.sibling)?,
                detail: if command == Command::Split { a.detail.into() } else { fordeling::contract::Detail::Full },
                profile: if command == Command::Postings { a.profile.clone() } else { None },
                ..Request::new(command, policy)
            };
            let default = if command == Command::Split { Format::Json } else { Format::Table };
            (req, a.format.unwrap_or(default), a.output.as_deref())
        }
        Cmd::Template { policy, case: _, cases: Some(cases), output } => {
            let policy = sources.policy(policy)?;
            let bytes = fordeling::contract::xlsx::cases_template_in(policy, portfolio_cases(cases)?, lang).map_err(
                |errors| Failure {
                    code: EXIT_INVALID,
                    response: Response::Error { version: fordeling::contract::CONTRACT_VERSION, errors },
                },
            )?;
            std::fs::write(output, bytes).map_err(|e| io_failure(&output.display().to_string(), e))?;
            return Ok(String::new());
        }
        Cmd::Template { policy, case, cases: None, output } => {
            return write_template(sources, policy, case.as_deref(), output, lang)
        }
        Cmd::Demo { format, case } => {
            let Some(ex) = example::CASES.iter().find(|e| e.name == case) else {
                let names: Vec<&str> = example::CASES.iter().map(|e| e.name).collect();
                return Err(Failure {
                    code: EXIT_INVALID,
                    response: error_response(
                        ErrorCode::UnknownReference,
                        "--case",
                        &say(Message::NoExampleCase { case: case.clone(), names: names.join(", ") }),
                    ),
                });
            };
            let req = Request {
                case: Some(DocInput::text(ex.case)),
                period: ex.period(),
                lang,
                ..Request::new(Command::Split, DocInput::text(example::POLICY))
            };
            (req, *format, None)
        }
        Cmd::Compare { case: a, previous, booked_through } => {
            let booked_through = booked_through.as_deref().map(booked_month).transpose()?;
            let policy = sources.policy(&a.policy)?;
            let req = Request {
                case: Some(sources.case(&a.case)?),
                period: period(&a.from, &a.to)?,
                today: today(),
                lang,
                siblings: siblings(&a.sibling)?,
                previous_case: Some(document(previous, false)?.0),
                booked_through,
                ..Request::new(Command::Compare, policy)
            };
            (req, a.format.unwrap_or(Format::Table), a.output.as_deref())
        }
        Cmd::Batch(a) => return run_batch(a, cli.error_format),
        Cmd::Portfolio(a) => {
            let req = Request {
                cases: sources.cases(&a.cases)?,
                year: Some(a.year),
                booked_through: a.booked_through.as_deref().map(booked_month).transpose()?,
                budget: a.budget.as_deref().map(budget).transpose()?,
                since: a.since.as_deref().map(since_date).transpose()?,
                today: a.today.as_deref().map(|t| parse_date(t, "--today")).transpose()?,
                scenario: a.scenario.as_deref().map(|p| document(p, true).map(|d| d.0)).transpose()?,
                lang,
                ..Request::new(Command::Portfolio, sources.policy(&a.policy)?)
            };
            (req, a.format, a.output.as_deref())
        }
        #[cfg(feature = "server")]
        Cmd::Serve(a) => return serve::run(a),
        Cmd::Request { file } => {
            let text = read(file)?;
            let mut engine = fordeling::contract::Engine::new();
            let answer = engine.prepare_json(&text);
            if let Some(error) = answer.error() {
                // Printed on stdout like any answer; `main` exits as invalid input.
                return Ok(error.to_json() + "\n");
            }
            return write_answer(&answer, None, false).map(|()| String::new());
        }
    };
    if format == Format::Xlsx {
        return write_workbook(request, output);
    }
    // A split answered in JSON is written while its lines are computed (memory bounded by a line).
    if request.command == Command::Split && (format == Format::Json || request.detail == Detail::Summary) {
        let mut engine = fordeling::contract::Engine::new();
        let answer = engine.prepare(request);
        if let Some(error) = answer.error() {
            return Err(Failure { code: EXIT_INVALID, response: error.clone() });
        }
        return write_answer(&answer, output, true).map(|()| String::new());
    }
    let explain = matches!(cli.command, Cmd::Explain(_));
    let Some(text) = render(handle(request), format, explain, lang, output)? else {
        return Ok(String::new());
    };
    match output {
        Some(path) => {
            std::fs::write(path, text).map(|_| String::new()).map_err(|e| io_failure(&path.display().to_string(), e))
        }
        None => Ok(text),
    }
}

/// A successful answer as text in the chosen format (`None`: JSON, already written to `output`); a
/// refused one as the failure.
fn render(
    response: Response,
    format: Format,
    explain: bool,
    lang: Lang,
    output: Option<&Path>,
) -> Result<Option<String>, Failure> {
    let Response::Ok { result, .. } = &response else {
        return Err(Failure { code: EXIT_INVALID, response });
    };
    Ok(Some(match (format, result.as_ref()) {
        (Format::Json | Format::Xlsx, _) | (_, Output::Parse { .. } | Output::Summary(_)) => {
            return write_json(&response, output).map(|()| None)
        }
        (Format::Table, Output::Check(doc)) => policy_summary(doc, lang),
        (Format::Table, Output::Split(r)) if explain => explain_text(r, lang),
        (Format::Table, Output::Split(r)) => table(r, lang),
        (Format::Table, Output::Explain { text, .. }) => text.clone(),
        (Format::Table, Output::Portfolio(p)) => {
            let mut t = fordeling::year::grant_table::portfolio_tables(p, lang);
            if let Some(changes) = &p.changes_since {
                t.push_str(&fordeling::year::changes::changes_text(changes, lang));
            }
            t
        }
        (Format::Table, Output::Postings { export: Some(text), .. }) => text.clone(),
        (Format::Table, Output::Postings { postings, .. }) => fordeling::report::postings::csv(postings),
        (Format::Table, Output::Compare { comparison: c, .. }) => {
            let (before, after) = (c.before.to_string(), c.after.to_string());
            let mut t = Word::CompareHeading.with(lang, &[("before", &before), ("after", &after)]) + "\n";
            let mut rows = fordeling::report::postings::CsvText::new();
            for h in [Word::Month, Word::Department, Word::Before, Word::After, Word::Difference] {
                rows.text(&h.text(lang));
            }
            rows.end();
            for ch in &c.changes {
                rows.text(&ch.month.to_string()).text(&ch.department).number(ch.before).number(ch.after);
                rows.number(ch.difference).end();
            }
            t.push_str(&rows.finish());
            t.push_str(&format!("\n{}\n", Word::Corrections.text(lang)));
            t.push_str(&fordeling::report::postings::csv(&c.corrections));
            t
        }
        // A kind of result this CLI does not know yet: as JSON.
        _ => return write_json(&response, output).map(|()| None),
    }))
}

/// `fordeling template`: the policy (and case) as a workbook to fill in, in `lang`.
fn write_template(
    sources: &mut Sources,
    policy: &Path,
    case: Option<&Path>,
    output: &Path,
    lang: Lang,
) -> Result<String, Failure> {
    let policy = sources.policy(policy)?;
    let case = case.map(|c| sources.case(c)).transpose()?;
    let bytes = fordeling::contract::xlsx::template_in(policy, case, lang).map_err(|errors| Failure {
        code: EXIT_INVALID,
        response: Response::Error { version: fordeling::contract::CONTRACT_VERSION, errors },
    })?;
    std::fs::write(output, bytes).map_err(|e| io_failure(&output.display().to_string(), e))?;
    Ok(String::new())
}

/// `--format xlsx`: the answer as a workbook, written to `--output`.
fn write_workbook(request: Request, output: Option<&Path>) -> Result<String, Failure> {
    let Some(path) = output else {
        let message = &say(Message::XlsxNeedsOutput);
        return Err(Failure { code: EXIT_INVALID, response: error_response(ErrorCode::Invalid, "--format", message) });
    };
    let bytes = fordeling::contract::xlsx::response_workbook(request)
        .map_err(|response| Failure { code: EXIT_INVALID, response })?;
    std::fs::write(path, bytes).map_err(|e| io_failure(&path.display().to_string(), e))?;
    Ok(String::new())
}

/// Write an answer as indented JSON straight to `output` or stdout (streamed through a buffer, never
/// built as one string: memory stays bounded by the result in hand).
fn write_json(response: &Response, output: Option<&Path>) -> Result<(), Failure> {
    written(output_writer(output)?, |out| serde_json::to_writer_pretty(out, response).map_err(std::io::Error::from))
}

/// Write an answer as JSON (indented when `pretty`) and a newline to `output` or stdout; a split's
/// lines are computed while they are written.
fn write_answer(answer: &Answer, output: Option<&Path>, pretty: bool) -> Result<(), Failure> {
    written(output_writer(output)?, |out| answer.write_json(out, pretty))
}

/// Write with `write`, then a newline, and flush: output that cannot be written is an internal
/// error (exit 2), as in `main`; a closed pipe is not an error.
fn written(
    mut out: std::io::BufWriter<Box<dyn Write>>,
    write: impl FnOnce(&mut std::io::BufWriter<Box<dyn Write>>) -> std::io::Result<()>,
) -> Result<(), Failure> {
    match write(&mut out).and_then(|_| out.write_all(b"\n")).and_then(|_| out.flush()) {
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure { code: EXIT_INTERNAL, ..io_failure("output", e) })
        }
        _ => Ok(()),
    }
}

fn io_failure(what: &str, e: std::io::Error) -> Failure {
    let message = say(Message::CannotWrite { what: what.to_string(), reason: io_reason(&e) });
    Failure { code: EXIT_INVALID, response: error_response(ErrorCode::File, what, &message) }
}

/// Read `input` line by line, feed each line's bytes (without the line end) to `feed` (which
/// appends output text or returns an error line for stderr; `None` at the end of the input), and
/// write the output in large chunks.
fn stream(
    input: &Path,
    output: Option<&Path>,
    header: &str,
    mut feed: impl FnMut(Option<(u64, &[u8])>, &mut String) -> Option<String>,
) -> Result<u64, Failure> {
    use std::io::{BufRead, BufReader, BufWriter, IsTerminal};
    let mut reader: Box<dyn BufRead> = if input == Path::new("-") {
        Box::new(BufReader::with_capacity(1 << 16, std::io::stdin()))
    } else {
        let f = std::fs::File::open(input).map_err(|e| io_failure(&input.display().to_string(), e))?;
        Box::new(BufReader::with_capacity(1 << 16, f))
    };
    let mut writer: Box<dyn Write> = match output {
        Some(p) => Box::new(BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(p).map_err(|e| io_failure(&p.display().to_string(), e))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    };
    let progress = std::io::stderr().is_terminal();
    let mut out = String::with_capacity(1 << 17);
    out.push_str(header);
    let mut stderr = std::io::stderr().lock();
    let mut n: u64 = 0;
    let mut raw = Vec::with_capacity(256);
    loop {
        raw.clear();
        if reader.read_until(b'\n', &mut raw).map_err(|e| io_failure("input", e))? == 0 {
            break;
        }
        n += 1;
        if raw.last() == Some(&b'\n') {
            raw.pop();
        }
        if let Some(error) = feed(Some((n, &raw)), &mut out) {
            let _ = writeln!(stderr, "{error}");
        }
        if out.len() >= 1 << 16 {
            writer.write_all(out.as_bytes()).map_err(|e| io_failure("output", e))?;
            out.clear();
        }
        if progress && n % 100_000 == 0 {
            let count = lang().number(&n.to_string());
            let _ = write!(stderr, "\r{}", Word::BatchProgressLines.with(lang(), &[("count", &count)]));
        }
    }
    feed(None, &mut out);
    writer.write_all(out.as_bytes()).and_then(|_| writer.flush()).map_err(|e| io_failure("output", e))?;
    if progress {
        let _ = write!(stderr, "\r");
    }
    Ok(n)
}

/// The output file, or stdout, buffered (a concrete `BufWriter`, so that the many small writes of
/// a serializer are copies into its buffer, not calls through `dyn Write`).
fn output_writer(output: Option<&Path>) -> Result<std::io::BufWriter<Box<dyn Write>>, Failure> {
    let inner: Box<dyn Write> = match output {
        Some(p) => Box::new(std::fs::File::create(p).map_err(|e| io_failure(&p.display().to_string(), e))?),
        None => Box::new(std::io::stdout().lock()),
    };
    Ok(std::io::BufWriter::with_capacity(1 << 16, inner))
}

/// Many cases (JSON Lines or CSV service lines) with one policy, streaming: results as JSON Lines,
/// bad records (with line numbers) and totals to stderr.
fn run_batch(a: &BatchArgs, errors: ErrorFormat) -> Result<String, Failure> {
    use fordeling::contract::batch::{Batch, BatchError, CsvBatch};
    use std::io::{BufReader, Read};
    let policy = fordeling::contract::read_policy(&document(&a.policy, true)?.0)
        .map_err(|e| Failure { code: EXIT_INVALID, response: Response::from_errors(&e) })?;
    let mut batch = Batch::new(&policy, period(&a.from, &a.to)?).with_detail(a.detail.into()).with_lang(lang());
    let mut postings = match &a.postings {
        Some(p) => {
            batch = batch.with_postings();
            let mut w =
                std::io::BufWriter::new(std::fs::File::create(p).map_err(|e| io_failure(&p.display().to_string(), e))?);
            writeln!(w, "{}", fordeling::report::postings::CSV_HEADER).map_err(|e| io_failure("postings", e))?;
            Some(w)
        }
        None => None,
    };
    let csv = a.input_format == Some(InputFormat::Csv)
        || (a.input_format.is_none() && a.cases.extension().is_some_and(|e| e.eq_ignore_ascii_case("csv")));
    let show = |e: BatchError| match errors {
        ErrorFormat::Json => {
            let list: Vec<String> = e.errors.iter().map(|r| serde_json::to_string(r).unwrap_or_default()).collect();
            format!("{{\"line\":{},\"errors\":[{}]}}", e.line, list.join(","))
        }
        ErrorFormat::Human => format!("{}: {}", Word::ErrorPrefix.text(lang()), e.text(lang())),
    };
    let mut write_failed = None;
    let mut drain = |b: &mut Batch| {
        if let Some(w) = &mut postings {
            if let Err(e) = w.write_all(b.take_postings().as_bytes()) {
                write_failed = Some(e);
            }
        }
    };
    let totals = if csv {
        let input: Box<dyn Read> = if a.cases == Path::new("-") {
            Box::new(std::io::stdin().lock())
        } else {
            Box::new(std::fs::File::open(&a.cases).map_err(|e| io_failure(&a.cases.display().to_string(), e))?)
        };
        let mut reader = CsvBatch::new(batch, BufReader::with_capacity(1 << 16, input)).map_err(|e| Failure {
            code: EXIT_INVALID,
            response: Response::Error { version: fordeling::contract::CONTRACT_VERSION, errors: e.errors },
        })?;
        let mut writer = output_writer(a.output.as_deref())?;
        let mut out = String::with_capacity(1 << 17);
        let mut stderr = std::io::stderr().lock();
        let progress = std::io::IsTerminal::is_terminal(&std::io::stderr());
        let mut records: u64 = 0;
        while let Some(found) = reader.step(&mut out) {
            for e in found {
                let _ = writeln!(stderr, "{}", show(e));
            }
            records += 1;
            if progress && records % 100_000 == 0 {
                let count = lang().number(&records.to_string());
                let _ = write!(stderr, "\r{}", Word::BatchProgressRecords.with(lang(), &[("count", &count)]));
            }
            drain(reader.batch());
            if out.len() >= 1 << 16 {
                writer.write_all(out.as_bytes()).map_err(|e| io_failure("output", e))?;
                out.clear();
            }
        }
        writer.write_all(out.as_bytes()).and_then(|_| writer.flush()).map_err(|e| io_failure("output", e))?;
        if progress {
            let _ = write!(stderr, "\r");
        }
        reader.finish().finish()
    } else {
        stream(&a.cases, a.output.as_deref(), "", |item, out| {
            let (_, raw) = item?;
            let result = batch.push_bytes(raw, out);
            drain(&mut batch);
            result.err().map(&show)
        })?;
        batch.finish()
    };
    if let Some(e) = write_failed {
        return Err(io_failure("postings", e));
    }
    if let Some(w) = &mut postings {
        w.flush().map_err(|e| io_failure("postings", e))?;
    }
    eprintln!("{}", totals.text(lang(), Some(&policy)));
    Ok(String::new())
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_INVALID } else { 0 });
        }
    };
    let _ = LANG.set(match cli.lang {
        LangArg::En => Lang::En,
        LangArg::Da => Lang::Da,
    });
    match run(&cli) {
        Ok(out) => {
            // A contract answer tagged as failure is printed like any answer, and exits as invalid input.
            let failed = matches!(cli.command, Cmd::Request { .. }) && out.starts_with("{\"status\":\"error\"");
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
                Ok(()) if failed => ExitCode::from(EXIT_INVALID),
                Ok(()) => ExitCode::SUCCESS,
                Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => ExitCode::SUCCESS,
                Err(e) => {
                    let what = Word::Output.text(lang());
                    eprintln!("fordeling: {}", say(Message::CannotWrite { what, reason: io_reason(&e) }));
                    ExitCode::from(EXIT_INTERNAL)
                }
            }
        }
        Err(f) => {
            match cli.error_format {
                ErrorFormat::Json => eprintln!("{}", f.response.to_json()),
                ErrorFormat::Human => {
                    if let Response::Error { errors, .. } = &f.response {
                        for e in errors {
                            eprintln!("{}: {}", Word::ErrorPrefix.text(lang()), e.message);
                        }
                    }
                }
            }
            ExitCode::from(f.code)
        }
    }
}
