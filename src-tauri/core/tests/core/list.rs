//! The start screen's list through the application layer (issue 12, point 4): the filters
//! "Kladder", "Ikke sendt" and "Ikke journaliseret" on real signed notes, a real sync to a
//! folder share with a planted conflict, filings signed with the staff key, and paging.

use chrono::{DateTime, Duration, Utc};
use samtalenotat_core::app::{App, ErrorCode, ListQuery};
use samtalenotat_core::store::records::{ListFilter, RecordSummary};
use samtalenotat_core::sync::layout::target_path;
use zeroize::Zeroizing;

use crate::harness::{
    app_with_key, draft_in_app, record_fixture, signed_in_app, TestClock, TestDir, PASSPHRASE,
};

const FIXTURE: &str = "citizen-asked-first-allowed.json";

/// One record of each kind the filters tell apart, in one app.
struct Listed {
    app: App,
    draft: String,
    /// Signed after the sync: waiting to be sent, not filed.
    pending: String,
    /// On the share and filed.
    done: String,
    /// On the share, not filed.
    unfiled: String,
    /// Held back by a foreign file on the share, not filed.
    conflict: String,
    conflict_file: String,
}

fn signed(app: &App, clock: &TestClock, at: DateTime<Utc>) -> String {
    signed_in_app(app, clock, record_fixture(FIXTURE), at).to_string()
}

fn listed(dir: &TestDir) -> Listed {
    let base = record_fixture(FIXTURE).created_at + Duration::hours(2);
    let (app, clock) = app_with_key(dir.path(), base);
    let share = dir.join("share");
    std::fs::create_dir_all(&share).unwrap();
    app.save_settings(serde_json::json!({
        "staff": { "name": "Mette Sørensen", "initials": "MESO" },
        "units": [], "rooms": [], "language": "da",
        "share_dir": share.display().to_string()
    }))
    .unwrap();

    let done = signed(&app, &clock, base);
    let unfiled = signed(&app, &clock, base + Duration::minutes(1));
    let conflict = signed(&app, &clock, base + Duration::minutes(2));
    clock.set(base + Duration::minutes(30));
    app.mark_filed(
        &done,
        &(base + Duration::minutes(10)).to_rfc3339(),
        "",
        Zeroizing::new(PASSPHRASE.to_owned()),
    )
    .unwrap();
    // Someone else's file under the name the note's PDF must take: never overwritten.
    let in_the_way = target_path(&conflict, "note.pdf", None).unwrap();
    let planted = in_the_way.under(&share);
    std::fs::create_dir_all(planted.parent().unwrap()).unwrap();
    std::fs::write(&planted, b"not ours").unwrap();
    let report = app.sync_once(true, None, &mut |_| {}).unwrap();
    assert!(report.conflicts > 0 && report.error.is_none(), "{report:?}");

    let pending = signed(&app, &clock, base + Duration::minutes(40));
    let draft = draft_in_app(
        &app,
        &clock,
        record_fixture(FIXTURE),
        base + Duration::minutes(50),
    )
    .to_string();
    Listed {
        app,
        draft,
        pending,
        done,
        unfiled,
        conflict,
        conflict_file: in_the_way.as_str().to_owned(),
    }
}

fn list(app: &App, filter: Option<ListFilter>) -> Vec<RecordSummary> {
    app.list_records(ListQuery {
        filter,
        limit: 50,
        ..ListQuery::default()
    })
    .unwrap()
}

fn ids(rows: &[RecordSummary]) -> Vec<&str> {
    rows.iter().map(|r| r.id.as_str()).collect()
}

#[test]
fn each_filter_lists_exactly_its_records_newest_first() {
    let dir = TestDir::new();
    let l = listed(&dir);
    // Newest change first. The draft was last saved at the fixture's creation time, before
    // any signing; a filing is a table of its own, so `done` keeps its signing time.
    let every = [&l.pending, &l.conflict, &l.unfiled, &l.done, &l.draft];

    assert_eq!(ids(&list(&l.app, None)), every);
    assert_eq!(ids(&list(&l.app, Some(ListFilter::All))), every);
    assert_eq!(ids(&list(&l.app, Some(ListFilter::Drafts))), [&l.draft]);
    assert_eq!(
        ids(&list(&l.app, Some(ListFilter::NotSent))),
        [&l.pending, &l.conflict]
    );
    assert_eq!(
        ids(&list(&l.app, Some(ListFilter::NotFiled))),
        [&l.pending, &l.conflict, &l.unfiled]
    );

    // The columns agree with the filters.
    let rows = list(&l.app, None);
    let row = |id: &str| rows.iter().find(|r| r.id == id).unwrap();
    assert_eq!(row(&l.draft).sync_state, None);
    assert_eq!(row(&l.pending).sync_state.as_deref(), Some("pending"));
    assert_eq!(row(&l.conflict).sync_state.as_deref(), Some("conflict"));
    assert_eq!(row(&l.unfiled).sync_state.as_deref(), Some("on_share"));
    assert_eq!(row(&l.done).sync_state.as_deref(), Some("on_share"));
    assert!(row(&l.done).filed_at.is_some());
    assert!(row(&l.unfiled).filed_at.is_none());

    // A filter combines with the search and pages with the offset (one fixture for both:
    // each signing unlocks the key).
    let page = |offset| {
        l.app
            .list_records(ListQuery {
                filter: Some(ListFilter::NotFiled),
                text: Some("Boligstøtte".into()),
                limit: 2,
                offset: Some(offset),
                ..ListQuery::default()
            })
            .unwrap()
    };
    assert_eq!(ids(&page(0)), [&l.pending, &l.conflict]);
    assert_eq!(ids(&page(2)), [&l.unfiled]);
    assert!(page(3).is_empty());
    let none = l
        .app
        .list_records(ListQuery {
            filter: Some(ListFilter::Drafts),
            text: Some("bådplads".into()),
            limit: 50,
            ..ListQuery::default()
        })
        .unwrap();
    assert!(none.is_empty());

    // The command line lists by the same filters.
    let owned = |v: &[&String]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
    assert_eq!(cli_ids(&dir, "drafts").unwrap(), owned(&[&l.draft]));
    assert_eq!(
        cli_ids(&dir, "not-sent").unwrap(),
        owned(&[&l.pending, &l.conflict])
    );
    assert_eq!(
        cli_ids(&dir, "not-filed").unwrap(),
        owned(&[&l.pending, &l.conflict, &l.unfiled])
    );
    assert_eq!(cli_ids(&dir, "all").unwrap(), owned(&every));
    assert_eq!(cli_ids(&dir, "sent"), Err(Some(2)));
}

#[test]
fn a_conflict_row_names_the_file_in_the_way_and_only_that_row_does() {
    let dir = TestDir::new();
    let l = listed(&dir);
    for row in list(&l.app, None) {
        if row.id == l.conflict {
            assert_eq!(row.conflict_files, [l.conflict_file.as_str()]);
            assert!(
                row.conflict_files[0].starts_with("samtalenotat/v1/notes/")
                    && row.conflict_files[0].ends_with("/note.pdf"),
                "relative to the share: {:?}",
                row.conflict_files
            );
        } else {
            assert!(row.conflict_files.is_empty(), "{row:?}");
        }
    }

    // What the row tells the user: move the file away, then sync. The note is then sent
    // (with the one waiting) and leaves "Ikke sendt".
    let share = dir.join("share");
    std::fs::remove_file(share.join(&l.conflict_file)).unwrap();
    let report = l.app.sync_once(true, None, &mut |_| {}).unwrap();
    assert_eq!(report.conflicts, 0, "{report:?}");
    assert!(list(&l.app, Some(ListFilter::NotSent)).is_empty());
    let after = list(&l.app, None);
    let row = after.iter().find(|r| r.id == l.conflict).unwrap();
    assert_eq!(row.sync_state.as_deref(), Some("on_share"));
    assert!(row.conflict_files.is_empty());
}

#[test]
fn an_unknown_filter_is_refused_by_field() {
    let dir = TestDir::new();
    let (app, _) = app_with_key(dir.path(), record_fixture(FIXTURE).created_at);
    let query: Result<ListQuery, _> = samtalenotat_core::app::input::from_json_value(
        serde_json::json!({ "limit": 10, "filter": "archived" }),
    );
    let err = query.unwrap_err();
    assert_eq!(
        (err.code, err.field.as_deref()),
        (ErrorCode::InvalidInput, Some("filter"))
    );
    // The wire names the window sends.
    for (name, filter) in [
        ("all", ListFilter::All),
        ("drafts", ListFilter::Drafts),
        ("not_sent", ListFilter::NotSent),
        ("not_filed", ListFilter::NotFiled),
    ] {
        let query: ListQuery = samtalenotat_core::app::input::from_json_value(
            serde_json::json!({ "limit": 10, "filter": name }),
        )
        .unwrap();
        assert_eq!(query.filter, Some(filter));
        assert!(app.list_records(query).unwrap().is_empty());
    }
}

/// The ids `samtalenotat-cli list --filter FILTER` prints for the app's database in `dir`.
fn cli_ids(dir: &TestDir, filter: &str) -> Result<Vec<String>, Option<i32>> {
    let out = dir
        .cli()
        .args(["list", "--db"])
        .arg(
            dir.join("data")
                .join(samtalenotat_core::store::DATABASE_FILE_NAME),
        )
        .args(["--filter", filter])
        .output()
        .unwrap();
    if !out.status.success() {
        return Err(out.status.code());
    }
    Ok(String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|line| line.split('\t').next().unwrap().to_owned())
        .collect())
}
