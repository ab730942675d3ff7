//! `fordeling-workload`: the reference workload (`run`) and its generator (`generate`), for the
//! throughput benchmark (`scripts/bench-workload.sh`); and the portfolio benchmark's cases (`cases`).

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(name = "fordeling-workload", about = "The reference workload of fordeling (benchmarks)")]
struct Cli {
    #[command(subcommand)]
    command: Cmd,
}

#[derive(Subcommand)]
enum Cmd {
    /// Split the reference workload CSV (case_id,service,amount_dkk,dept_a_weight..dept_d_weight),
    /// streaming: per-line shares to OUTPUT, totals and bad records to stderr.
    Run {
        /// The input CSV ('-' for stdin).
        input: PathBuf,
        /// The output CSV (default stdout).
        #[arg(short, long)]
        output: Option<PathBuf>,
        /// How bad records are written to stderr.
        #[arg(long, value_enum, default_value = "human")]
        error_format: ErrorFormat,
    },
    /// Write a deterministic reference workload CSV to stdout.
    Generate {
        /// Number of lines.
        #[arg(long, default_value_t = 1_000_000)]
        lines: u64,
        /// Seed.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Write the portfolio benchmark's cases to stdout: case documents (TOML) valid under the
    /// example policy, one JSON string per line.
    Cases {
        /// Number of cases.
        #[arg(long, default_value_t = 500)]
        count: usize,
        /// Service lines per case.
        #[arg(long, default_value_t = 13)]
        services: usize,
    },
}

/// A failure: what to tell on stderr.
struct Failure(String);

fn io_failure(what: &str, e: std::io::Error) -> Failure {
    Failure(format!("{what}: {e}"))
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

/// How bad records are written to stderr.
#[derive(Clone, Copy, clap::ValueEnum)]
enum ErrorFormat {
    /// `error: line 5: …`
    Human,
    /// One JSON object per bad record.
    Json,
}

/// The reference workload, streaming (read with the csv crate, one record per line).
fn run_workload(input: &Path, output: Option<&Path>, errors: ErrorFormat) -> Result<String, Failure> {
    use std::io::IsTerminal;
    let source: Box<dyn std::io::Read> = if input == Path::new("-") {
        Box::new(std::io::stdin().lock())
    } else {
        Box::new(std::fs::File::open(input).map_err(|e| io_failure(&input.display().to_string(), e))?)
    };
    let mut reader = fordeling_workload::workload::WorkloadReader::new(source);
    let mut writer = output_writer(output)?;
    let mut out = String::with_capacity(1 << 17);
    out.push_str(fordeling_workload::workload::OUTPUT_HEADER);
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

fn generate_workload(lines: u64, seed: u64) -> Result<String, Failure> {
    let mut g = fordeling_workload::gen::WorkloadGen::new(seed);
    let mut out = String::with_capacity(1 << 17);
    out.push_str(fordeling_workload::workload::INPUT_HEADER);
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
    let cli = Cli::parse();
    let result = match &cli.command {
        Cmd::Run { input, output, error_format } => run_workload(input, output.as_deref(), *error_format),
        Cmd::Generate { lines, seed } => generate_workload(*lines, *seed),
        Cmd::Cases { count, services } => Ok(fordeling_workload::gen::portfolio_cases(*count, *services)
            .iter()
            .map(|t| format!("{}\n", serde_json::Value::from(t.as_str())))
            .collect()),
    };
    match result {
        Ok(rest) => match std::io::stdout().lock().write_all(rest.as_bytes()) {
            Ok(()) => ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("error: output: {e}");
                ExitCode::from(2)
            }
        },
        Err(Failure(message)) => {
            eprintln!("error: {message}");
            ExitCode::from(1)
        }
    }
}
