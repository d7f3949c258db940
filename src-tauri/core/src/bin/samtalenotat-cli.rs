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
  samtalenotat-cli keygen --dir DIR --name NAME --initials INI [--passphrase-file FILE]
      Make a staff member's signing key (minisign format, secret part encrypted with the
      passphrase) in DIR: KEYID.pub, KEYID.sec (0600), KEYID.signer.json. The passphrase is
      read from FILE (first line) or standard input, never from the command line.
  samtalenotat-cli sign RECORD.json --key KEY.sec --out DIR [--passphrase-file FILE]
                        [--lang da|en] [--now TIME]
      Finish the record (it must pass the rules) and write its signed note to DIR:
      note.json, note.pdf, their .minisig signatures and signer.pub.
  samtalenotat-cli verify DIR [--keys KEYDIR]
      Check a note folder: every file present, every signature valid, the signatures bound to
      this note and its files. With --keys, the signer must be one of KEYDIR's *.pub keys;
      without, the folder's own signer.pub is used (intact, but not who signed).
      Exit 0 only when all is well; else 1 with one line per failure (FILE: reason).
  samtalenotat-cli sync --db PATH --share PATH [--timeout SECONDS] [--prepare-share]
      Publish every signed note waiting in the database's outbox to the share folder
      (create-only, read back and compared; nothing on the share is replaced or deleted).
      The share must hold a samtalenotat folder (so an unmounted share is never mistaken
      for it); --prepare-share creates that folder in an existing share folder first.
      Shows progress on standard error and a summary. Exit 0: everything is on the share;
      1: something failed or conflicts (the summary says what); 2: could not run.
  samtalenotat-cli help";

/// What the user asked for.
#[derive(Debug, PartialEq, Eq)]
enum Command {
    Validate(ValidateArgs),
    List(ListArgs),
    Sync(sync_cli::SyncArgs),
    Keygen(KeygenArgs),
    Sign(SignArgs),
    Verify(VerifyArgs),
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
        Command::Sync(args) => sync_cli::run_sync(&args),
        Command::Keygen(args) => note_cli::run_keygen(&args),
        Command::Sign(args) => note_cli::run_sign(&args),
        Command::Verify(args) => note_cli::run_verify(&args),
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
        Some("sync") => sync_cli::parse_sync(rest).map(Command::Sync),
        Some("keygen") => note_cli::parse_keygen(rest).map(Command::Keygen),
        Some("sign") => note_cli::parse_sign(rest).map(Command::Sign),
        Some("verify") => note_cli::parse_verify(rest).map(Command::Verify),
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

use note_cli::{KeygenArgs, SignArgs, VerifyArgs};

/// The signed note's subcommands: keygen, sign, verify.
mod note_cli {
    use std::ffi::OsString;
    use std::io::{BufRead, Read};
    use std::path::{Path, PathBuf};
    use std::process::ExitCode;

    use chrono::{DateTime, Utc};
    use samtalenotat_core::clock::{Clock, SystemClock};
    use samtalenotat_core::domain::{
        can_finish, validate, Lang, MeetingRecord, Policy, RecordState, StaffMember,
    };
    use samtalenotat_core::note::export::write_note_folder;
    use samtalenotat_core::note::keys::{self, KeyOwner};
    use samtalenotat_core::note::{sign_note, verify_folder, Signing, TrustedKeys};
    use zeroize::Zeroizing;

    use super::{fail, option_value, UsageError};

    #[derive(Debug, PartialEq, Eq)]
    pub struct KeygenArgs {
        pub dir: PathBuf,
        pub name: String,
        pub initials: String,
        pub passphrase_file: Option<PathBuf>,
    }

    #[derive(Debug, PartialEq, Eq)]
    pub struct SignArgs {
        pub record: PathBuf,
        pub key: PathBuf,
        pub out: PathBuf,
        pub passphrase_file: Option<PathBuf>,
        pub lang: Lang,
        pub now: Option<DateTime<Utc>>,
    }

    #[derive(Debug, PartialEq, Eq)]
    pub struct VerifyArgs {
        pub dir: PathBuf,
        pub keys: Option<PathBuf>,
    }

    fn text(value: OsString, name: &str) -> Result<String, UsageError> {
        value
            .into_string()
            .map_err(|_| UsageError(format!("{name} must be valid UTF-8")))
    }

    pub fn parse_keygen(args: Vec<OsString>) -> Result<KeygenArgs, UsageError> {
        let (mut dir, mut name, mut initials, mut passphrase_file) = (None, None, None, None);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--dir") => dir = Some(PathBuf::from(option_value(&mut args, "--dir")?)),
                Some("--name") => name = Some(text(option_value(&mut args, "--name")?, "--name")?),
                Some("--initials") => {
                    initials = Some(text(option_value(&mut args, "--initials")?, "--initials")?)
                }
                Some("--passphrase-file") => {
                    passphrase_file =
                        Some(PathBuf::from(option_value(&mut args, "--passphrase-file")?))
                }
                _ => {
                    return Err(UsageError(format!(
                        "unexpected argument `{}` for keygen (the passphrase is never an argument)",
                        arg.to_string_lossy()
                    )))
                }
            }
        }
        Ok(KeygenArgs {
            dir: dir.ok_or_else(|| UsageError("keygen needs --dir DIR".into()))?,
            name: name.ok_or_else(|| UsageError("keygen needs --name NAME".into()))?,
            initials: initials.ok_or_else(|| UsageError("keygen needs --initials INI".into()))?,
            passphrase_file,
        })
    }

    pub fn parse_sign(args: Vec<OsString>) -> Result<SignArgs, UsageError> {
        let (mut record, mut key, mut out, mut passphrase_file, mut now) =
            (None, None, None, None, None);
        let mut lang = Lang::Da;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--key") => key = Some(PathBuf::from(option_value(&mut args, "--key")?)),
                Some("--out") => out = Some(PathBuf::from(option_value(&mut args, "--out")?)),
                Some("--passphrase-file") => {
                    passphrase_file =
                        Some(PathBuf::from(option_value(&mut args, "--passphrase-file")?))
                }
                Some("--lang") => {
                    lang = option_value(&mut args, "--lang")?
                        .to_str()
                        .and_then(|v| v.parse().ok())
                        .ok_or_else(|| UsageError("--lang must be da or en".into()))?
                }
                Some("--now") => {
                    let value = option_value(&mut args, "--now")?;
                    now = Some(
                        value
                            .to_str()
                            .and_then(|v| DateTime::parse_from_rfc3339(v).ok())
                            .ok_or_else(|| UsageError("--now must be an RFC 3339 time".into()))?
                            .with_timezone(&Utc),
                    );
                }
                Some(flag) if flag.starts_with("--") => {
                    return Err(UsageError(format!("unknown option `{flag}` for sign")))
                }
                _ if record.is_none() => record = Some(PathBuf::from(arg)),
                _ => return Err(UsageError("sign takes one RECORD.json".into())),
            }
        }
        Ok(SignArgs {
            record: record.ok_or_else(|| UsageError("sign needs RECORD.json".into()))?,
            key: key.ok_or_else(|| UsageError("sign needs --key KEY.sec".into()))?,
            out: out.ok_or_else(|| UsageError("sign needs --out DIR".into()))?,
            passphrase_file,
            lang,
            now,
        })
    }

    pub fn parse_verify(args: Vec<OsString>) -> Result<VerifyArgs, UsageError> {
        let (mut dir, mut keys) = (None, None);
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--keys") => keys = Some(PathBuf::from(option_value(&mut args, "--keys")?)),
                Some(flag) if flag.starts_with("--") => {
                    return Err(UsageError(format!("unknown option `{flag}` for verify")))
                }
                _ if dir.is_none() => dir = Some(PathBuf::from(arg)),
                _ => return Err(UsageError("verify takes one DIR".into())),
            }
        }
        Ok(VerifyArgs {
            dir: dir.ok_or_else(|| UsageError("verify needs DIR".into()))?,
            keys,
        })
    }

    /// The passphrase from the file's first line, or from standard input's first line.
    fn read_passphrase(file: Option<&Path>) -> Result<Zeroizing<String>, String> {
        let mut raw = Zeroizing::new(String::new());
        match file {
            Some(path) => {
                let mut f = std::fs::File::open(path)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
                f.read_to_string(&mut raw)
                    .map_err(|e| format!("cannot read {}: {e}", path.display()))?;
            }
            None => {
                std::io::stdin()
                    .lock()
                    .read_line(&mut raw)
                    .map_err(|e| format!("cannot read the passphrase from standard input: {e}"))?;
            }
        }
        let line = raw.lines().next().unwrap_or("");
        Ok(Zeroizing::new(line.to_owned()))
    }

    pub fn run_keygen(args: &KeygenArgs) -> ExitCode {
        let passphrase = match read_passphrase(args.passphrase_file.as_deref()) {
            Ok(p) => p,
            Err(e) => return fail(e),
        };
        let staff = StaffMember {
            name: args.name.trim().to_owned(),
            initials: args.initials.trim().to_owned(),
        };
        match keys::generate_key(&args.dir, &staff, &passphrase, SystemClock.now()) {
            Ok(info) => {
                println!("key id: {}", info.key_id);
                println!("public key: {}", info.public_key_path.display());
                println!("secret key: {}", info.secret_key_path.display());
                ExitCode::SUCCESS
            }
            Err(e) => fail(e.to_string()),
        }
    }

    pub fn run_sign(args: &SignArgs) -> ExitCode {
        let text = match std::fs::read_to_string(&args.record) {
            Ok(t) => t,
            Err(e) => return fail(format!("cannot read {}: {e}", args.record.display())),
        };
        let record: MeetingRecord = match serde_json::from_str(&text) {
            Ok(r) => r,
            Err(e) => {
                return fail(format!(
                    "{}: invalid record JSON: {e}",
                    args.record.display()
                ))
            }
        };
        let policy = Policy::builtin();
        let now = args.now.unwrap_or_else(|| SystemClock.now());
        if record.state != RecordState::Draft {
            return fail(format!(
                "{}: the record is already finished; a correction is an addendum",
                args.record.display()
            ));
        }
        let violations = validate(&record, policy, now);
        if !can_finish(&violations) {
            for v in violations.iter().filter(|v| v.is_blocking()) {
                println!(
                    "{}",
                    super::violation_line(v, policy, args.lang, record.meeting.kind)
                );
            }
            return ExitCode::from(1);
        }
        let passphrase = match read_passphrase(args.passphrase_file.as_deref()) {
            Ok(p) => p,
            Err(e) => return fail(e),
        };
        let key = match keys::unlock(&args.key, &passphrase) {
            Ok(k) => k,
            Err(e) => return fail(e.to_string()),
        };
        drop(passphrase);
        // Who signs: the key's owner file beside it, else the meeting lead.
        let owner_path = args.key.with_extension("signer.json");
        let signer = std::fs::read_to_string(&owner_path)
            .ok()
            .and_then(|t| serde_json::from_str::<KeyOwner>(&t).ok())
            .map(|o| StaffMember {
                name: o.name,
                initials: o.initials,
            })
            .unwrap_or_else(|| record.meeting.lead.clone());
        let mut finished = record.clone();
        finished.policy = policy.reference();
        finished.state = RecordState::Finished;
        finished.finished_at = Some(now);
        finished.updated_at = now;
        let signing = Signing {
            key: &key,
            signer: &signer,
            lang: args.lang,
        };
        let note = match sign_note(&finished, policy, signing, now) {
            Ok(n) => n,
            Err(e) => return fail(e.to_string()),
        };
        match write_note_folder(&args.out, &note.artifacts()) {
            Ok(files) => {
                println!("note {} signed by key {}", note.note_id, key.key_id());
                println!("content hash: {}", note.content_hash);
                for f in files {
                    println!("{}", args.out.join(f).display());
                }
                ExitCode::SUCCESS
            }
            Err(e) => fail(e.to_string()),
        }
    }

    pub fn run_verify(args: &VerifyArgs) -> ExitCode {
        if !args.dir.is_dir() {
            return fail(format!("{} is not a folder", args.dir.display()));
        }
        let (trusted, trust_folder_key) = match &args.keys {
            Some(dir) => match TrustedKeys::from_dir(dir) {
                Ok(k) if k.is_empty() => {
                    return fail(format!("no public keys (*.pub) in {}", dir.display()))
                }
                Ok(k) => (k, false),
                Err(e) => return fail(e),
            },
            None => (TrustedKeys::new(), true),
        };
        let report = verify_folder(&args.dir, &trusted, trust_folder_key);
        if report.ok {
            println!(
                "OK: note {} ({} checks)",
                report.note_id.as_deref().unwrap_or("?"),
                report.checks.len()
            );
            if trust_folder_key {
                eprintln!(
                    "note: checked against the folder's own signer.pub; use --keys to check who signed"
                );
            }
            ExitCode::SUCCESS
        } else {
            for line in report.failure_lines() {
                println!("{line}");
            }
            ExitCode::from(1)
        }
    }
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

/// `sync`: the outbox to the share, with a progress bar and a summary.
mod sync_cli {
    use std::ffi::OsString;
    use std::io::{IsTerminal, Write};
    use std::path::PathBuf;
    use std::process::ExitCode;
    use std::time::Duration;

    use samtalenotat_core::clock::{Clock, SystemClock};
    use samtalenotat_core::store::Store;
    use samtalenotat_core::sync::{sync_once, Progress, SyncOptions};

    use super::{fail, option_value, UsageError};

    #[derive(Debug, PartialEq, Eq)]
    pub struct SyncArgs {
        pub db: PathBuf,
        pub share: PathBuf,
        pub timeout: Duration,
        pub prepare_share: bool,
    }

    pub fn parse_sync(args: Vec<OsString>) -> Result<SyncArgs, UsageError> {
        let (mut db, mut share) = (None, None);
        let mut timeout = SyncOptions::default().op_timeout;
        let mut prepare_share = false;
        let mut args = args.into_iter();
        while let Some(arg) = args.next() {
            match arg.to_str() {
                Some("--db") => db = Some(PathBuf::from(option_value(&mut args, "--db")?)),
                Some("--share") => share = Some(PathBuf::from(option_value(&mut args, "--share")?)),
                Some("--prepare-share") => prepare_share = true,
                Some("--timeout") => {
                    timeout = option_value(&mut args, "--timeout")?
                        .to_str()
                        .and_then(|v| v.parse::<u64>().ok())
                        .filter(|s| (1..=3600).contains(s))
                        .map(Duration::from_secs)
                        .ok_or_else(|| UsageError("--timeout must be 1 to 3600 seconds".into()))?
                }
                _ => {
                    return Err(UsageError(format!(
                        "unexpected argument `{}` for sync",
                        arg.to_string_lossy()
                    )))
                }
            }
        }
        Ok(SyncArgs {
            db: db.ok_or_else(|| UsageError("sync needs --db PATH".into()))?,
            share: share.ok_or_else(|| UsageError("sync needs --share PATH".into()))?,
            timeout,
            prepare_share,
        })
    }

    /// A bar redrawn in place on a terminal; otherwise a plain line every 10 %.
    fn progress_printer() -> impl FnMut(&Progress) {
        let tty = std::io::stderr().is_terminal();
        let mut last_tenth = usize::MAX;
        move |p: &Progress| {
            if p.total == 0 {
                return;
            }
            let mut err = std::io::stderr().lock();
            if tty {
                let width = 30;
                let filled = p.done * width / p.total;
                let _ = write!(
                    err,
                    "\r[{}{}] {}/{} ",
                    "#".repeat(filled),
                    " ".repeat(width - filled),
                    p.done,
                    p.total
                );
                if p.done == p.total {
                    let _ = writeln!(err);
                }
            } else {
                let tenth = p.done * 10 / p.total;
                if tenth != last_tenth {
                    last_tenth = tenth;
                    let _ = writeln!(err, "sync: {}/{} operations", p.done, p.total);
                }
            }
        }
    }

    pub fn run_sync(args: &SyncArgs) -> ExitCode {
        if !args.db.is_file() {
            return fail(format!("no database at {}", args.db.display()));
        }
        let store = match Store::open(&args.db) {
            Ok(store) => store,
            Err(e) => return fail(format!("{}: {e}", args.db.display())),
        };
        if args.prepare_share {
            if let Err(e) = samtalenotat_core::sync::prepare_share(&args.share, args.timeout) {
                return fail(format!("{}: {e}", args.share.display()));
            }
        }
        let options = SyncOptions {
            force: true,
            op_timeout: args.timeout,
            expect_prepared_share: true,
            ..SyncOptions::default()
        };
        let now = SystemClock.now();
        let report = match sync_once(&store, &args.share, now, &options, &mut progress_printer()) {
            Ok(r) => r,
            Err(e) => return fail(format!("{}: {e}", args.db.display())),
        };
        let pending = store.outbox_status(now).map(|s| s.pending).unwrap_or(0);
        println!(
            "written {}, already there {}, confirmed {} artifact(s); conflicts {}, failed {}, \
             invalid {}, waiting {}; notes still pending: {pending}",
            report.written,
            report.already_there,
            report.confirmed_items,
            report.conflicts,
            report.failed,
            report.rejected,
            report.waiting
        );
        if let Some(e) = &report.error {
            println!("stopped: {e}");
        }
        for f in report
            .failures
            .iter()
            .filter(|f| Some(*f) != report.error.as_ref())
        {
            println!("failure: {f}");
        }
        if let Ok(status) = store.outbox_status(now) {
            for c in status.conflicts {
                println!(
                    "conflict: {} (another file has this name; it was not touched)",
                    c.file
                );
            }
        }
        if report.all_ok() {
            ExitCode::SUCCESS
        } else {
            ExitCode::from(1)
        }
    }
}
