//! `samtalenotat-cli`: the command-line side of Samtalenotat.
//!
//! Every subcommand parses its arguments (clap, so each has `--help`), calls the same
//! application-layer functions the window uses (`samtalenotat_core::app`), and prints the
//! result. Exit codes: 0 success, 1 the input was checked and fails (a blocking violation, a
//! failing verification, a sync that left something behind), 2 the command could not do its
//! job (bad usage, unreadable or invalid file).
//!
//! Output is for people and scripts: whatever came from a file (a notice key, a policy text, a
//! path) is printed with control characters escaped, so a crafted file cannot move the cursor
//! or paint a fake "OK" line; and a closed pipe (`| head`) ends the program quietly.

use std::borrow::Cow;
use std::io::{self, BufRead, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::Arc;
use std::time::Duration;

use chrono::{DateTime, Utc};
use clap::{Parser, Subcommand, ValueEnum};
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use samtalenotat_core::app::files::{self, SignFile};
use samtalenotat_core::app::{App, AppConfig, AppError, ErrorCode, ListQuery};
use samtalenotat_core::clock::{Clock, FixedClock, SystemClock};
use samtalenotat_core::domain::{Lang, MeetingKind, Policy, RecordState, Severity, Violation};
use samtalenotat_core::store::records::ListFilter;
use samtalenotat_core::store::records::MAX_LIST_LIMIT;
use samtalenotat_core::sync::Progress;
use zeroize::Zeroizing;

#[derive(Debug, Parser)]
#[command(
    name = "samtalenotat-cli",
    version,
    about = "Check, sign, verify and sync Samtalenotat's meeting records and notes."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum LangArg {
    Da,
    En,
}

impl From<LangArg> for Lang {
    fn from(l: LangArg) -> Lang {
        match l {
            LangArg::Da => Lang::Da,
            LangArg::En => Lang::En,
        }
    }
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum StateArg {
    Draft,
    Finished,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum FilterArg {
    All,
    Drafts,
    NotSent,
    NotFiled,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check a meeting record (or misuse incident) file against the guideline's rules.
    ///
    /// Prints one line per violation: RULE  FIELD  MESSAGE. Exit 0: can be finished; 1: a
    /// blocking violation stands; 2: unreadable or invalid file (an unknown field is named).
    Validate {
        /// The record's JSON file.
        file: PathBuf,
        #[arg(long, value_enum, default_value = "da")]
        lang: LangArg,
        /// A policy file (TOML) instead of the built-in one.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// Validate as of this RFC 3339 time instead of the clock (reproducible runs).
        #[arg(long, value_parser = parse_time)]
        now: Option<DateTime<Utc>>,
    },
    /// List the records in a local database, newest change first.
    ///
    /// Tab-separated: id, state, kind, updated, unit, case number, subject.
    List {
        #[arg(long)]
        db: PathBuf,
        /// Words to search for (each matches as a prefix).
        #[arg(long)]
        search: Option<String>,
        #[arg(long, value_enum)]
        state: Option<StateArg>,
        /// The start screen's choice: all, drafts, not-sent (not confirmed on the share),
        /// not-filed (not marked as filed in the case).
        #[arg(long, value_enum, default_value = "all")]
        filter: FilterArg,
        #[arg(long)]
        unit: Option<String>,
        #[arg(long, default_value_t = 50, value_parser = clap::value_parser!(u32).range(1..=i64::from(MAX_LIST_LIMIT)))]
        limit: u32,
    },
    /// Make a staff member's signing key in DIR.
    ///
    /// minisign format, the secret part encrypted with the passphrase: KEYID.pub, KEYID.sec
    /// (0600), KEYID.signer.json. The passphrase is read from FILE (first line) or standard
    /// input, never from the command line.
    Keygen {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long)]
        name: String,
        #[arg(long)]
        initials: String,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Finish a record file (it must pass the rules) and write its signed note to DIR.
    ///
    /// Writes note.json, note.pdf, their .minisig signatures and signer.pub.
    Sign {
        record: PathBuf,
        /// A policy file (TOML) instead of the built-in one.
        #[arg(long)]
        policy: Option<PathBuf>,
        /// The secret key (KEYID.sec).
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        out: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
        #[arg(long, value_enum, default_value = "da")]
        lang: LangArg,
        #[arg(long, value_parser = parse_time)]
        now: Option<DateTime<Utc>>,
    },
    /// Check a note folder: every file present, every signature valid and bound to this note.
    ///
    /// With --keys, the signer must be one of KEYDIR's *.pub keys; without, the folder's own
    /// signer.pub is used (intact, but not who signed). Exit 0 only when all is well; else 1
    /// with one line per failure (FILE: reason).
    ///
    /// With --share and --admin-key, the signer must be endorsed by the administration (the
    /// endorsements on the share, believed only when the administration key signed them) and
    /// not revoked when the note was signed; works on a folder as it lies on the share.
    Verify {
        dir: PathBuf,
        #[arg(long, conflicts_with_all = ["share", "admin_key"])]
        keys: Option<PathBuf>,
        /// The share whose trust folder holds the endorsements.
        #[arg(long, requires = "admin_key")]
        share: Option<PathBuf>,
        /// The administration's public key (from IT, never from the share).
        #[arg(long, requires = "share")]
        admin_key: Option<PathBuf>,
    },
    /// Start a correction (addendum) of a signed note in a local database.
    ///
    /// Makes a new draft with the original's facts, pointing to the original by its signed
    /// content hash, and prints its id; edit it in the app and sign it there. The original is
    /// never changed.
    Addendum {
        #[arg(long)]
        db: PathBuf,
        /// The id of the signed note to correct.
        original: String,
        /// Why the note is corrected.
        #[arg(long)]
        reason: String,
    },
    /// The administration's work (IT or HR/Jura): its key, endorsing and revoking staff keys.
    #[command(subcommand)]
    Admin(AdminCommand),
    /// Publish every signed note waiting in the database's outbox to the share folder.
    ///
    /// Create-only, read back and compared; nothing on the share is replaced or deleted. The
    /// share must hold a samtalenotat folder (so an unmounted share is never mistaken for
    /// it); --prepare-share creates that folder in an existing share folder first. Exit 0:
    /// everything is on the share; 1: something failed or conflicts; 2: could not run.
    Sync {
        #[arg(long)]
        db: PathBuf,
        #[arg(long)]
        share: PathBuf,
        /// The longest one share operation may take, in seconds.
        #[arg(long, default_value_t = 30, value_parser = clap::value_parser!(u64).range(1..=3600))]
        timeout: u64,
        #[arg(long)]
        prepare_share: bool,
    },
    /// The central overview of the share: every complete note verified against the keys the
    /// administration endorsed, counted per unit and period, and every problem by note and
    /// path (docs/overview.md). Reads the share only; keeps its index in --data-dir.
    ///
    /// Progress on standard error. Exit 0 when the run completed (problems are listed, not an
    /// error); 2 when it could not run.
    Overview {
        #[arg(long)]
        share: PathBuf,
        /// The administration's public key file (as deployed to the PCs).
        #[arg(long)]
        admin_key: PathBuf,
        /// Where the overview keeps its index (a folder of yours, not the share).
        #[arg(long)]
        data_dir: PathBuf,
        /// First month, YYYY-MM.
        #[arg(long)]
        from: Option<String>,
        /// Last month, YYYY-MM.
        #[arg(long)]
        to: Option<String>,
        /// Rows per unit over the whole range, or per unit and month/quarter/year.
        #[arg(long, value_enum, default_value_t = ByArg::Unit)]
        by: ByArg,
        /// Only one kind of meeting.
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// Also write the counts as CSV to FILE.
        #[arg(long)]
        csv: Option<PathBuf>,
        /// The CSV for Danish Excel: `;`, decimal comma, UTF-8 byte order mark.
        #[arg(long, requires = "csv")]
        excel: bool,
        /// The whole result as JSON on standard output (docs/overview.md).
        #[arg(long)]
        json: bool,
    },
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum ByArg {
    Unit,
    Month,
    Quarter,
    Year,
}

#[derive(Debug, Clone, Copy, clap::ValueEnum)]
enum KindArg {
    Citizen,
    Employee,
}

#[derive(Debug, Subcommand)]
enum AdminCommand {
    /// Make the municipality's administration key in DIR (keep it off the meeting-room PCs).
    ///
    /// Prints its key id and fingerprint: the public key (KEYID.pub) is installed on every PC
    /// (/etc/samtalenotat/administration.pub) or entered in the settings and confirmed by the
    /// fingerprint. The passphrase is read from FILE (first line) or standard input.
    Init {
        #[arg(long)]
        dir: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Print the fingerprint of a public key file.
    Fingerprint { key: PathBuf },
    /// Endorse a staff key: a signed endorsement (key, name, initials, from when) on the share.
    Endorse {
        /// The administration's secret key (KEYID.sec).
        #[arg(long)]
        admin_key: PathBuf,
        #[arg(long)]
        share: PathBuf,
        /// The staff member's public key (KEYID.pub).
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        name: String,
        #[arg(long)]
        initials: String,
        /// From when the key counts (RFC 3339); now when not given.
        #[arg(long, value_parser = parse_time)]
        from: Option<DateTime<Utc>>,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Publish the municipality's policy file on the share, signed by the administration.
    ///
    /// Every PC with the administration key picks up a newer version and uses it for new
    /// records (a draft keeps the policy it was started under). The file must load as a
    /// policy; a published version is never replaced (raise `version` in the file).
    PublishPolicy {
        /// The policy file (TOML; see src-tauri/core/policy/albertslund.toml).
        file: PathBuf,
        #[arg(long)]
        admin_key: PathBuf,
        #[arg(long)]
        share: PathBuf,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
    /// Revoke a staff key: notes it signed from then on are flagged.
    Revoke {
        #[arg(long)]
        admin_key: PathBuf,
        #[arg(long)]
        share: PathBuf,
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        reason: String,
        /// From when the key no longer counts (RFC 3339); now when not given.
        #[arg(long, value_parser = parse_time)]
        from: Option<DateTime<Utc>>,
        #[arg(long)]
        passphrase_file: Option<PathBuf>,
    },
}

fn parse_time(s: &str) -> Result<DateTime<Utc>, String> {
    DateTime::parse_from_rfc3339(s)
        .map(|t| t.with_timezone(&Utc))
        .map_err(|e| format!("not an RFC 3339 time: {e}"))
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let mut out = Output::new();
    let result = match cli.command {
        Command::Validate {
            file,
            lang,
            policy,
            now,
        } => run_validate(&mut out, &file, lang.into(), policy.as_deref(), now),
        Command::List {
            db,
            search,
            state,
            filter,
            unit,
            limit,
        } => run_list(&mut out, &db, search, state, filter, unit, limit),
        Command::Keygen {
            dir,
            name,
            initials,
            passphrase_file,
        } => run_keygen(&mut out, &dir, &name, &initials, passphrase_file.as_deref()),
        Command::Sign {
            record,
            policy,
            key,
            out: out_dir,
            passphrase_file,
            lang,
            now,
        } => run_sign(
            &mut out,
            &record,
            policy.as_deref(),
            &key,
            &out_dir,
            passphrase_file.as_deref(),
            lang.into(),
            now,
        ),
        Command::Verify {
            dir,
            keys,
            share,
            admin_key,
        } => match (share, admin_key) {
            (Some(share), Some(admin)) => run_verify_trusted(&mut out, &dir, &share, &admin),
            _ => run_verify(&mut out, &dir, keys.as_deref()),
        },
        Command::Admin(command) => run_admin(&mut out, command),
        Command::Addendum {
            db,
            original,
            reason,
        } => run_addendum(&mut out, &db, &original, &reason),
        Command::Sync {
            db,
            share,
            timeout,
            prepare_share,
        } => run_sync(&mut out, &db, &share, timeout, prepare_share),
        Command::Overview {
            share,
            admin_key,
            data_dir,
            from,
            to,
            by,
            kind,
            csv,
            excel,
            json,
        } => run_overview(
            &mut out,
            OverviewArgs {
                share,
                admin_key,
                data_dir,
                from,
                to,
                by,
                kind,
                csv,
                excel,
                json,
            },
        ),
    };
    match result {
        Ok(code) => code,
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
        Err(Failure::App(e)) => {
            let _ = writeln!(
                io::stderr(),
                "samtalenotat-cli: {}",
                terminal_safe(&e.to_string())
            );
            ExitCode::from(e.code.exit_code())
        }
    }
}

/// Why a subcommand stopped.
enum Failure {
    App(AppError),
    /// Standard output was closed (`| head`): stop quietly.
    BrokenPipe,
}

impl From<AppError> for Failure {
    fn from(e: AppError) -> Self {
        Failure::App(e)
    }
}

type Outcome = Result<ExitCode, Failure>;

/// Standard output, escaped and quiet on a broken pipe.
struct Output {
    stdout: io::StdoutLock<'static>,
}

impl Output {
    fn new() -> Output {
        Output {
            stdout: io::stdout().lock(),
        }
    }

    /// Prints one line; text from files must go through [`terminal_safe`] first.
    fn line(&mut self, text: &str) -> Result<(), Failure> {
        writeln!(self.stdout, "{text}").map_err(|e| match e.kind() {
            io::ErrorKind::BrokenPipe => Failure::BrokenPipe,
            _ => Failure::App(AppError::new(ErrorCode::FileAccess, e.to_string())),
        })
    }
}

/// `text` with every control character (C0, DEL, C1) and bidi control shown as `\u{…}`, so
/// nothing read from a file can steer the terminal.
fn terminal_safe(text: &str) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        c.is_control()
            || matches!(c, '\u{200E}' | '\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
    };
    if !text.chars().any(unsafe_char) {
        return Cow::Borrowed(text);
    }
    Cow::Owned(
        text.chars()
            .map(|c| {
                if unsafe_char(c) {
                    format!("\\u{{{:04x}}}", u32::from(c))
                } else {
                    c.to_string()
                }
            })
            .collect(),
    )
}

fn clock(now: Option<DateTime<Utc>>) -> Arc<dyn Clock> {
    match now {
        Some(t) => Arc::new(FixedClock(t)),
        None => Arc::new(SystemClock),
    }
}

fn load_policy(path: Option<&Path>) -> Result<Policy, AppError> {
    match path {
        None => Ok(Policy::builtin().clone()),
        Some(path) => {
            let text = files::read_document(path)?;
            Policy::load_from_str(&text).map_err(|e| {
                AppError::new(ErrorCode::InvalidInput, format!("{}: {e}", path.display()))
            })
        }
    }
}

fn run_validate(
    out: &mut Output,
    file: &Path,
    lang: Lang,
    policy: Option<&Path>,
    now: Option<DateTime<Utc>>,
) -> Outcome {
    let policy = load_policy(policy)?;
    let now = clock(now).now();
    let checked = files::validate_file(file, &policy, now)?;
    for violation in &checked.violations {
        out.line(&violation_line(violation, &policy, lang, checked.kind))?;
    }
    Ok(if checked.can_finish() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
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
    terminal_safe(&format!(
        "{}  {}  {}",
        violation.rule, violation.field, message
    ))
    .into_owned()
}

fn open_app(db: &Path, share: Option<&Path>) -> Result<App, AppError> {
    if !db.is_file() {
        return Err(AppError::new(
            ErrorCode::FileAccess,
            format!("no database at {}", db.display()),
        ));
    }
    let data_dir = db
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let mut config = AppConfig::new(data_dir, Arc::new(SystemClock));
    config.database = Some(db.to_path_buf());
    config.share_override = share.map(Path::to_path_buf);
    App::open(config)
}

fn run_list(
    out: &mut Output,
    db: &Path,
    search: Option<String>,
    state: Option<StateArg>,
    filter: FilterArg,
    unit: Option<String>,
    limit: u32,
) -> Outcome {
    let app = open_app(db, None)?;
    let rows = app.list_records(ListQuery {
        text: search,
        limit,
        filter: Some(match filter {
            FilterArg::All => ListFilter::All,
            FilterArg::Drafts => ListFilter::Drafts,
            FilterArg::NotSent => ListFilter::NotSent,
            FilterArg::NotFiled => ListFilter::NotFiled,
        }),
        state: state.map(|s| match s {
            StateArg::Draft => RecordState::Draft,
            StateArg::Finished => RecordState::Finished,
        }),
        unit,
        ..ListQuery::default()
    })?;
    for r in rows {
        let line = [
            &r.id,
            &r.state,
            &r.kind,
            &r.updated_at,
            &r.unit,
            &r.case_number,
            &r.subject,
        ]
        .map(|v| terminal_safe(v).replace('\t', " "))
        .join("\t");
        out.line(&line)?;
    }
    Ok(ExitCode::SUCCESS)
}

/// The passphrase from the file's first line, or from standard input's first line.
fn read_passphrase(file: Option<&Path>) -> Result<Zeroizing<String>, AppError> {
    let mut raw = Zeroizing::new(String::new());
    let failed = |what: String, e: io::Error| {
        AppError::field(
            ErrorCode::FileAccess,
            "passphrase",
            format!("cannot read {what}: {e}"),
        )
    };
    match file {
        Some(path) => {
            let mut f =
                std::fs::File::open(path).map_err(|e| failed(path.display().to_string(), e))?;
            f.read_to_string(&mut raw)
                .map_err(|e| failed(path.display().to_string(), e))?;
        }
        None => {
            io::stdin()
                .lock()
                .read_line(&mut raw)
                .map_err(|e| failed("the passphrase from standard input".into(), e))?;
        }
    }
    let line = raw.lines().next().unwrap_or("");
    samtalenotat_core::app::input::passphrase(line.to_owned())
}

fn run_keygen(
    out: &mut Output,
    dir: &Path,
    name: &str,
    initials: &str,
    passphrase_file: Option<&Path>,
) -> Outcome {
    let passphrase = read_passphrase(passphrase_file)?;
    let info = files::create_key_in(dir, name, initials, &passphrase, SystemClock.now())?;
    out.line(&format!("key id: {}", info.key_id))?;
    out.line(&terminal_safe(&format!(
        "public key: {}",
        info.public_key_path.display()
    )))?;
    out.line(&terminal_safe(&format!(
        "secret key: {}",
        info.secret_key_path.display()
    )))?;
    Ok(ExitCode::SUCCESS)
}

#[allow(clippy::too_many_arguments)]
fn run_sign(
    out: &mut Output,
    record: &Path,
    policy_file: Option<&Path>,
    key: &Path,
    out_dir: &Path,
    passphrase_file: Option<&Path>,
    lang: Lang,
    now: Option<DateTime<Utc>>,
) -> Outcome {
    let policy = &load_policy(policy_file)?;
    let now = clock(now).now();
    // Rules first: a record that cannot be finished needs no passphrase.
    let checked = files::validate_file(record, policy, now)?;
    if !checked.can_finish() {
        for v in checked.violations.iter().filter(|v| v.is_blocking()) {
            out.line(&violation_line(v, policy, lang, checked.kind))?;
        }
        return Ok(ExitCode::from(1));
    }
    let passphrase = read_passphrase(passphrase_file)?;
    let signed = files::sign_file(
        SignFile {
            record,
            key,
            out: out_dir,
            lang,
            policy,
            now,
        },
        passphrase,
    )?;
    out.line(&format!(
        "note {} signed by key {}",
        signed.note_id, signed.key_id
    ))?;
    out.line(&format!("content hash: {}", signed.content_hash))?;
    for f in &signed.files {
        out.line(&terminal_safe(&f.display().to_string()))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_verify(out: &mut Output, dir: &Path, keys: Option<&Path>) -> Outcome {
    let report = files::verify_with_keys(dir, keys)?;
    if report.ok {
        out.line(&format!(
            "OK: note {} ({} checks)",
            terminal_safe(report.note_id.as_deref().unwrap_or("?")),
            report.checks.len()
        ))?;
        if keys.is_none() {
            let _ = writeln!(
                io::stderr(),
                "note: checked against the folder's own signer.pub; use --keys to check who signed"
            );
        }
        Ok(ExitCode::SUCCESS)
    } else {
        for line in report.failure_lines() {
            out.line(&terminal_safe(&line))?;
        }
        Ok(ExitCode::from(1))
    }
}

fn run_verify_trusted(out: &mut Output, dir: &Path, share: &Path, admin: &Path) -> Outcome {
    use samtalenotat_core::trust::SignerStanding;
    let (verdict, set) = files::verify_with_administration(dir, share, admin)?;
    for problem in &set.problems {
        let _ = writeln!(
            io::stderr(),
            "{}",
            terminal_safe(&format!("trust: {}: {}", problem.path, problem.detail))
        );
    }
    let standing = match &verdict.signer {
        SignerStanding::Endorsed { name, initials } => format!("signed by {name} ({initials})"),
        SignerStanding::Unknown => "signer: key not endorsed by the administration".into(),
        SignerStanding::SignedBeforeEndorsement => {
            "signer: signed before the key's endorsement took effect".into()
        }
        SignerStanding::SignedAfterRevocation { reason } => {
            format!("signer: signed after the key was revoked ({reason})")
        }
    };
    if verdict.trusted() {
        out.line(&terminal_safe(&format!(
            "OK: note {} ({} checks), {standing}",
            verdict.report.note_id.as_deref().unwrap_or("?"),
            verdict.report.checks.len()
        )))?;
        return Ok(ExitCode::SUCCESS);
    }
    for line in verdict.report.failure_lines() {
        out.line(&terminal_safe(&line))?;
    }
    out.line(&terminal_safe(&standing))?;
    Ok(ExitCode::from(1))
}

fn run_addendum(out: &mut Output, db: &Path, original: &str, reason: &str) -> Outcome {
    let app = open_app(db, None)?;
    let view = app.create_addendum(original, reason)?;
    out.line(&format!(
        "addendum {} to note {original} (edit and sign it in the app)",
        view.record.id
    ))?;
    Ok(ExitCode::SUCCESS)
}

fn run_admin(out: &mut Output, command: AdminCommand) -> Outcome {
    let now = SystemClock.now();
    match command {
        AdminCommand::Init {
            dir,
            passphrase_file,
        } => {
            let passphrase = read_passphrase(passphrase_file.as_deref())?;
            let (info, fingerprint) = files::create_admin_key(&dir, &passphrase, now)?;
            out.line(&format!("administration key id: {}", info.key_id))?;
            out.line(&format!("fingerprint: {fingerprint}"))?;
            out.line(&terminal_safe(&format!(
                "public key (install on every PC): {}",
                info.public_key_path.display()
            )))?;
            out.line(&terminal_safe(&format!(
                "secret key (keep safe): {}",
                info.secret_key_path.display()
            )))?;
        }
        AdminCommand::PublishPolicy {
            file,
            admin_key,
            share,
            passphrase_file,
        } => {
            let passphrase = read_passphrase(passphrase_file.as_deref())?;
            let path = files::publish_policy(&admin_key, &share, &file, passphrase)?;
            out.line(&terminal_safe(&format!("published: {}", path.display())))?;
        }
        AdminCommand::Fingerprint { key } => {
            let text = files::read_document(&key)?;
            let parsed =
                samtalenotat_core::note::keys::PublicKeyFile::parse(&text).map_err(|e| {
                    AppError::field(
                        ErrorCode::InvalidInput,
                        "key",
                        format!("not a public key: {e}"),
                    )
                })?;
            out.line(&samtalenotat_core::trust::fingerprint(&parsed))?;
        }
        AdminCommand::Endorse {
            admin_key,
            share,
            key,
            name,
            initials,
            from,
            passphrase_file,
        } => {
            let passphrase = read_passphrase(passphrase_file.as_deref())?;
            let action = files::AdminAction {
                admin_secret: &admin_key,
                share: &share,
                staff_key: &key,
                now,
            };
            let path =
                files::endorse_key(action, passphrase, &name, &initials, from.unwrap_or(now))?;
            out.line(&terminal_safe(&format!("endorsed: {}", path.display())))?;
        }
        AdminCommand::Revoke {
            admin_key,
            share,
            key,
            reason,
            from,
            passphrase_file,
        } => {
            let passphrase = read_passphrase(passphrase_file.as_deref())?;
            let action = files::AdminAction {
                admin_secret: &admin_key,
                share: &share,
                staff_key: &key,
                now,
            };
            let path = files::revoke_key(action, passphrase, &reason, from.unwrap_or(now))?;
            out.line(&terminal_safe(&format!("revoked: {}", path.display())))?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

/// Progress on stderr: a bar (indicatif) on a terminal; otherwise a plain line every 10 %, so
/// a log or a pipe gets no control characters.
fn progress_printer(what: &'static str, unit: &'static str) -> impl FnMut(&Progress) {
    let bar = io::stderr().is_terminal().then(|| {
        let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
        bar.set_style(
            ProgressStyle::with_template("{msg} [{bar:30}] {pos}/{len} {elapsed}, {eta} left")
                .expect("a valid template")
                .progress_chars("#>-"),
        );
        bar.set_message(what);
        bar
    });
    let mut last_tenth = usize::MAX;
    move |p: &Progress| {
        if p.total == 0 {
            return;
        }
        if let Some(bar) = &bar {
            bar.set_length(p.total as u64);
            bar.set_position(p.done as u64);
            if p.done == p.total {
                bar.finish();
            }
            return;
        }
        let tenth = p.done * 10 / p.total;
        if tenth != last_tenth {
            last_tenth = tenth;
            let _ = writeln!(io::stderr().lock(), "{what}: {}/{} {unit}", p.done, p.total);
        }
    }
}

struct OverviewArgs {
    share: PathBuf,
    admin_key: PathBuf,
    data_dir: PathBuf,
    from: Option<String>,
    to: Option<String>,
    by: ByArg,
    kind: Option<KindArg>,
    csv: Option<PathBuf>,
    excel: bool,
    json: bool,
}

fn run_overview(out: &mut Output, a: OverviewArgs) -> Outcome {
    let mut config = AppConfig::new(&a.data_dir, Arc::new(SystemClock));
    config.share_override = Some(a.share.clone());
    config.deployed_admin_key = Some(a.admin_key.clone());
    let app = App::open(config)?;
    let period = match a.by {
        ByArg::Unit => "all",
        ByArg::Month => "month",
        ByArg::Quarter => "quarter",
        ByArg::Year => "year",
    };
    let mut query = serde_json::json!({ "period": period });
    if let Some(from) = &a.from {
        query["from"] = from.as_str().into();
    }
    if let Some(to) = &a.to {
        query["to"] = to.as_str().into();
    }
    if let Some(kind) = a.kind {
        query["kind"] = match kind {
            KindArg::Citizen => "citizen",
            KindArg::Employee => "employee",
        }
        .into();
    }
    let cancel = std::sync::atomic::AtomicBool::new(false);
    let mut printer = progress_printer("overview", "note folders");
    let view = app.overview(query, &cancel, &mut |p| {
        printer(&Progress {
            done: p.done as usize,
            total: p.total as usize,
            current: None,
        })
    })?;
    if let Some(path) = &a.csv {
        let bytes = samtalenotat_core::overview::export::to_csv(&view.aggregate, a.excel)
            .map_err(|e| AppError::new(ErrorCode::Storage, e.to_string()))?;
        std::fs::write(path, bytes).map_err(|e| {
            AppError::new(ErrorCode::FileAccess, format!("{}: {e}", path.display()))
        })?;
    }
    if a.json {
        out.line(&serde_json::to_string_pretty(&view).expect("serialises"))?;
        return Ok(ExitCode::SUCCESS);
    }
    out.line(&format!(
        "{} note folder(s): {} counted, {} verified now, {} from the index; {} problem(s)",
        view.scan.folders,
        view.scan.trusted,
        view.scan.verified,
        view.scan.reused,
        view.scan.problems.len()
    ))?;
    out.line(
        "unit\tperiod\tnotes\trequests\tallowed\trefused\ta\tb\tc\topen\thidden\tvideo\toral",
    )?;
    for r in &view.aggregate.rows {
        let c = &r.counts;
        out.line(&terminal_safe(&format!(
            "{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}\t{}",
            r.unit,
            r.period,
            c.notes,
            c.requests,
            c.allowed,
            c.refused,
            c.ground_a,
            c.ground_b,
            c.ground_c,
            c.unannounced_open,
            c.unannounced_hidden,
            c.video_requested,
            c.oral_decisions
        )))?;
    }
    for u in view.aggregate.units.iter().filter(|u| u.stands_out) {
        out.line(&terminal_safe(&format!(
            "stands out: {} refuses {:.0} % against {:.0} % in the rest (z = {:.1})",
            u.unit,
            u.refusal_rate.unwrap_or(0.0) * 100.0,
            u.rest_refusal_rate.unwrap_or(0.0) * 100.0,
            u.z.unwrap_or(0.0)
        )))?;
    }
    for p in &view.scan.problems {
        out.line(&terminal_safe(&format!(
            "problem {}: {} ({})",
            p.kind.as_str(),
            p.path,
            p.detail
        )))?;
    }
    Ok(ExitCode::SUCCESS)
}

fn run_sync(
    out: &mut Output,
    db: &Path,
    share: &Path,
    timeout: u64,
    prepare_share: bool,
) -> Outcome {
    let timeout = Duration::from_secs(timeout);
    let app = open_app(db, Some(share))?;
    if prepare_share {
        samtalenotat_core::sync::prepare_share(share, timeout).map_err(AppError::from)?;
    }
    let report = app.sync_once(
        true,
        Some(timeout),
        &mut progress_printer("sync", "operations"),
    )?;
    let status = app.sync_status(false)?;
    out.line(&format!(
        "written {}, already there {}, confirmed {} artifact(s); conflicts {}, failed {}, \
         invalid {}, waiting {}; notes still pending: {}",
        report.written,
        report.already_there,
        report.confirmed_items,
        report.conflicts,
        report.failed,
        report.rejected,
        report.waiting,
        status.outbox.pending
    ))?;
    if let Some(e) = &report.error {
        out.line(&terminal_safe(&format!("stopped: {e}")))?;
    }
    for f in report
        .failures
        .iter()
        .filter(|f| Some(*f) != report.error.as_ref())
    {
        out.line(&terminal_safe(&format!("failure: {f}")))?;
    }
    for c in status.outbox.conflicts {
        out.line(&terminal_safe(&format!(
            "conflict: {} (another file has this name; it was not touched)",
            c.file
        )))?;
    }
    Ok(if report.all_ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use clap::CommandFactory;

    #[test]
    fn the_command_line_is_well_formed_and_every_subcommand_has_help() {
        Cli::command().debug_assert();
        for sub in Cli::command().get_subcommands() {
            assert!(sub.get_about().is_some(), "{} has no help", sub.get_name());
        }
    }

    #[test]
    fn terminal_output_escapes_control_characters() {
        assert_eq!(terminal_safe("plain æøå"), "plain æøå");
        assert_eq!(terminal_safe("x\u{1b}[2K\rOK"), "x\\u{001b}[2K\\u{000d}OK");
        assert_eq!(terminal_safe("a\u{202e}b"), "a\\u{202e}b");
        assert_eq!(terminal_safe("a\u{9b}b"), "a\\u{009b}b");
    }
}
