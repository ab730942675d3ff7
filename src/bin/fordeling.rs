//! The `fordeling` command line: reads files, builds a contract request, prints the answer.
//! All logic lives in the library; this file only reads, dispatches and writes.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};
use fordeling::contract::{handle, Command, Output, Request, Response};
use fordeling::explain::{explain_text, policy_summary, table, Lang};
use fordeling::{example, Date, Period};
use serde_json::Value;

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
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Json)]
    format: Format,
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

fn read(path: &Path) -> Result<String, Failure> {
    let text = if path == Path::new("-") {
        std::io::read_to_string(std::io::stdin())
    } else {
        std::fs::read(path)
            .and_then(|b| String::from_utf8(b).map_err(|e| std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
    };
    text.map_err(|e| Failure {
        code: EXIT_INVALID,
        response: error_response("file", &path.display().to_string(), &format!("cannot read {}: {e}", path.display())),
    })
}

fn error_response(code: &str, item: &str, message: &str) -> Response {
    let report = fordeling::contract::ErrorReport {
        kind: "request".into(),
        code: code.into(),
        item: item.into(),
        field: None,
        message: message.into(),
    };
    Response::Error { version: fordeling::contract::CONTRACT_VERSION, errors: vec![report] }
}

fn period(from: &Option<String>, to: &Option<String>) -> Result<Option<Period>, Failure> {
    let parse = |s: &str, which: &str| {
        Date::parse(s)
            .map_err(|e| Failure { code: EXIT_INVALID, response: error_response("syntax", which, &e.to_string()) })
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
        Cmd::Check { policy, format } => (
            Request {
                version: 1,
                command: Command::Check,
                policy: Value::String(read(policy)?),
                case: None,
                period: None,
                lang,
            },
            *format,
        ),
        Cmd::Split(a) | Cmd::Explain(a) => {
            let command = if matches!(cli.command, Cmd::Split(_)) { Command::Split } else { Command::Explain };
            let req = Request {
                version: 1,
                command,
                policy: Value::String(read(&a.policy)?),
                case: Some(Value::String(read(&a.case)?)),
                period: period(&a.from, &a.to)?,
                lang,
            };
            (req, a.format)
        }
        Cmd::Demo { format, case } => {
            let Some(ex) = example::CASES.iter().find(|e| e.name == case) else {
                let names: Vec<&str> = example::CASES.iter().map(|e| e.name).collect();
                return Err(Failure {
                    code: EXIT_INVALID,
                    response: error_response(
                        "unknown_reference",
                        "--case",
                        &format!("no example case '{case}'; there are: {}", names.join(", ")),
                    ),
                });
            };
            let req = Request {
                version: 1,
                command: Command::Split,
                policy: Value::String(example::POLICY.into()),
                case: Some(Value::String(ex.case.into())),
                period: ex.period(),
                lang,
            };
            (req, *format)
        }
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
        (Format::Json, _) => response.to_json_pretty() + "\n",
        (Format::Table, Output::Check(doc)) => policy_summary(doc, lang),
        (Format::Table, Output::Split(r)) if explain => explain_text(r, lang),
        (Format::Table, Output::Split(r)) => table(r, lang),
        (Format::Table, Output::Explain { text, .. }) => text.clone(),
    })
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
            let mut stdout = std::io::stdout().lock();
            match stdout.write_all(out.as_bytes()).and_then(|_| stdout.flush()) {
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
