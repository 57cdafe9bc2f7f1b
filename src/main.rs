//! The `privatelink-prep` command: check a request, print its ticket or its guide, list the rules.

use std::io::{self, Read, Write};
use std::process::ExitCode;

use privatelink_prep::rules::RULES;
use privatelink_prep::terminal;
use privatelink_prep::{
    check_json, render, Checked, Diagnostic, Format, Report, Request, Severity,
};

const USAGE: &str = "\
privatelink-prep: check an Adobe Commerce PrivateLink request and write its support ticket

Usage:
  privatelink-prep check  [--format text|json] <FILE|->
  privatelink-prep ticket [--format text|markdown|json] <FILE|->
  privatelink-prep guide  [--format text|markdown|json] <FILE|->
  privatelink-prep evidence [--format text|json] <FILE|->
  privatelink-prep rules  [--format text|markdown|json]
  privatelink-prep schema
  privatelink-prep --version | --help

`evidence` prints what a cloud command output is recognised as and the facts read from it.

Exit status: 0 valid (warnings allowed; for evidence, recognised), 1 invalid (not recognised),
2 the input cannot be read or is not JSON (or the command line is wrong, or the output cannot be
written).";

/// A CLI failure that is not a verdict on the request: exit 2.
struct Usage(String);

fn main() -> ExitCode {
    // Arguments that are not UTF-8 are read lossily: they are shown escaped, never raw.
    let args: Vec<String> = std::env::args_os()
        .skip(1)
        .map(|a| a.to_string_lossy().into_owned())
        .collect();
    match run(&args) {
        Ok(code) => code,
        Err(Usage(msg)) => {
            // Nowhere is left to report a failure to write the failure.
            let _ = writeln!(
                io::stderr().lock(),
                "privatelink-prep: {}",
                terminal::lines(&msg)
            );
            ExitCode::from(2)
        }
    }
}

fn run(args: &[String]) -> Result<ExitCode, Usage> {
    let Some((command, rest)) = args.split_first() else {
        return Err(Usage(format!("no command given\n\n{USAGE}")));
    };
    match command.as_str() {
        "-h" | "--help" | "help" => {
            emit(Out::Stdout, USAGE)?;
            Ok(ExitCode::SUCCESS)
        }
        "-V" | "--version" => {
            emit(
                Out::Stdout,
                &format!("privatelink-prep {}", privatelink_prep::VERSION),
            )?;
            Ok(ExitCode::SUCCESS)
        }
        "check" => {
            let (format, input) = options(rest, &["text", "json"], true)?;
            let checked = read(input.as_deref().unwrap_or_default())?;
            match format.as_str() {
                "json" => emit_json(Out::Stdout, &json(&checked.report))?,
                _ => emit(Out::Stdout, &report_text(&checked.report))?,
            }
            Ok(verdict(&checked.report))
        }
        "ticket" => {
            let (format, request) = match valid_request(rest)? {
                Ok(found) => found,
                Err(code) => return Ok(code),
            };
            let ticket = render(&request, format);
            match format {
                Format::Json => emit_json(Out::Stdout, &ticket.file)?,
                _ => emit(Out::Stdout, &ticket.file)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        "guide" => {
            let (format, request) = match valid_request(rest)? {
                Ok(found) => found,
                Err(code) => return Ok(code),
            };
            let guide = privatelink_prep::guide::render(&request, format);
            match format {
                Format::Json => emit_json(Out::Stdout, &guide)?,
                _ => emit(Out::Stdout, &guide)?,
            }
            Ok(ExitCode::SUCCESS)
        }
        #[cfg(feature = "evidence")]
        "evidence" => {
            let (format, input) = options(rest, &["text", "json"], true)?;
            evidence(&format, input.as_deref().unwrap_or_default())
        }
        "rules" => {
            let (format, _) = options(rest, &["text", "markdown", "json"], false)?;
            let out = match format.as_str() {
                "json" => json(RULES),
                "markdown" => privatelink_prep::rules::catalogue_markdown(),
                _ => rules_text(),
            };
            emit(Out::Stdout, &out)?;
            Ok(ExitCode::SUCCESS)
        }
        // The schema types are native only; the CLI is never run as wasm.
        #[cfg(not(target_arch = "wasm32"))]
        "schema" => {
            options(rest, &["json"], false)?;
            emit(Out::Stdout, &privatelink_prep::schema::request_schema())?;
            Ok(ExitCode::SUCCESS)
        }
        other => Err(Usage(format!(
            "unknown command \"{}\"\n\n{USAGE}",
            terminal::one_line(other)
        ))),
    }
}

/// For `ticket` and `guide`: the format and the checked request, or, when the request is
/// invalid, its report on stderr and exit 1.
fn valid_request(rest: &[String]) -> Result<Result<(Format, Request), ExitCode>, Usage> {
    let (format, input) = options(rest, &["text", "markdown", "json"], true)?;
    let checked = read(input.as_deref().unwrap_or_default())?;
    let Some(request) = checked.request else {
        emit(Out::Stderr, &report_text(&checked.report))?;
        return Ok(Err(ExitCode::from(1)));
    };
    Ok(Ok((
        Format::parse(&format).unwrap_or(Format::Text),
        request,
    )))
}

/// Reads `--format F` and, when `wants_input`, exactly one input path.
fn options(
    args: &[String],
    formats: &[&str],
    wants_input: bool,
) -> Result<(String, Option<String>), Usage> {
    let mut format = formats[0].to_string();
    let mut input = None;
    let mut it = args.iter();
    while let Some(a) = it.next() {
        let value = if a == "--format" || a == "-f" {
            Some(
                it.next()
                    .ok_or_else(|| Usage("--format needs a value".into()))?
                    .clone(),
            )
        } else {
            a.strip_prefix("--format=").map(str::to_string)
        };
        if let Some(v) = value {
            if !formats.contains(&v.as_str()) {
                return Err(Usage(format!(
                    "unknown format \"{}\"; use {}",
                    terminal::one_line(&v),
                    formats.join(", ")
                )));
            }
            format = v;
        } else if a.starts_with('-') && a != "-" {
            return Err(Usage(format!(
                "unknown option \"{}\"\n\n{USAGE}",
                terminal::one_line(a)
            )));
        } else if wants_input && input.is_none() {
            input = Some(a.clone());
        } else {
            return Err(Usage(format!(
                "unexpected argument \"{}\"\n\n{USAGE}",
                terminal::one_line(a)
            )));
        }
    }
    if wants_input && input.is_none() {
        return Err(Usage(
            "no input given: name a FILE, or - for standard input".into(),
        ));
    }
    Ok((format, input))
}

/// `evidence`: what the output in `path` is and the facts read from it; exit 0 when it is
/// recognised, 1 when it is not.
#[cfg(feature = "evidence")]
fn evidence(format: &str, path: &str) -> Result<ExitCode, Usage> {
    use privatelink_prep::evidence::{self, Recognised, MAX_OUTPUT_BYTES};
    let (name, text) = read_text(path, MAX_OUTPUT_BYTES as u64 + 1)?;
    if text.len() > MAX_OUTPUT_BYTES {
        return Err(Usage(format!(
            "{name} is larger than {} KiB, the most of an output that is read",
            MAX_OUTPUT_BYTES / 1024
        )));
    }
    let value: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        let what = e.to_string();
        let what = what.split(" at line ").next().unwrap_or_default();
        Usage(format!(
            "{name} is not valid JSON: {what} (line {}, column {}); run the command with --output=json",
            e.line(),
            e.column()
        ))
    })?;
    let output = evidence::recognise(&value);
    let facts = output.as_ref().map(evidence::facts).unwrap_or_default();
    let recognised = output.as_ref().map(|o| Recognised {
        kind: o.kind().as_str(),
        command: o.kind().command(),
    });
    if format == "json" {
        #[derive(serde::Serialize)]
        struct Shown<'a> {
            recognised: &'a Option<Recognised>,
            facts: &'a [evidence::Fact],
        }
        emit_json(
            Out::Stdout,
            // serde_json: the evidence types are serde's (the CLI's other JSON is `pretty`'s).
            &serde_json::to_string_pretty(&Shown {
                recognised: &recognised,
                facts: &facts,
            })
            .unwrap_or_default(),
        )?;
    } else {
        let mut out = String::new();
        match &recognised {
            Some(r) => {
                out.push_str(&format!("{}: the output of {}\n", r.kind, r.command));
                for f in &facts {
                    out.push_str(&format!("  {}: {}\n", f.label, terminal::one_line(&f.value)));
                }
            }
            None => out.push_str("not recognised: this is not the output of a command privatelink-prep reads (aws sts get-caller-identity, aws ec2 describe-vpc-endpoint-service-configurations, aws ec2 describe-vpc-endpoint-service-permissions, aws elbv2 describe-listeners, az account show, az network private-link-service show)\n"),
        }
        emit(Out::Stdout, &out)?;
    }
    Ok(if recognised.is_some() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads the input as UTF-8 text (at most `limit` bytes are read), with the name to report it
/// by.
#[cfg(feature = "evidence")]
fn read_text(path: &str, limit: u64) -> Result<(String, String), Usage> {
    let (name, bytes) = read_bytes(path, limit)?;
    let text = String::from_utf8(bytes)
        .map_err(|_| Usage(format!("cannot read {name}: it is not UTF-8 text")))?;
    let text = text
        .strip_prefix('\u{feff}')
        .map(str::to_owned)
        .unwrap_or(text);
    Ok((name, text))
}

/// Reads and checks the input; a read failure or non-JSON text is a usage-level failure.
fn read(path: &str) -> Result<Checked, Usage> {
    // The core reads up to eight times its limit, to name the field that holds the excess.
    let limit = 8 * privatelink_prep::check::MAX_DOCUMENT_BYTES as u64 + 1;
    let (name, bytes) = read_bytes(path, limit)?;
    if bytes.len() as u64 >= limit {
        return Ok(privatelink_prep::check::too_large());
    }
    let text = String::from_utf8(bytes)
        .map_err(|_| Usage(format!("cannot read {name}: it is not UTF-8 text")))?;
    let text = text.strip_prefix('\u{feff}').unwrap_or(&text);
    check_json(text).map_err(|e| Usage(format!("{name} is {}", e.message)))
}

/// Reads at most `limit` bytes of the file `path` (`-`: standard input), with the name to report
/// it by (terminal-safe); a read failure is a usage-level failure naming it.
fn read_bytes(path: &str, limit: u64) -> Result<(String, Vec<u8>), Usage> {
    let mut bytes = Vec::new();
    let result = if path == "-" {
        io::stdin().take(limit).read_to_end(&mut bytes)
    } else {
        std::fs::File::open(path).and_then(|f| f.take(limit).read_to_end(&mut bytes))
    };
    let name = if path == "-" {
        "standard input".into()
    } else {
        terminal::one_line(path).into_owned()
    };
    result.map_err(|e| Usage(format!("cannot read {name}: {e}")))?;
    Ok((name, bytes))
}

fn verdict(report: &Report) -> ExitCode {
    if report.valid {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// Where the CLI writes.
#[derive(Clone, Copy)]
enum Out {
    Stdout,
    Stderr,
}

/// Writes `s` (and a final newline when it lacks one), with every control character but the
/// line breaks escaped, and flushes. A closed pipe (`| head -c1`) is the reader's choice and
/// stays quiet; any other failure (`> /dev/full`) is an error with its reason.
fn emit(out: Out, s: &str) -> Result<(), Usage> {
    write(out, &terminal::lines(s))
}

/// [`emit`] for JSON text: the characters to escape are written as JSON's `\uXXXX`.
fn emit_json(out: Out, s: &str) -> Result<(), Usage> {
    write(out, &terminal::json(s))
}

fn write(out: Out, s: &str) -> Result<(), Usage> {
    let newline: &[u8] = if s.ends_with('\n') { b"" } else { b"\n" };
    let result = match out {
        Out::Stdout => write_all(&mut io::stdout().lock(), s.as_bytes(), newline),
        Out::Stderr => write_all(&mut io::stderr().lock(), s.as_bytes(), newline),
    };
    match result {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => Err(Usage(format!(
            "cannot write to standard {}: {e}",
            match out {
                Out::Stdout => "output",
                Out::Stderr => "error",
            }
        ))),
        _ => Ok(()),
    }
}

fn write_all(w: &mut dyn Write, s: &[u8], end: &[u8]) -> io::Result<()> {
    w.write_all(s)?;
    w.write_all(end)?;
    w.flush()
}

fn json<T: privatelink_prep::pretty::ToJson + ?Sized>(v: &T) -> String {
    privatelink_prep::pretty::to_string(v)
}

/// The report the way rustc and ruff print theirs.
fn report_text(report: &Report) -> String {
    let mut out = String::new();
    for d in &report.diagnostics {
        diagnostic_text(&mut out, d);
    }
    let count = |s: Severity, word: &str| {
        let n = report.count(s);
        format!("{n} {word}{}", if n == 1 { "" } else { "s" })
    };
    out.push_str(&format!(
        "{}: {}, {}, {}\n",
        if report.valid { "valid" } else { "invalid" },
        count(Severity::Error, "error"),
        count(Severity::Warning, "warning"),
        count(Severity::Info, "info"),
    ));
    out
}

/// One diagnostic. The field path is built from the document's keys and the message and
/// suggestion may echo its values: each is escaped to one line, so that no key or value can
/// write to the terminal or start a line of its own.
fn diagnostic_text(out: &mut String, d: &Diagnostic) {
    let field = if d.field.is_empty() {
        "(document)".into()
    } else {
        terminal::one_line(&d.field)
    };
    out.push_str(&format!(
        "{}[{}]: {}\n",
        d.severity.as_str(),
        d.code,
        terminal::one_line(&d.message)
    ));
    out.push_str(&format!("  --> {field}\n"));
    out.push_str(&format!("  = help: {}\n", terminal::one_line(&d.help)));
    // Each value escaped on its own, so a separator is always the CLI's.
    let one_line_each = |values: &[String]| -> String {
        let all: Vec<String> = values
            .iter()
            .map(|s| terminal::one_line(s).into_owned())
            .collect();
        all.join(", ")
    };
    if !d.split.is_empty() {
        out.push_str(&format!(
            "  = split into rows: {}\n",
            one_line_each(&d.split)
        ));
    } else if d.suggestions.len() > 1 {
        out.push_str(&format!(
            "  = suggestions: {}\n",
            one_line_each(&d.suggestions)
        ));
    } else if let Some(s) = &d.suggestion {
        out.push_str(&format!("  = suggestion: {}\n", terminal::one_line(s)));
    }
    out.push('\n');
}

fn rules_text() -> String {
    let mut out = String::new();
    for r in RULES {
        out.push_str(&format!(
            "{}  {:<7}  {}  [{}]\n",
            r.code,
            r.severity.as_str(),
            r.title,
            r.source
        ));
    }
    out
}
