//! `samtalenotat-cli`: the command-line side of Samtalenotat.
//!
//! Arguments are parsed by hand (no clap) to keep the dependency tree small; each subcommand is
//! a variant of [`Command`] with its own `run_…` function, so adding one means adding a variant,
//! a parse arm and a run arm.
//!
//! Exit codes: 0 success, 1 the input was checked and fails (e.g. a blocking violation),
//! 2 the command could not do its job (bad usage, unreadable or invalid file).

use std::ffi::OsString;
use std::path::PathBuf;
use std::process::ExitCode;

use chrono::{DateTime, Utc};
use samtalenotat_core::clock::{Clock, SystemClock};
use samtalenotat_core::domain::{
    can_finish, validate, validate_incident, Lang, MeetingKind, MeetingRecord, MisuseIncident,
    Policy, RecordState, Severity, Violation,
};
use samtalenotat_core::store::records::{RecordQuery, MAX_LIST_LIMIT};
use samtalenotat_core::store::Store;

const USAGE: &str = "\
Usage:
  samtalenotat-cli validate FILE.json [--lang da|en] [--policy POLICY.toml] [--now TIME]
      Check a meeting record (or misuse incident) against the guideline's rules.
      --now validates as of an RFC 3339 time instead of the clock (reproducible runs).
      Prints one line per violation: RULE  FIELD  MESSAGE.
      Exit 0: can be finished; 1: a blocking violation stands; 2: unreadable or invalid file.
  samtalenotat-cli list --db PATH [--search WORDS] [--state draft|finished] [--unit UNIT]
                        [--limit N]
      List the records in a local database, newest change first (tab-separated:
      id, state, kind, updated, unit, case number, subject).
  samtalenotat-cli help";

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Validate(ValidateArgs),
    List(ListArgs),
    Help,
}

#[derive(Debug, PartialEq, Eq)]
struct ValidateArgs {
    file: PathBuf,
    lang: Lang,
    policy: Option<PathBuf>,
    /// "Now" for the timestamp checks; the system clock when not given.
    now: Option<DateTime<Utc>>,
}

#[derive(Debug, PartialEq, Eq)]
struct ListArgs {
    db: PathBuf,
    search: Option<String>,
    state: Option<RecordState>,
    unit: Option<String>,
    limit: u32,
}

/// A command line that does not make sense; printed with the usage text.
#[derive(Debug, PartialEq, Eq)]
struct UsageError(String);

fn main() -> ExitCode {
    let args: Vec<OsString> = std::env::args_os().skip(1).collect();
    match parse_args(args) {
        Ok(command) => run(command),
        Err(UsageError(message)) => {
            eprintln!("samtalenotat-cli: {message}\n\n{USAGE}");
            ExitCode::from(2)
        }
    }
}

fn run(command: Command) -> ExitCode {
    match command {
        Command::Validate(args) => run_validate(&args),
        Command::List(args) => run_list(&args),
        Command::Help => {
            println!("{USAGE}");
            ExitCode::SUCCESS
        }
    }
}

fn parse_args(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut args = args.into_iter();
    let Some(subcommand) = args.next() else {
        return Err(UsageError("missing subcommand".into()));
    };
    let rest: Vec<OsString> = args.collect();
    match subcommand.to_str() {
        Some("validate") => parse_validate(rest).map(Command::Validate),
        Some("list") => parse_list(rest),
        Some("help" | "--help" | "-h") => Ok(Command::Help),
        _ => Err(UsageError(format!(
            "unknown subcommand `{}`",
            subcommand.to_string_lossy()
        ))),
    }
}

fn parse_validate(args: Vec<OsString>) -> Result<ValidateArgs, UsageError> {
    let mut file = None;
    let mut lang = Lang::Da;
    let mut policy = None;
    let mut now = None;
    let mut args = args.into_iter();
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--lang") => {
                let value = option_value(&mut args, "--lang")?;
                lang = value
                    .to_str()
                    .and_then(|v| v.parse().ok())
                    .ok_or_else(|| UsageError("--lang must be da or en".into()))?;
            }
            Some("--policy") => policy = Some(PathBuf::from(option_value(&mut args, "--policy")?)),
            Some("--now") => {
                let value = option_value(&mut args, "--now")?;
                let parsed = value
                    .to_str()
                    .and_then(|v| DateTime::parse_from_rfc3339(v).ok())
                    .ok_or_else(|| UsageError("--now must be an RFC 3339 time".into()))?;
                now = Some(parsed.with_timezone(&Utc));
            }
            Some(flag) if flag.starts_with("--") => {
                return Err(UsageError(format!("unknown option `{flag}` for validate")))
            }
            _ if file.is_none() => file = Some(PathBuf::from(arg)),
            _ => return Err(UsageError("validate takes one FILE".into())),
        }
    }
    let file = file.ok_or_else(|| UsageError("validate needs a FILE".into()))?;
    Ok(ValidateArgs {
        file,
        lang,
        policy,
        now,
    })
}

fn parse_list(args: Vec<OsString>) -> Result<Command, UsageError> {
    let mut list = ListArgs {
        db: PathBuf::new(),
        search: None,
        state: None,
        unit: None,
        limit: 50,
    };
    let mut db = None;
    let mut args = args.into_iter();
    let text = |v: OsString, name: &str| {
        v.into_string()
            .map_err(|_| UsageError(format!("{name} must be valid UTF-8")))
    };
    while let Some(arg) = args.next() {
        match arg.to_str() {
            Some("--db") => db = Some(PathBuf::from(option_value(&mut args, "--db")?)),
            Some("--search") => {
                list.search = Some(text(option_value(&mut args, "--search")?, "--search")?)
            }
            Some("--unit") => list.unit = Some(text(option_value(&mut args, "--unit")?, "--unit")?),
            Some("--state") => {
                list.state = Some(match option_value(&mut args, "--state")?.to_str() {
                    Some("draft") => RecordState::Draft,
                    Some("finished") => RecordState::Finished,
                    _ => return Err(UsageError("--state must be draft or finished".into())),
                })
            }
            Some("--limit") => {
                list.limit = option_value(&mut args, "--limit")?
                    .to_str()
                    .and_then(|v| v.parse().ok())
                    .filter(|n| (1..=MAX_LIST_LIMIT).contains(n))
                    .ok_or_else(|| {
                        UsageError(format!(
                            "--limit must be a number from 1 to {MAX_LIST_LIMIT}"
                        ))
                    })?
            }
            _ => {
                return Err(UsageError(format!(
                    "unexpected argument `{}` for list",
                    arg.to_string_lossy()
                )))
            }
        }
    }
    list.db = db.ok_or_else(|| UsageError("list needs --db PATH".into()))?;
    Ok(Command::List(list))
}

fn option_value(
    args: &mut impl Iterator<Item = OsString>,
    name: &str,
) -> Result<OsString, UsageError> {
    args.next()
        .ok_or_else(|| UsageError(format!("{name} needs a value")))
}

/// A file that could not be checked at all (exit 2).
fn fail(message: String) -> ExitCode {
    eprintln!("samtalenotat-cli: {message}");
    ExitCode::from(2)
}

fn run_list(args: &ListArgs) -> ExitCode {
    if !args.db.is_file() {
        return fail(format!("no database at {}", args.db.display()));
    }
    let store = match Store::open(&args.db) {
        Ok(store) => store,
        Err(e) => return fail(format!("{}: {e}", args.db.display())),
    };
    let query = RecordQuery {
        text: args.search.clone(),
        state: args.state,
        unit: args.unit.clone(),
        limit: args.limit,
        ..RecordQuery::default()
    };
    match store.list_records(&query) {
        Ok(rows) => {
            for r in rows {
                println!(
                    "{}\t{}\t{}\t{}\t{}\t{}\t{}",
                    r.id, r.state, r.kind, r.updated_at, r.unit, r.case_number, r.subject
                );
            }
            ExitCode::SUCCESS
        }
        Err(e) => fail(format!("{}: {e}", args.db.display())),
    }
}

fn run_validate(args: &ValidateArgs) -> ExitCode {
    let owned_policy;
    let policy = match &args.policy {
        None => Policy::builtin(),
        Some(path) => {
            let text = match std::fs::read_to_string(path) {
                Ok(text) => text,
                Err(e) => return fail(format!("cannot read policy {}: {e}", path.display())),
            };
            owned_policy = match Policy::load_from_str(&text) {
                Ok(p) => p,
                Err(e) => return fail(format!("{}: {e}", path.display())),
            };
            &owned_policy
        }
    };
    let file = args.file.display();
    let text = match std::fs::read_to_string(&args.file) {
        Ok(text) => text,
        Err(e) => return fail(format!("cannot read {file}: {e}")),
    };
    // serde_json's message already ends in "at line L column C".
    let json_error = |e: serde_json::Error| fail(format!("{file}: invalid record JSON: {e}"));
    // Parse once untyped to tell a misuse incident (it has `meeting_id`) from a meeting
    // record; then typed from the text again so serde's line and column point into the file.
    let value: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => return json_error(e),
    };
    let now = args.now.unwrap_or_else(|| SystemClock.now());
    let (violations, kind) = if value.get("meeting_id").is_some() {
        match serde_json::from_str::<MisuseIncident>(&text) {
            Ok(incident) => (validate_incident(&incident, now), MeetingKind::Citizen),
            Err(e) => return json_error(e),
        }
    } else {
        match serde_json::from_str::<MeetingRecord>(&text) {
            Ok(record) => (validate(&record, policy, now), record.meeting.kind),
            Err(e) => return json_error(e),
        }
    };
    for violation in &violations {
        println!("{}", violation_line(violation, policy, args.lang, kind));
    }
    if can_finish(&violations) {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    }
}

/// `G-RULE  field  message`; advisory messages are marked so a reader sees they do not block.
fn violation_line(violation: &Violation, policy: &Policy, lang: Lang, kind: MeetingKind) -> String {
    let message = policy.violation_message(violation, lang, kind);
    let message = match violation.severity {
        Severity::Blocking => message,
        Severity::Advisory => {
            let word = policy
                .label("severity", "advisory", lang)
                .unwrap_or("advisory");
            format!("({word}) {message}")
        }
    };
    format!("{}  {}  {}", violation.rule, violation.field, message)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn args(list: &[&str]) -> Vec<OsString> {
        list.iter().map(OsString::from).collect()
    }

    #[test]
    fn parses_validate_with_options() {
        assert_eq!(
            parse_args(args(&["validate", "r.json", "--lang", "en"])),
            Ok(Command::Validate(ValidateArgs {
                file: "r.json".into(),
                lang: Lang::En,
                policy: None,
                now: None
            }))
        );
        assert!(parse_args(args(&["validate"])).is_err());
        assert!(parse_args(args(&["validate", "a", "b"])).is_err());
        assert!(parse_args(args(&["validate", "a", "--lang", "de"])).is_err());
    }

    #[test]
    fn parses_list_and_rejects_unknown() {
        assert_eq!(
            parse_args(args(&["list", "--db", "x.sqlite"])),
            Ok(Command::List(ListArgs {
                db: "x.sqlite".into(),
                search: None,
                state: None,
                unit: None,
                limit: 50
            }))
        );
        assert!(parse_args(args(&["list", "--db", "x", "--limit", "0"])).is_err());
        assert!(parse_args(args(&["list", "--db", "x", "--state", "signed"])).is_err());
        assert!(parse_args(args(&["frobnicate"])).is_err());
        assert!(parse_args(args(&[])).is_err());
    }
}
