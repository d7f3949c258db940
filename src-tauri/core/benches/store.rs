//! Storage benchmark: per-operation latency percentiles of the real store on a realistic file.
//!
//! `cargo bench -p samtalenotat-core --bench store` builds a temporary database through
//! `Store::open`, fills it with 100,000 meeting records (Danish subjects, ~40 units, case
//! numbers, two years of dates, ~10% finished, some drafts edited twice), then measures with
//! `synchronous=FULL`:
//!
//! - draft save (`update_draft` with one changed field, what autosave does), interleaved with a
//!   bare one-row FULL commit on a tiny table in the same file, so disk noise hits both alike;
//! - the list page, full-text searches (rare, mid-frequency, very common term, one-letter
//!   prefix) and filtered lists.
//!
//! Criterion reports means; the goals here are percentiles, so every iteration is timed with
//! `Instant` and p50/p95/p99 are taken from the sorted samples (nearest rank).
//!
//! Environment:
//! - `SAMTALENOTAT_BENCH_RECORDS=N`: records to populate (default 100000);
//! - `SAMTALENOTAT_BENCH_QUICK=1`: fewer samples (still ≥ 300 for the commit comparison);
//! - `SAMTALENOTAT_BENCH_KEEP=1`: keep the database file and print where it is;
//! - `SAMTALENOTAT_BENCH_FILL=FOLDER`: only fill an app data folder with the records and stop
//!   (bench/list-draw.sh).

use std::time::{Duration, Instant};

use chrono::{DateTime, Duration as Span, NaiveDate, TimeZone, Utc};
use rusqlite::types::Value as SqlValue;
use samtalenotat_core::domain::{MeetingKind, MeetingRecord, Policy, RecordId, RecordState};
use samtalenotat_core::store::artifacts::NewArtifact;
use samtalenotat_core::store::records::{fts_query, RecordQuery};
use samtalenotat_core::store::Store;
use ulid::Ulid;

const ACTOR: &str = "bench";
const GOAL_LIST_MS: f64 = 50.0;
const GOAL_SAVE_RATIO: f64 = 2.0;

/// About 40 units. "Tandplejen" is the mid-frequency search term: its own word, 1/40 of rows.
const UNITS: [&str; 40] = [
    "Borgerservice",
    "Jobcenter",
    "Ydelsescenter",
    "Sundhed og Ældre",
    "Børn og Unge",
    "Familieafdelingen",
    "Handicap og Psykiatri",
    "Tandplejen",
    "Skoleafdelingen",
    "Dagtilbud",
    "Byggesagsafdelingen",
    "Miljø og Natur",
    "Vej og Park",
    "HR",
    "Løn og Personale",
    "Økonomi",
    "Digitalisering og IT",
    "Kultur og Fritid",
    "Plan og Byg",
    "Ungeindsatsen",
    "Integration",
    "Hjemmeplejen Nord",
    "Hjemmeplejen Syd",
    "Plejecenter Albertshøj",
    "Plejecenter Humlehaven",
    "Rehabilitering",
    "Visitationen",
    "PPR",
    "Sundhedsplejen",
    "Rusmiddelcentret",
    "Socialpsykiatrien",
    "Boligsocialt Team",
    "Fritidsklubben",
    "Ungdomsskolen",
    "Kommunikation",
    "Borgmesterkontoret",
    "Jura",
    "Indkøb",
    "Ejendomme",
    "Beredskab",
];

/// Every subject has the word "om": the very common search term.
const SUBJECT_HEADS: [&str; 8] = [
    "Samtale om",
    "Opfølgning om",
    "Møde om",
    "Partshøring om",
    "Klage om",
    "Vejledning om",
    "Afklaring om",
    "Orientering om",
];

const SUBJECT_TOPICS: [&str; 30] = [
    "boligstøtte",
    "sygefravær",
    "kontanthjælp",
    "førtidspension",
    "hjælpemidler",
    "merudgifter til børn med handicap",
    "tabt arbejdsfortjeneste",
    "ressourceforløb",
    "jobafklaringsforløb",
    "fleksjob",
    "sygedagpenge",
    "aktivitetsparathed",
    "praktisk hjælp i hjemmet",
    "madservice og rengøring",
    "plejebolig",
    "skolevalg og specialklasse",
    "underretning om barnets trivsel",
    "forældrepålæg",
    "anbringelse uden for hjemmet",
    "bostøtte efter servicelovens § 85",
    "byggetilladelse til carport",
    "nabohøring om tilbygning",
    "tandregulering",
    "ledelsesretten og arbejdsopgaver",
    "advarsel efter fravær",
    "omplacering og løntrin",
    "nedsat tid af helbredsmæssige årsager",
    "misbrugsbehandling",
    "økonomisk friplads i daginstitution",
    "enkeltydelse til tandbehandling",
];

const FIRST_NAMES: [&str; 24] = [
    "Jens", "Mette", "Søren", "Anne", "Lars", "Kirsten", "Bjørn", "Hanne", "Niels", "Birgitte",
    "Mads", "Åse", "Poul", "Lene", "Jørgen", "Signe", "Frederik", "Ida", "Ahmed", "Fatima",
    "Morten", "Tove", "Kasper", "Sofie",
];

const SURNAMES: [&str; 24] = [
    "Jensen",
    "Nielsen",
    "Hansen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Petersen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Møller",
    "Kjærgaard",
    "Ærø",
    "Bøgh",
    "Østergaard",
    "Dahl",
    "Friis",
    "Holm",
    "Lund",
];

/// The rare search term: the counterpart's surname in 1 of 10,000 records.
const RARE_SURNAME: &str = "Ødegård";
const RARE_EVERY: usize = 10_000;

/// A small deterministic generator (SplitMix64): same file every run, no extra dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

fn env_usize(name: &str) -> Option<usize> {
    std::env::var(name).ok().and_then(|v| v.trim().parse().ok())
}

fn env_flag(name: &str) -> bool {
    std::env::var(name).is_ok_and(|v| !v.is_empty() && v != "0")
}

/// Statistics of one operation, in milliseconds.
struct Stats {
    n: usize,
    p50: f64,
    p95: f64,
    p99: f64,
    max: f64,
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Nearest-rank percentiles of the samples.
fn stats(samples: &[Duration]) -> Stats {
    let mut sorted: Vec<f64> = samples.iter().copied().map(ms).collect();
    sorted.sort_by(f64::total_cmp);
    let rank = |p: f64| {
        let k = ((p / 100.0) * sorted.len() as f64).ceil() as usize;
        sorted[k.clamp(1, sorted.len()) - 1]
    };
    Stats {
        n: sorted.len(),
        p50: rank(50.0),
        p95: rank(95.0),
        p99: rank(99.0),
        max: *sorted.last().expect("at least one sample"),
    }
}

/// One row of the result table.
struct Row {
    name: String,
    rows: Option<usize>,
    stats: Stats,
    goal: String,
    met: Option<bool>,
}

fn template() -> MeetingRecord {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/records/citizen-asked-first-allowed.json"
    );
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{path}: {e}"));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The template moved in time so that it was created at `created`, with fresh content.
fn make_record(
    base: &MeetingRecord,
    policy: &Policy,
    n: usize,
    created: DateTime<Utc>,
    rng: &mut Rng,
) -> MeetingRecord {
    let shift = created - base.created_at;
    let mut r = base.clone();
    r.id = RecordId(Ulid::from_parts(
        created.timestamp_millis() as u64,
        (u128::from(rng.next()) << 64) | u128::from(rng.next()),
    ));
    r.policy = policy.reference();
    r.created_at = created;
    r.updated_at = base.updated_at + shift;
    for at in [&mut r.meeting.starts_at, &mut r.meeting.ends_at]
        .into_iter()
        .flatten()
    {
        *at += shift;
    }
    for at in r.notices.values_mut() {
        *at += shift;
    }
    let m = &mut r.meeting;
    let unit = rng.pick(&UNITS);
    m.unit = unit.to_owned();
    m.room = format!("Mødelokale {}, {unit}", 1 + rng.below(6));
    m.subject = format!("{} {}", rng.pick(&SUBJECT_HEADS), rng.pick(&SUBJECT_TOPICS));
    let kle = ["27.12.00", "32.18.04", "81.03.00", "15.00.00", "02.34.02"][rng.below(5)];
    m.kle_number = kle.to_owned();
    m.case_number = format!(
        "{kle}-A00-{:04}-{}",
        rng.below(10_000),
        created.format("%y")
    );
    let surname = if n % RARE_EVERY == RARE_EVERY / 2 {
        RARE_SURNAME
    } else {
        rng.pick(&SURNAMES)
    };
    m.counterpart = format!("{} {surname}", rng.pick(&FIRST_NAMES));
    let lead_first = rng.pick(&FIRST_NAMES);
    let lead_last = rng.pick(&SURNAMES);
    m.lead.initials = format!(
        "{}{}",
        lead_first.chars().take(2).collect::<String>(),
        lead_last.chars().take(2).collect::<String>()
    )
    .to_uppercase();
    m.lead.name = format!("{lead_first} {lead_last}");
    r
}

struct Population {
    records: usize,
    finished: usize,
    updates: usize,
    finish_failures: usize,
    took: Duration,
    newest: DateTime<Utc>,
    /// A recent draft for the autosave measurement.
    draft: MeetingRecord,
}

fn populate(store: &mut Store, count: usize) -> Population {
    let started = Instant::now();
    let policy = Policy::builtin();
    let base = template();
    let mut rng = Rng(0x5A17_A1E0_0000_2026);
    let end = Utc.with_ymd_and_hms(2026, 11, 30, 16, 0, 0).unwrap();
    let span = Span::days(730);
    let start = end - span;
    let step_ms = span.num_milliseconds() / count.max(1) as i64;
    store
        .connection()
        .pragma_update(None, "synchronous", "OFF")
        .unwrap();
    let (mut finished, mut updates, mut finish_failures) = (0, 0, 0);
    let mut draft = None;
    for n in 0..count {
        // Working hours are not modelled; only the spread over two years matters here.
        let jitter = (rng.next() % step_ms.max(1) as u64) as i64;
        let created = start + Span::milliseconds(n as i64 * step_ms + jitter);
        let roll = rng.below(10);
        let mut record = make_record(&base, policy, n, created, &mut rng);
        if roll != 0 && rng.below(4) == 0 {
            // A quarter of the drafts are employee meetings (finished ones stay citizen ones,
            // whose rules the template is known to meet).
            record.meeting.kind = MeetingKind::Employee;
            record.meeting.official_character = Some(true);
        }
        store.insert_record(&record, ACTOR).unwrap();
        if roll == 0 {
            // ~10% finished through the real rule check.
            let now = record.updated_at + Span::minutes(5);
            // A small stand-in note: what is measured here is the store, not signing.
            let finishing = store.finish_record_with(record.id, now, ACTOR, policy, |_| {
                Ok::<_, samtalenotat_core::store::StoreError>(vec![NewArtifact {
                    name: "note.json",
                    bytes: b"{}".to_vec(),
                }])
            });
            match finishing {
                Ok(_) => finished += 1,
                Err(e) => {
                    if finish_failures == 0 {
                        eprintln!("note: a record could not be finished ({e}); kept as draft");
                    }
                    finish_failures += 1;
                }
            }
        } else if roll <= 2 {
            // ~20% drafts saved twice more after creation (a note added, then corrected).
            let mut edited = record.clone();
            edited.oral_decision.what = "Borgeren blev vejledt om klagemuligheder.".into();
            let first = store
                .update_draft(&edited, record.updated_at + Span::minutes(2), ACTOR)
                .unwrap();
            let mut edited = first.clone();
            edited.meeting.room = format!("{} (flyttet)", first.meeting.room);
            let second = store
                .update_draft(&edited, record.updated_at + Span::minutes(9), ACTOR)
                .unwrap();
            updates += 2;
            draft = Some(second);
        } else {
            draft = Some(record);
        }
    }
    let conn = store.connection();
    conn.pragma_update(None, "synchronous", "FULL").unwrap();
    // Start the measurements from a checkpointed, settled file as the app would see it.
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    Population {
        records: count,
        finished,
        updates,
        finish_failures,
        took: started.elapsed(),
        newest: end,
        draft: draft.expect("at least one draft"),
    }
}

/// The draft being edited, as the autosave sees it: each save toggles one field.
struct Autosave {
    draft: MeetingRecord,
    subject: String,
    now: DateTime<Utc>,
    saves: u64,
}

impl Autosave {
    fn new(draft: MeetingRecord, now: DateTime<Utc>) -> Self {
        let subject = draft.meeting.subject.clone();
        Autosave {
            draft,
            subject,
            now,
            saves: 0,
        }
    }

    /// One `update_draft` with the subject changed; returns how long the call took.
    fn save(&mut self, store: &mut Store) -> Duration {
        let mut edited = self.draft.clone();
        edited.meeting.subject = if self.saves.is_multiple_of(2) {
            format!("{} (rettet)", self.subject)
        } else {
            self.subject.clone()
        };
        self.saves += 1;
        self.now += Span::seconds(3);
        let t = Instant::now();
        self.draft = store.update_draft(&edited, self.now, ACTOR).unwrap();
        t.elapsed()
    }
}

/// One bare transaction: a one-row insert into a tiny table, committed.
fn bare_commit(store: &mut Store, x: i64) -> Duration {
    let t = Instant::now();
    let tx = store.connection_mut().transaction().unwrap();
    tx.execute("INSERT INTO bench_bare VALUES (?1)", [x])
        .unwrap();
    tx.commit().unwrap();
    t.elapsed()
}

/// `update_draft` (autosave) interleaved with a bare one-row FULL commit; returns both samples.
fn measure_saves(
    store: &mut Store,
    autosave: &mut Autosave,
    samples: usize,
) -> (Vec<Duration>, Vec<Duration>) {
    store
        .connection()
        .execute_batch("CREATE TABLE bench_bare (x INTEGER)")
        .unwrap();
    let warmup = 20;
    let mut saves = Vec::with_capacity(samples);
    let mut bares = Vec::with_capacity(samples);
    for i in 0..samples + warmup {
        // Alternate which goes first, so neither always follows the other's fsync.
        for save_first in [i % 2 == 0, i % 2 == 1] {
            if save_first {
                let d = autosave.save(store);
                if i >= warmup {
                    saves.push(d);
                }
            } else {
                let d = bare_commit(store, i as i64);
                if i >= warmup {
                    bares.push(d);
                }
            }
        }
    }
    (saves, bares)
}

/// WAL frames (pages) each operation appends: measured from an emptied WAL with automatic
/// checkpoints paused, then restored.
fn wal_frames_per_op(store: &mut Store, ops: usize, mut op: impl FnMut(&mut Store)) -> f64 {
    let auto: i64 = store
        .connection()
        .query_row("PRAGMA wal_autocheckpoint", [], |r| r.get(0))
        .unwrap();
    let checkpoint = |store: &Store, mode: &str| -> i64 {
        store
            .connection()
            .query_row(&format!("PRAGMA wal_checkpoint({mode})"), [], |r| r.get(1))
            .unwrap()
    };
    checkpoint(store, "TRUNCATE");
    store
        .connection()
        .pragma_update(None, "wal_autocheckpoint", 0)
        .unwrap();
    for _ in 0..ops {
        op(store);
    }
    let frames = checkpoint(store, "PASSIVE");
    store
        .connection()
        .pragma_update(None, "wal_autocheckpoint", auto)
        .unwrap();
    checkpoint(store, "TRUNCATE");
    frames as f64 / ops as f64
}

/// Where a draft save's time goes: reading the stored record, and the save without fsync.
/// `synchronous` is back to FULL afterwards.
fn measure_breakdown(
    store: &mut Store,
    autosave: &mut Autosave,
    samples: usize,
) -> (Stats, Stats, f64, f64) {
    let mut reads = Vec::with_capacity(samples);
    for _ in 0..samples {
        let t = Instant::now();
        std::hint::black_box(store.get_record(autosave.draft.id).unwrap());
        reads.push(t.elapsed());
    }
    store
        .connection()
        .pragma_update(None, "synchronous", "OFF")
        .unwrap();
    let unsynced: Vec<Duration> = (0..samples).map(|_| autosave.save(store)).collect();
    store
        .connection()
        .pragma_update(None, "synchronous", "FULL")
        .unwrap();
    assert_eq!(pragma(store, "synchronous"), "2");
    let save_frames = wal_frames_per_op(store, 100, |s| {
        autosave.save(s);
    });
    let bare_frames = wal_frames_per_op(store, 100, |s| {
        bare_commit(s, -1);
    });
    (stats(&reads), stats(&unsynced), save_frames, bare_frames)
}

fn measure_list(store: &Store, query: &RecordQuery, samples: usize) -> (Stats, usize) {
    let mut rows = 0;
    for _ in 0..5 {
        rows = store.list_records(query).unwrap().len();
    }
    let mut times = Vec::with_capacity(samples);
    for _ in 0..samples {
        let t = Instant::now();
        let got = store.list_records(query).unwrap();
        times.push(t.elapsed());
        std::hint::black_box(got);
    }
    (stats(&times), rows)
}

/// How many records a full-text query matches in all (not only the page).
fn fts_matches(store: &Store, text: &str) -> i64 {
    store
        .connection()
        .query_row(
            "SELECT count(*) FROM records_fts WHERE records_fts MATCH ?1",
            [fts_query(text).unwrap()],
            |r| r.get(0),
        )
        .unwrap()
}

/// `EXPLAIN QUERY PLAN` of exactly the SQL `list_records` runs for `query`.
fn query_plan(store: &Store, query: &RecordQuery) -> Vec<String> {
    let (sql, args) = store.list_statement(query).unwrap();
    let conn = store.connection();
    let mut stmt = conn.prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
    let rows = stmt
        .query_map(rusqlite::params_from_iter(args), |r| r.get::<_, String>(3))
        .unwrap();
    rows.map(Result::unwrap).collect()
}

fn pragma(store: &Store, name: &str) -> String {
    store
        .connection()
        .query_row(&format!("PRAGMA {name}"), [], |r| r.get::<_, SqlValue>(0))
        .map(|v| match v {
            SqlValue::Integer(i) => i.to_string(),
            SqlValue::Text(t) => t,
            other => format!("{other:?}"),
        })
        .unwrap()
}

fn file_mib(path: &std::path::Path) -> f64 {
    std::fs::metadata(path).map_or(0.0, |m| m.len() as f64 / (1024.0 * 1024.0))
}

/// `SAMTALENOTAT_BENCH_FILL=FOLDER`: only make an app data folder whose database holds the
/// generated records, every signed artifact marked as on the share (a real PC's old notes
/// are; otherwise the app's sync worker would spend the measurement publishing them), and
/// stop. bench/list-draw.sh opens the real app on it.
fn fill_only(folder: &std::path::Path, count: usize) {
    std::fs::create_dir_all(folder).unwrap();
    let path = folder.join(samtalenotat_core::store::DATABASE_FILE_NAME);
    assert!(!path.exists(), "{} exists already", path.display());
    let mut store = Store::open(&path).unwrap();
    let population = populate(&mut store, count);
    let confirmed = store
        .connection()
        .execute(
            "UPDATE outbox SET state = 'confirmed', share_path = name,
                 confirmed_at = enqueued_at",
            [],
        )
        .unwrap();
    store
        .connection()
        .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    println!(
        "filled {} with {} records ({} finished, {confirmed} artifacts marked on the share) \
         in {:.1} s; file {:.0} MiB",
        path.display(),
        population.records,
        population.finished,
        population.took.as_secs_f64(),
        file_mib(&path)
    );
}

fn main() {
    // `cargo bench` passes `--bench`. Without it (`cargo test --benches`) this is only a smoke
    // run on a small file that proves the benchmark still works, not a measurement.
    let smoke = !std::env::args().any(|a| a == "--bench");
    let count = env_usize("SAMTALENOTAT_BENCH_RECORDS")
        .unwrap_or(if smoke { 2_000 } else { 100_000 })
        .max(1);
    if let Some(folder) = std::env::var_os("SAMTALENOTAT_BENCH_FILL") {
        fill_only(std::path::Path::new(&folder), count);
        return;
    }
    let quick = env_flag("SAMTALENOTAT_BENCH_QUICK");
    let (save_samples, list_samples) = match (smoke, quick) {
        (true, _) => (20, 5),
        (false, true) => (300, 50),
        (false, false) => (1000, 200),
    };

    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("bench.sqlite3");
    let mut store = Store::open(&path).unwrap();
    println!("# Samtalenotat store benchmark");
    if smoke {
        println!("(smoke run without --bench: not a measurement)");
    }
    println!();
    let cpus = std::thread::available_parallelism().map_or(0, |n| n.get());
    println!(
        "machine: {cpus} CPU(s), SQLite {}, database {}",
        rusqlite::version(),
        path.display()
    );
    println!("populating {count} records (synchronous=OFF during population only) ...");

    let population = populate(&mut store, count);
    println!(
        "populated {} records ({} finished, {} extra draft saves, {} could not be finished) \
         in {:.1} s; file {:.0} MiB",
        population.records,
        population.finished,
        population.updates,
        population.finish_failures,
        population.took.as_secs_f64(),
        file_mib(&path)
    );

    let sync = pragma(&store, "synchronous");
    let journal = pragma(&store, "journal_mode");
    assert_eq!(sync, "2", "synchronous must be FULL (2) while measuring");
    assert_eq!(journal, "wal");
    println!("measuring with journal_mode={journal}, synchronous={sync} (FULL)");

    let mut table: Vec<Row> = Vec::new();

    let mut autosave = Autosave::new(population.draft.clone(), population.newest + Span::hours(1));
    let (saves, bares) = measure_saves(&mut store, &mut autosave, save_samples);
    let save = stats(&saves);
    let bare = stats(&bares);
    let ratio50 = save.p50 / bare.p50;
    let ratio99 = save.p99 / bare.p99;
    table.push(Row {
        name: "draft save (`update_draft`, one field)".into(),
        rows: None,
        stats: save,
        goal: format!("≤ {GOAL_SAVE_RATIO}× bare commit"),
        met: Some(ratio50 <= GOAL_SAVE_RATIO && ratio99 <= GOAL_SAVE_RATIO),
    });
    table.push(Row {
        name: "bare FULL commit (1-row insert)".into(),
        rows: None,
        stats: bare,
        goal: "reference".into(),
        met: None,
    });

    let (reads, unsynced, save_frames, bare_frames) =
        measure_breakdown(&mut store, &mut autosave, save_samples.min(300));
    table.push(Row {
        name: "of which: `get_record` (read + JSON parse)".into(),
        rows: None,
        stats: reads,
        goal: "diagnostic".into(),
        met: None,
    });
    table.push(Row {
        name: "draft save with synchronous=OFF (no fsync)".into(),
        rows: None,
        stats: unsynced,
        goal: "diagnostic".into(),
        met: None,
    });

    let page = RecordQuery {
        limit: 50,
        ..RecordQuery::default()
    };
    let day = |y, m, d| NaiveDate::from_ymd_opt(y, m, d).unwrap();
    let text = |t: &str| RecordQuery {
        text: Some(t.into()),
        ..page.clone()
    };
    let mid_unit = "Tandplejen";
    let cases: Vec<(String, RecordQuery, Option<i64>)> = vec![
        ("list page (newest first)".into(), page.clone(), None),
        (
            format!("search rare: \"{RARE_SURNAME}\""),
            text(RARE_SURNAME),
            Some(fts_matches(&store, RARE_SURNAME)),
        ),
        (
            format!("search mid: \"{mid_unit}\""),
            text(mid_unit),
            Some(fts_matches(&store, mid_unit)),
        ),
        (
            "search common: \"om\" (every subject)".into(),
            text("om"),
            Some(fts_matches(&store, "om")),
        ),
        (
            "search 1-letter prefix: \"s\"".into(),
            text("s"),
            Some(fts_matches(&store, "s")),
        ),
        (
            format!("filter unit = {mid_unit}"),
            RecordQuery {
                unit: Some(mid_unit.into()),
                ..page.clone()
            },
            None,
        ),
        (
            "filter state = draft".into(),
            RecordQuery {
                state: Some(RecordState::Draft),
                ..page.clone()
            },
            None,
        ),
        (
            "filter state = finished".into(),
            RecordQuery {
                state: Some(RecordState::Finished),
                ..page.clone()
            },
            None,
        ),
        (
            "filter dates: last month".into(),
            RecordQuery {
                from: Some(day(2026, 11, 1)),
                to: Some(day(2026, 11, 30)),
                ..page.clone()
            },
            None,
        ),
        (
            "filter dates: a month a year ago".into(),
            RecordQuery {
                from: Some(day(2025, 11, 1)),
                to: Some(day(2025, 11, 30)),
                ..page.clone()
            },
            None,
        ),
        (
            "filter dates: a month 2 years ago".into(),
            RecordQuery {
                from: Some(day(2024, 12, 1)),
                to: Some(day(2024, 12, 31)),
                ..page.clone()
            },
            None,
        ),
        (
            "search mid + unit + last year".into(),
            RecordQuery {
                text: Some("boligstøtte".into()),
                unit: Some("Borgerservice".into()),
                from: Some(day(2025, 12, 1)),
                to: Some(day(2026, 11, 30)),
                ..page.clone()
            },
            Some(fts_matches(&store, "boligstøtte")),
        ),
    ];
    let mut slow = Vec::new();
    for (name, query, matches) in cases {
        let (s, rows) = measure_list(&store, &query, list_samples);
        let met = s.p95 <= GOAL_LIST_MS;
        if !met {
            slow.push((name.clone(), query.clone()));
        }
        let name = match matches {
            Some(m) => format!("{name} ({m} matches)"),
            None => name,
        };
        table.push(Row {
            name,
            rows: Some(rows),
            stats: s,
            goal: format!("p95 ≤ {GOAL_LIST_MS} ms"),
            met: Some(met),
        });
    }

    println!();
    println!(
        "| operation | rows | n | p50 ms | p95 ms | p99 ms | max ms | goal | met |\n\
         |---|---:|---:|---:|---:|---:|---:|---|---|"
    );
    for row in &table {
        let s = &row.stats;
        println!(
            "| {} | {} | {} | {:.2} | {:.2} | {:.2} | {:.2} | {} | {} |",
            row.name,
            row.rows.map_or("–".into(), |r| r.to_string()),
            s.n,
            s.p50,
            s.p95,
            s.p99,
            s.max,
            row.goal,
            match row.met {
                Some(true) => "yes",
                Some(false) => "**no**",
                None => "–",
            }
        );
    }
    println!();
    println!(
        "draft save / bare commit: {ratio50:.2}× at p50, {ratio99:.2}× at p99 (goal ≤ {GOAL_SAVE_RATIO}×)"
    );
    println!(
        "WAL pages appended per commit: draft save {save_frames:.1}, bare commit {bare_frames:.1}"
    );
    println!(
        "records: {} ({} finished); CPUs: {cpus}; SQLite {}; file after run {:.0} MiB",
        population.records,
        population.finished,
        rusqlite::version(),
        file_mib(&path)
    );

    println!();
    println!("query plans (SQL mirrored from list_records):");
    let mut explain = vec![("list page".to_string(), page.clone())];
    explain.extend(slow);
    explain.push(("search mid".into(), text(mid_unit)));
    for (name, query) in explain {
        println!("- {name}:");
        for line in query_plan(&store, &query) {
            println!("    {line}");
        }
    }

    drop(store);
    if env_flag("SAMTALENOTAT_BENCH_KEEP") {
        let kept = dir.keep();
        println!("kept the database in {}", kept.display());
    }
}
