//! The `fordeling` command line: reads files, builds a contract request, prints the answer.
//! All logic lives in the library; this file only reads, dispatches and writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use fordeling::contract::{handle, Command, DocInput, Output, Request, Response};
use fordeling::report::explain::{explain_text, policy_summary, table};
use fordeling::Lang;
use fordeling::{example, Date, ErrorCode, ErrorKind, Period};

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
    /// Validate a policy (TOML or JSON) and list what it declares.
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
    /// Split the reference workload CSV (case_id,service,amount_dkk,dept_a_weight..dept_d_weight),
    /// streaming: per-line shares to OUTPUT, totals and bad records to stderr.
    Workload {
        /// The input CSV ('-' for stdin).
        input: PathBuf,
        /// The output CSV (default stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Split many cases (JSON Lines: one case document per line) with one policy, streaming: results
    /// as JSON Lines to OUTPUT, bad records (with line numbers) and totals to stderr.
    Batch(BatchArgs),
    /// Write a deterministic reference workload CSV to stdout (for benchmarks).
    GenerateWorkload {
        /// Number of lines.
        #[arg(long, default_value_t = 1_000_000)]
        lines: u64,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
}

#[derive(clap::Args)]
struct CaseArgs {
    /// The policy file (TOML or JSON).
    #[arg(long)]
    policy: PathBuf,
    /// The case file (TOML or JSON).
    #[arg(long)]
    case: PathBuf,
    /// First day of the period (YYYY-MM-DD).
    #[arg(long, requires = "to")]
    from: Option<String>,
    /// Last day of the period (YYYY-MM-DD).
    #[arg(long, requires = "from")]
    to: Option<String>,
    /// Output format (default: json for split, readable text for explain).
    #[arg(long, value_enum)]
    format: Option<Format>,
    /// Another child's case in the same household (repeatable): its cost is added for state
    /// reimbursement.
    #[arg(long)]
    sibling: Vec<PathBuf>,
    /// How much of each line the JSON answer of `split` carries: full, or summary (amount, key and
    /// shares).
    #[arg(long, value_enum, default_value_t = DetailArg::Full)]
    detail: DetailArg,
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
    /// The policy file (TOML or JSON).
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

#[derive(Clone, Copy, PartialEq, Eq, ValueEnum)]
enum InputFormat {
    Jsonl,
    Csv,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Table,
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
    let text = source.and_then(|r| {
        let mut bytes = Vec::new();
        r.take(limit as u64 + 1).read_to_end(&mut bytes)?;
        if bytes.len() > limit {
            return Err(std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("it is larger than {limit} bytes (16 MiB), the most a document may have"),
            ));
        }
        String::from_utf8(bytes).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            std::io::Error::new(
                std::io::ErrorKind::InvalidData,
                format!("not valid UTF-8 text (bad byte at offset {at})"),
            )
        })
    });
    text.map_err(|e| Failure {
        code: EXIT_INVALID,
        response: error_response(
            ErrorCode::File,
            &path.display().to_string(),
            &format!("cannot read {}: {e}", path.display()),
        ),
    })
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

fn siblings(paths: &[PathBuf]) -> Result<Vec<DocInput>, Failure> {
    paths.iter().map(|p| read(p).map(|t| DocInput::text(&t))).collect()
}

fn period(from: &Option<String>, to: &Option<String>) -> Result<Option<Period>, Failure> {
    let parse = |s: &str, which: &str| {
        Date::parse(s).map_err(|e| Failure {
            code: EXIT_INVALID,
            response: error_response(ErrorCode::Syntax, which, &e.to_string()),
        })
    };
    match (from, to) {
        (Some(f), Some(t)) => Ok(Some(Period { from: parse(f, "--from")?, to: parse(t, "--to")? })),
        _ => Ok(None),
    }
}

fn run(cli: &Cli) -> Result<String, Failure> {
    let lang = match cli.lang {
        LangArg::En => Lang::En,
        LangArg::Da => Lang::Da,
    };
    let (request, format) = match &cli.command {
        Cmd::Check { policy, format } => {
            (Request { lang, ..Request::new(Command::Check, DocInput::text(&read(policy)?)) }, *format)
        }
        Cmd::Split(a) | Cmd::Explain(a) | Cmd::Postings(a) => {
            let command = match cli.command {
                Cmd::Split(_) => Command::Split,
                Cmd::Postings(_) => Command::Postings,
                _ => Command::Explain,
            };
            let req = Request {
                case: Some(DocInput::text(&read(&a.case)?)),
                period: period(&a.from, &a.to)?,
                lang,
                siblings: siblings(&a.sibling)?,
                detail: if command == Command::Split { a.detail.into() } else { fordeling::contract::Detail::Full },
                ..Request::new(command, DocInput::text(&read(&a.policy)?))
            };
            let default = if command == Command::Split { Format::Json } else { Format::Table };
            (req, a.format.unwrap_or(default))
        }
        Cmd::Demo { format, case } => {
            let Some(ex) = example::CASES.iter().find(|e| e.name == case) else {
                let names: Vec<&str> = example::CASES.iter().map(|e| e.name).collect();
                return Err(Failure {
                    code: EXIT_INVALID,
                    response: error_response(
                        ErrorCode::UnknownReference,
                        "--case",
                        &format!("no example case '{case}'; there are: {}", names.join(", ")),
                    ),
                });
            };
            let req = Request {
                case: Some(DocInput::text(ex.case)),
                period: ex.period(),
                lang,
                ..Request::new(Command::Split, DocInput::text(example::POLICY))
            };
            (req, *format)
        }
        Cmd::Compare { case: a, previous, booked_through } => {
            let booked_through = match booked_through {
                Some(m) => Some(fordeling::Month::parse(m).map_err(|_| Failure {
                    code: EXIT_INVALID,
                    response: error_response(
                        ErrorCode::Syntax,
                        "--booked-through",
                        &format!(
                            "--booked-through '{}' is not a month: write it as YYYY-MM, e.g. 2024-06",
                            m.chars().take(40).collect::<String>()
                        ),
                    ),
                })?),
                None => None,
            };
            let req = Request {
                case: Some(DocInput::text(&read(&a.case)?)),
                period: period(&a.from, &a.to)?,
                lang,
                siblings: siblings(&a.sibling)?,
                previous_case: Some(DocInput::text(&read(previous)?)),
                booked_through,
                ..Request::new(Command::Compare, DocInput::text(&read(&a.policy)?))
            };
            (req, a.format.unwrap_or(Format::Table))
        }
        Cmd::Workload { input, output } => return run_workload(input, output.as_deref(), cli.error_format),
        Cmd::GenerateWorkload { lines, seed } => return generate_workload(*lines, *seed),
        Cmd::Batch(a) => return run_batch(a, cli.error_format),
        Cmd::Request { file } => {
            let answer = fordeling::contract::handle_json(&read(file)?);
            return Ok(answer + "\n");
        }
    };
    let explain = matches!(cli.command, Cmd::Explain(_));
    let response = handle(request);
    let Response::Ok { result, .. } = &response else {
        return Err(Failure { code: EXIT_INVALID, response });
    };
    Ok(match (format, result.as_ref()) {
        (Format::Json, _) | (_, Output::Parse { .. } | Output::Summary(_)) => return write_json(&response),
        (Format::Table, Output::Check(doc)) => policy_summary(doc, lang),
        (Format::Table, Output::Split(r)) if explain => explain_text(r, lang),
        (Format::Table, Output::Split(r)) => table(r, lang),
        (Format::Table, Output::Explain { text, .. }) => text.clone(),
        (Format::Table, Output::Postings { postings, .. }) => fordeling::report::postings::csv(postings),
        (Format::Table, Output::Compare { comparison: c, .. }) => {
            let mut t = format!("before {}  after {}\n", c.before, c.after);
            let mut rows = fordeling::report::postings::CsvText::new();
            for h in ["month", "department", "before", "after", "difference"] {
                rows.text(h);
            }
            rows.end();
            for ch in &c.changes {
                rows.text(&ch.month.to_string()).text(&ch.department).number(ch.before).number(ch.after);
                rows.number(ch.difference).end();
            }
            t.push_str(&rows.finish());
            t.push_str("\ncorrections\n");
            t.push_str(&fordeling::report::postings::csv(&c.corrections));
            t
        }
        // A kind of result this CLI does not know yet: as JSON.
        _ => return write_json(&response),
    })
}

/// Write an answer as indented JSON straight to stdout (streamed through a buffer, never built as
/// one string: memory stays bounded by the result in hand).
fn write_json(response: &Response) -> Result<String, Failure> {
    let mut out = std::io::BufWriter::with_capacity(1 << 16, std::io::stdout().lock());
    let written = serde_json::to_writer_pretty(&mut out, response)
        .map_err(std::io::Error::from)
        .and_then(|_| out.write_all(b"\n"))
        .and_then(|_| out.flush());
    match written {
        // Output that cannot be written is an internal error (exit 2), as in `main`.
        Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
            Err(Failure { code: EXIT_INTERNAL, ..io_failure("output", e) })
        }
        _ => Ok(String::new()),
    }
}

fn io_failure(what: &str, e: std::io::Error) -> Failure {
    Failure { code: EXIT_INVALID, response: error_response(ErrorCode::File, what, &format!("{what}: {e}")) }
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
            let _ = write!(stderr, "\r{n} lines…");
        }
    }
    feed(None, &mut out);
    writer.write_all(out.as_bytes()).and_then(|_| writer.flush()).map_err(|e| io_failure("output", e))?;
    if progress {
        let _ = write!(stderr, "\r");
    }
    Ok(n)
}

/// The reference workload, streaming (read with the csv crate, one record per line).
fn run_workload(input: &Path, output: Option<&Path>, errors: ErrorFormat) -> Result<String, Failure> {
    use std::io::IsTerminal;
    let source: Box<dyn std::io::Read> = if input == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(input).map_err(|e| io_failure(&input.display().to_string(), e))?)
    };
    let mut reader = fordeling::workload::WorkloadReader::new(source);
    let mut writer = output_writer(output)?;
    let mut out = String::with_capacity(1 << 17);
    out.push_str(fordeling::workload::OUTPUT_HEADER);
    out.push('\n');
    let mut stderr = std::io::stderr().lock();
    let progress = std::io::stderr().is_terminal();
    let mut n: u64 = 0;
    while let Some(result) = reader.step(&mut out) {
        if let Err(e) = result {
            let _ = match errors {
                ErrorFormat::Json => writeln!(
                    stderr,
                    "{{\"line\":{},\"field\":\"{}\",\"message\":{}}}",
                    e.line,
                    e.field,
                    fordeling::contract::json_string(&e.message)
                ),
                ErrorFormat::Human => writeln!(stderr, "error: {e}"),
            };
        }
        if out.len() >= 1 << 16 {
            writer.write_all(out.as_bytes()).map_err(|e| io_failure("output", e))?;
            out.clear();
        }
        n += 1;
        if progress && n % 100_000 == 0 {
            let _ = write!(stderr, "\r{n} records…");
        }
    }
    let totals = reader.finish(&mut out);
    writer.write_all(out.as_bytes()).and_then(|_| writer.flush()).map_err(|e| io_failure("output", e))?;
    if progress {
        let _ = write!(stderr, "\r");
    }
    let _ = writeln!(stderr, "{totals}");
    Ok(String::new())
}

/// The output file, or stdout, buffered.
fn output_writer(output: Option<&Path>) -> Result<Box<dyn Write>, Failure> {
    use std::io::BufWriter;
    Ok(match output {
        Some(p) => Box::new(BufWriter::with_capacity(
            1 << 16,
            std::fs::File::create(p).map_err(|e| io_failure(&p.display().to_string(), e))?,
        )),
        None => Box::new(BufWriter::with_capacity(1 << 16, std::io::stdout().lock())),
    })
}

/// Many cases (JSON Lines or CSV service lines) with one policy, streaming: results as JSON Lines,
/// bad records (with line numbers) and totals to stderr.
fn run_batch(a: &BatchArgs, errors: ErrorFormat) -> Result<String, Failure> {
    use fordeling::contract::batch::{Batch, BatchError, CsvBatch};
    use std::io::{BufReader, Read};
    let policy = fordeling::contract::read_policy(&DocInput::text(&read(&a.policy)?))
        .map_err(|e| Failure { code: EXIT_INVALID, response: Response::from_errors(&e) })?;
    let mut batch = Batch::new(&policy, period(&a.from, &a.to)?).with_detail(a.detail.into());
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
        ErrorFormat::Human => format!("error: {e}"),
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
                let _ = write!(stderr, "\r{records} records…");
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
    eprintln!("{totals}");
    Ok(String::new())
}

fn generate_workload(lines: u64, seed: u64) -> Result<String, Failure> {
    let mut g = fordeling::gen::WorkloadGen::new(seed);
    let mut out = String::with_capacity(1 << 17);
    out.push_str(fordeling::workload::INPUT_HEADER);
    out.push('\n');
    let mut stdout = std::io::stdout().lock();
    for _ in 0..lines {
        g.line(&mut out);
        if out.len() >= 1 << 16 {
            stdout.write_all(out.as_bytes()).map_err(|e| io_failure("output", e))?;
            out.clear();
        }
    }
    Ok(out)
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(c) => c,
        Err(e) => {
            let _ = e.print();
            return ExitCode::from(if e.use_stderr() { EXIT_INVALID } else { 0 });
        }
    };
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
                    eprintln!("fordeling: cannot write output: {e}");
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
                            eprintln!("error: {}", e.message);
                        }
                    }
                }
            }
            ExitCode::from(f.code)
        }
    }
}
