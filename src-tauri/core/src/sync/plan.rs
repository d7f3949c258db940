//! The pure half of sync: from the outbox, what the share holds and the time, decide what to
//! do. No I/O and no clock, so every rule is tested here on its own, including by property
//! tests (`tests` below).
//!
//! Rules the plan keeps:
//! - **Never overwrite.** A name that is taken is only ever read (`Verify`) or reported
//!   (`Conflict`); `Publish` is planned only for names the listing shows free, and the apply step
//!   publishes create-only, so a stale listing cannot make it overwrite either.
//! - **One write per name.** Artifacts that go to the same file (every note signed with one key
//!   shares `keys/<KEYID>.pub`) are served by one operation.
//! - **The completion marker last.** `note.json.minisig` is planned after every other artifact
//!   of its note, requires them (the apply step skips it if one of them failed), and is not
//!   planned at all while a sibling waits, conflicts or is invalid: a folder with the marker is
//!   complete.
//! - **Replays are no-ops.** What is already there with our size is verified by reading, never
//!   written again; only our own temporary files (by their pattern, once older than a grace
//!   period, so another device's publish in progress is left alone) are ever removed.
//! - **Deterministic.** The same inputs in any order give the same plan.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Duration, Utc};

use super::layout::{is_temp_name, LayoutError, RelPath, COMPLETION_MARKER};
use crate::store::outbox::{ItemKey, ItemState, OutboxItem};

/// One outbox item as the planner sees it: the row and where it goes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Candidate {
    pub key: ItemKey,
    pub sha256: String,
    pub size: u64,
    pub state: ItemState,
    pub next_attempt_at: Option<DateTime<Utc>>,
    pub target: Result<RelPath, LayoutError>,
}

impl Candidate {
    pub fn new(item: &OutboxItem, target: Result<RelPath, LayoutError>) -> Candidate {
        Candidate {
            key: item.key.clone(),
            sha256: item.sha256.clone(),
            size: item.size,
            state: item.state,
            next_attempt_at: item.next_attempt_at,
            target,
        }
    }
}

/// A directory entry on the share.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct FileEntry {
    /// `None` for anything that is not a regular file (a folder under a file's name).
    pub size: Option<u64>,
    pub modified: Option<DateTime<Utc>>,
}

/// What the share holds in the folders the plan is about.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ShareListing {
    /// Per folder: `None` when the folder does not exist, else its entries by name. A folder
    /// absent from the map was not looked at.
    pub folders: BTreeMap<RelPath, Option<BTreeMap<String, FileEntry>>>,
}

/// What is under a name, as far as the listing knows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Presence {
    Absent,
    Present { size: Option<u64> },
}

impl ShareListing {
    /// Looks a path up. Names are compared without regard to ASCII case as well, because SMB
    /// and Windows shares are case-insensitive: `NOTE.PDF` there occupies `note.pdf`.
    fn presence(&self, path: &RelPath) -> Presence {
        let Some(folder) = path.parent() else {
            return Presence::Absent;
        };
        let name = path.file_name();
        match self.folders.get(&folder) {
            None | Some(None) => Presence::Absent,
            Some(Some(entries)) => entries
                .get(name)
                .or_else(|| {
                    entries
                        .iter()
                        .find(|(n, _)| n.eq_ignore_ascii_case(name))
                        .map(|(_, e)| e)
                })
                .map_or(Presence::Absent, |e| Presence::Present { size: e.size }),
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct PlanOptions {
    /// Ignore the backoff: on-demand sync tries everything now.
    pub force: bool,
    /// Temporary files younger than this may belong to another device's publish in progress.
    pub temp_grace: Duration,
}

impl Default for PlanOptions {
    fn default() -> Self {
        PlanOptions {
            force: false,
            temp_grace: Duration::minutes(10),
        }
    }
}

/// One step of the plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Op {
    /// Remove one of our own stray temporary files (a crashed publish).
    RemoveTemp { path: RelPath },
    /// Write `source`'s bytes create-only under `target`, read back, compare.
    Publish(Placement),
    /// `target` exists with our size: read it back and compare (a replay, or another device
    /// published the same bytes). If it has vanished meanwhile, publish create-only.
    Verify(Placement),
    /// `target` holds something else (size differs or not a file).
    Conflict {
        target: RelPath,
        items: Vec<ItemKey>,
        found_size: Option<u64>,
    },
    /// These artifacts cannot be placed at all.
    Reject { items: Vec<ItemKey>, reason: String },
}

/// The details of a `Publish` or `Verify`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    pub target: RelPath,
    /// Whose bytes to write (the first of `items`).
    pub source: ItemKey,
    pub sha256: String,
    pub size: u64,
    /// Every outbox item this file satisfies.
    pub items: Vec<ItemKey>,
    /// Targets that must have succeeded earlier in this run (the marker's siblings).
    pub requires: Vec<RelPath>,
}

impl Op {
    /// The outbox items this operation settles.
    pub fn items(&self) -> &[ItemKey] {
        match self {
            Op::RemoveTemp { .. } => &[],
            Op::Publish(p) | Op::Verify(p) => &p.items,
            Op::Conflict { items, .. } | Op::Reject { items, .. } => items,
        }
    }

    /// The share path this operation is about.
    pub fn path(&self) -> Option<&RelPath> {
        match self {
            Op::RemoveTemp { path } => Some(path),
            Op::Publish(p) | Op::Verify(p) => Some(&p.target),
            Op::Conflict { target, .. } => Some(target),
            Op::Reject { .. } => None,
        }
    }
}

/// Why an item got no operation this time.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Deferred {
    /// In backoff after a failure.
    NotDue,
    /// A completion marker whose note is not fully placeable yet.
    WaitingForSiblings,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Plan {
    pub ops: Vec<Op>,
    pub deferred: Vec<(ItemKey, Deferred)>,
    /// Folders holding temp files of ours too young to remove now: list them again later.
    pub watch: BTreeSet<RelPath>,
}

impl Plan {
    /// Operations that write to or remove from the share.
    pub fn writes(&self) -> impl Iterator<Item = &Op> {
        self.ops
            .iter()
            .filter(|op| matches!(op, Op::Publish(_) | Op::RemoveTemp { .. }))
    }
}

/// The folders a plan for these candidates needs listed: every target's parent.
pub fn folders_to_list(candidates: &[Candidate]) -> BTreeSet<RelPath> {
    candidates
        .iter()
        .filter_map(|c| c.target.as_ref().ok().and_then(RelPath::parent))
        .collect()
}

fn is_marker(key: &ItemKey) -> bool {
    key.name == COMPLETION_MARKER
}

/// Decides what to do. Confirmed candidates are ignored (they are done).
pub fn plan(
    candidates: &[Candidate],
    listing: &ShareListing,
    now: DateTime<Utc>,
    options: PlanOptions,
) -> Plan {
    let mut sorted: Vec<&Candidate> = candidates
        .iter()
        .filter(|c| c.state != ItemState::Confirmed)
        .collect();
    sorted.sort_by(|a, b| a.key.cmp(&b.key).then_with(|| a.sha256.cmp(&b.sha256)));
    sorted.dedup_by(|a, b| a.key == b.key);

    let mut plan = Plan::default();
    let due = |c: &Candidate| options.force || c.next_attempt_at.is_none_or(|t| t <= now);

    // Group due, placeable candidates by (target, sha256); reject the unplaceable.
    let mut rejects: Vec<(ItemKey, String)> = Vec::new();
    let mut groups: BTreeMap<RelPath, BTreeMap<String, Vec<&Candidate>>> = BTreeMap::new();
    for c in &sorted {
        if !due(c) {
            plan.deferred.push((c.key.clone(), Deferred::NotDue));
            continue;
        }
        match &c.target {
            Err(e) => rejects.push((c.key.clone(), e.to_string())),
            Ok(target) => groups
                .entry(target.clone())
                .or_default()
                .entry(c.sha256.clone())
                .or_default()
                .push(c),
        }
    }

    // One operation per (target, bytes); the first bytes (by sha) own a free name.
    struct Planned {
        op: Op,
        marker_of: Option<String>,
    }
    let mut planned: Vec<Planned> = Vec::new();
    // note id → targets of its placed (Publish/Verify) non-marker items; and notes with a
    // sibling that cannot be placed this time.
    let mut placed: BTreeMap<&str, Vec<RelPath>> = BTreeMap::new();
    let mut blocked: BTreeSet<&str> = BTreeSet::new();
    for (key, _) in &rejects {
        blocked.insert(
            sorted
                .iter()
                .find(|c| &c.key == key)
                .unwrap()
                .key
                .note_id
                .as_str(),
        );
    }
    for (key, reason) in rejects {
        planned.push(Planned {
            op: Op::Reject {
                items: vec![key],
                reason,
            },
            marker_of: None,
        });
    }
    for c in &sorted {
        if !due(c) {
            blocked.insert(c.key.note_id.as_str());
        }
    }
    for (target, by_sha) in &groups {
        let presence = listing.presence(target);
        for (i, (sha, members)) in by_sha.iter().enumerate() {
            let items: Vec<ItemKey> = members.iter().map(|c| c.key.clone()).collect();
            let first = members[0];
            let marker_of = members
                .iter()
                .find(|c| is_marker(&c.key))
                .map(|c| c.key.note_id.clone());
            let placement = Placement {
                target: target.clone(),
                source: first.key.clone(),
                sha256: sha.clone(),
                size: first.size,
                items,
                requires: Vec::new(),
            };
            let op = match presence {
                Presence::Absent if i == 0 => Op::Publish(placement),
                // A second set of bytes for the same name: only ever compared, so it ends as
                // a conflict (or, should the name be free by then, is published create-only).
                Presence::Absent => Op::Verify(placement),
                Presence::Present { size } if size == Some(first.size) => Op::Verify(placement),
                Presence::Present { size } => Op::Conflict {
                    target: target.clone(),
                    items: placement.items,
                    found_size: size,
                },
            };
            let placeable = matches!(op, Op::Publish(_) | Op::Verify(_));
            for c in members.iter().filter(|c| !is_marker(&c.key)) {
                if placeable {
                    placed
                        .entry(c.key.note_id.as_str())
                        .or_default()
                        .push(target.clone());
                } else {
                    blocked.insert(c.key.note_id.as_str());
                }
            }
            planned.push(Planned { op, marker_of });
        }
    }

    // Markers: only when every sibling is placed in this same plan, and then requiring them.
    let mut kept: Vec<Planned> = Vec::with_capacity(planned.len());
    for mut p in planned {
        if let Some(note) = &p.marker_of {
            if blocked.contains(note.as_str()) {
                for item in p.op.items() {
                    plan.deferred
                        .push((item.clone(), Deferred::WaitingForSiblings));
                }
                continue;
            }
            if let Op::Publish(pl) | Op::Verify(pl) = &mut p.op {
                let mut req = placed.get(note.as_str()).cloned().unwrap_or_default();
                req.sort();
                req.dedup();
                pl.requires = req;
            }
        }
        kept.push(p);
    }

    // Our own stale temporary files in the folders listed (those we work in, and those
    // watched since young temp files were seen there); young ones are watched.
    for (folder, entries) in &listing.folders {
        for (name, entry) in entries.iter().flatten() {
            if !is_temp_name(name) {
                continue;
            }
            let old = entry
                .modified
                .is_some_and(|m| m + options.temp_grace <= now);
            match folder.join(name) {
                Some(path) if old => plan.ops.push(Op::RemoveTemp { path }),
                _ => {
                    plan.watch.insert(folder.clone());
                }
            }
        }
    }

    // Order: rejects, keys (and anything outside note folders), then note folder by folder,
    // each with its marker last.
    let order = |p: &Planned| {
        let path = p.op.path().cloned();
        let in_notes = path
            .as_ref()
            .is_some_and(|t| t.as_str().contains("/notes/"));
        let phase = match (&p.op, in_notes) {
            (Op::Reject { .. }, _) => 0,
            (_, false) => 1,
            (_, true) => 2,
        };
        (
            phase,
            path.as_ref().and_then(RelPath::parent),
            p.marker_of.is_some(),
            path,
        )
    };
    kept.sort_by_key(|p| order(p));
    plan.ops.extend(kept.into_iter().map(|p| p.op));
    plan.deferred.sort();
    plan
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sync::layout::{target_path, SIGNER_KEY};
    use proptest::prelude::*;
    use std::collections::BTreeMap;

    fn t(s: i64) -> DateTime<Utc> {
        DateTime::from_timestamp(1_780_000_000 + s, 0).unwrap()
    }

    fn note_id(n: u64) -> String {
        ulid::Ulid::from_parts(1_769_902_200_000 + n * 86_400_000, u128::from(n)).to_string()
    }

    const KEY_PATH: &str = "samtalenotat/v1/keys/0807060504030201.pub";

    /// A candidate; for `signer.pub` the key path is given directly.
    fn cand(note: u64, name: &str, content: &str) -> Candidate {
        let id = note_id(note);
        let target = if name == SIGNER_KEY {
            Ok(RelPath::from_components(&KEY_PATH.split('/').collect::<Vec<_>>()).unwrap())
        } else {
            target_path(&id, name, None)
        };
        Candidate {
            key: ItemKey::new(id, name),
            sha256: format!("{:0>64}", content),
            size: content.len() as u64,
            state: ItemState::Pending,
            next_attempt_at: None,
            target,
        }
    }

    fn full_note(note: u64) -> Vec<Candidate> {
        vec![
            cand(note, "note.json", "json"),
            cand(note, "note.pdf", "pdfpdf"),
            cand(note, "note.pdf.minisig", "sigpdf"),
            cand(note, COMPLETION_MARKER, "sigjson"),
            cand(note, SIGNER_KEY, "key"),
        ]
    }

    fn listing_of(
        files: &BTreeMap<RelPath, (u64, String)>,
        folders: &BTreeSet<RelPath>,
    ) -> ShareListing {
        let mut l = ShareListing::default();
        for f in folders {
            let entries: BTreeMap<String, FileEntry> = files
                .iter()
                .filter(|(p, _)| p.parent().as_ref() == Some(f))
                .map(|(p, (size, _))| {
                    (
                        p.file_name().to_owned(),
                        FileEntry {
                            size: Some(*size),
                            modified: Some(t(-100_000)),
                        },
                    )
                })
                .collect();
            l.folders
                .insert(f.clone(), (!entries.is_empty()).then_some(entries));
        }
        l
    }

    #[test]
    fn empty_share_publishes_everything_key_first_marker_last() {
        let c = full_note(1);
        let p = plan(&c, &ShareListing::default(), t(0), PlanOptions::default());
        let targets: Vec<String> = p
            .ops
            .iter()
            .map(|op| op.path().unwrap().file_name().to_owned())
            .collect();
        assert_eq!(
            targets,
            [
                "0807060504030201.pub",
                "note.json",
                "note.pdf",
                "note.pdf.minisig",
                "note.json.minisig"
            ]
        );
        assert!(p.ops.iter().all(|op| matches!(op, Op::Publish(_))));
        let Op::Publish(marker) = &p.ops[4] else {
            panic!()
        };
        assert_eq!(marker.requires.len(), 4, "{:?}", marker.requires);
    }

    #[test]
    fn shared_key_is_one_operation_for_many_notes() {
        let mut c = full_note(1);
        c.extend(full_note(2));
        let p = plan(&c, &ShareListing::default(), t(0), PlanOptions::default());
        let keys: Vec<&Op> = p
            .ops
            .iter()
            .filter(|op| op.path().unwrap().as_str() == KEY_PATH)
            .collect();
        assert_eq!(keys.len(), 1);
        assert_eq!(keys[0].items().len(), 2);
    }

    #[test]
    fn taken_names_are_verified_or_conflicts_never_published() {
        let c = full_note(1);
        let mut files = BTreeMap::new();
        let json = c[0].target.clone().unwrap();
        let pdf = c[1].target.clone().unwrap();
        files.insert(json.clone(), (4, "same".to_string()));
        files.insert(pdf.clone(), (999, "other".to_string()));
        let listing = listing_of(&files, &folders_to_list(&c));
        let p = plan(&c, &listing, t(0), PlanOptions::default());
        assert!(p
            .ops
            .iter()
            .any(|op| matches!(op, Op::Verify(pl) if pl.target == json)));
        assert!(p.ops.iter().any(
            |op| matches!(op, Op::Conflict { target, found_size: Some(999), .. } if *target == pdf)
        ));
        // The PDF conflicts, so the note cannot be completed: no marker.
        assert!(p
            .deferred
            .contains(&(c[3].key.clone(), Deferred::WaitingForSiblings)));
        assert!(!p.ops.iter().any(|op| op.items().contains(&c[3].key)));
    }

    #[test]
    fn case_variants_occupy_the_name() {
        let c = vec![cand(1, "note.pdf", "pdfpdf")];
        let folder = c[0].target.as_ref().unwrap().parent().unwrap();
        let mut entries = BTreeMap::new();
        entries.insert(
            "NOTE.PDF".to_string(),
            FileEntry {
                size: Some(1),
                modified: None,
            },
        );
        let mut l = ShareListing::default();
        l.folders.insert(folder, Some(entries));
        let p = plan(&c, &l, t(0), PlanOptions::default());
        assert!(matches!(p.ops[0], Op::Conflict { .. }));
    }

    #[test]
    fn backoff_defers_and_force_overrides_and_blocks_the_marker() {
        let mut c = full_note(1);
        c[1].next_attempt_at = Some(t(60));
        let p = plan(&c, &ShareListing::default(), t(0), PlanOptions::default());
        assert!(p.deferred.contains(&(c[1].key.clone(), Deferred::NotDue)));
        assert!(p
            .deferred
            .contains(&(c[3].key.clone(), Deferred::WaitingForSiblings)));
        let p = plan(&c, &ShareListing::default(), t(60), PlanOptions::default());
        assert!(p.deferred.is_empty());
        let forced = PlanOptions {
            force: true,
            ..PlanOptions::default()
        };
        assert_eq!(
            plan(&c, &ShareListing::default(), t(0), forced).ops.len(),
            5
        );
    }

    #[test]
    fn stale_temp_files_are_removed_fresh_ones_and_others_left() {
        let c = vec![cand(1, "note.pdf", "pdfpdf")];
        let folder = c[0].target.as_ref().unwrap().parent().unwrap();
        let old = crate::sync::layout::temp_name(ulid::Ulid::from_parts(1, 1));
        let fresh = crate::sync::layout::temp_name(ulid::Ulid::from_parts(2, 2));
        let mut entries = BTreeMap::new();
        let e = |m| FileEntry {
            size: Some(3),
            modified: Some(m),
        };
        entries.insert(old.clone(), e(t(-3600)));
        entries.insert(fresh, e(t(-5)));
        entries.insert(".samtalenotat-tmp-foreign".into(), e(t(-3600)));
        entries.insert("readme.txt".into(), e(t(-3600)));
        let mut l = ShareListing::default();
        l.folders.insert(folder.clone(), Some(entries));
        let p = plan(&c, &l, t(0), PlanOptions::default());
        let removed: Vec<&Op> = p
            .ops
            .iter()
            .filter(|op| matches!(op, Op::RemoveTemp { .. }))
            .collect();
        assert_eq!(removed.len(), 1);
        assert_eq!(removed[0].path().unwrap(), &folder.join(&old).unwrap());
        assert!(matches!(p.ops[0], Op::RemoveTemp { .. }), "temps go first");
    }

    #[test]
    fn invalid_artifacts_are_rejected_and_block_their_marker() {
        let mut c = full_note(1);
        c[0].target = Err(LayoutError::Name("x".into()));
        let p = plan(&c, &ShareListing::default(), t(0), PlanOptions::default());
        assert!(matches!(&p.ops[0], Op::Reject { items, .. } if items == &vec![c[0].key.clone()]));
        assert!(p
            .deferred
            .contains(&(c[3].key.clone(), Deferred::WaitingForSiblings)));
    }

    // ---------------------------------------------------------------- property tests

    /// A random world: notes with random subsets of artifacts and random states, a share with
    /// random files under some of the names (ours, a foreign file, a case variant), random
    /// backoff and random stray temp files.
    #[derive(Debug, Clone)]
    struct World {
        candidates: Vec<Candidate>,
        share: BTreeMap<RelPath, (u64, String)>,
        temps: Vec<(RelPath, i64)>,
        now: i64,
        force: bool,
    }

    fn world() -> impl Strategy<Value = World> {
        let artifact = (0u8..4, 0u8..4, 0u8..3, any::<bool>());
        let note = (prop::collection::vec(artifact, 5), any::<bool>());
        (
            prop::collection::vec(note, 1..6),
            prop::collection::vec((0usize..6, 0i64..2000), 0..4),
            0i64..1000,
            any::<bool>(),
        )
            .prop_map(|(notes, temps, now, force)| {
                let names = [
                    "note.json",
                    "note.pdf",
                    "note.pdf.minisig",
                    COMPLETION_MARKER,
                    SIGNER_KEY,
                ];
                let mut candidates = Vec::new();
                let mut share = BTreeMap::new();
                for (n, (arts, complete)) in notes.iter().enumerate() {
                    for (a, (share_kind, state, backoff, present)) in arts.iter().enumerate() {
                        if !complete && !present {
                            continue;
                        }
                        let content = format!("{}-{n}", names[a]);
                        let content = if a == 4 { "key".to_string() } else { content };
                        let mut c = cand(n as u64, names[a], &content);
                        c.state = match state {
                            0 => ItemState::Pending,
                            1 => ItemState::Published,
                            2 => ItemState::Conflict,
                            _ => ItemState::Confirmed,
                        };
                        c.next_attempt_at = match backoff {
                            0 => None,
                            1 => Some(t(500)),
                            _ => Some(t(-500)),
                        };
                        let target = c.target.clone().unwrap();
                        match share_kind {
                            1 => {
                                share.insert(target, (c.size, c.sha256.clone()));
                            }
                            2 => {
                                share.insert(target, (c.size + 7, "foreign".into()));
                            }
                            // Same size, other bytes: only reading tells.
                            3 => {
                                share.insert(target, (c.size, "foreign-same-size".into()));
                            }
                            _ => {}
                        }
                        if c.state == ItemState::Confirmed {
                            // A confirmed item is on the share with our bytes.
                            share.insert(c.target.clone().unwrap(), (c.size, c.sha256.clone()));
                        }
                        candidates.push(c);
                    }
                }
                let folders: Vec<RelPath> = folders_to_list(&candidates).into_iter().collect();
                let temps = temps
                    .into_iter()
                    .filter(|_| !folders.is_empty())
                    .map(|(i, age)| {
                        let f = &folders[i % folders.len()];
                        let name = crate::sync::layout::temp_name(ulid::Ulid::from_parts(
                            age as u64, i as u128,
                        ));
                        (f.join(&name).unwrap(), age)
                    })
                    .collect();
                World {
                    candidates,
                    share,
                    temps,
                    now,
                    force,
                }
            })
    }

    fn listing(w: &World) -> ShareListing {
        let folders = folders_to_list(&w.candidates);
        let mut l = listing_of(&w.share, &folders);
        for (path, age) in &w.temps {
            let folder = path.parent().unwrap();
            if let Some(entries) = l.folders.get_mut(&folder) {
                entries.get_or_insert_with(BTreeMap::new).insert(
                    path.file_name().to_owned(),
                    FileEntry {
                        size: Some(1),
                        modified: Some(t(w.now - age)),
                    },
                );
            }
        }
        l
    }

    fn options(w: &World) -> PlanOptions {
        PlanOptions {
            force: w.force,
            temp_grace: Duration::seconds(600),
        }
    }

    /// Applies a plan to the model share the way the apply step would when nothing fails;
    /// returns the candidates afterwards (confirmed ones dropped, as the store does).
    fn apply_model(w: &mut World, p: &Plan) {
        let mut states: BTreeMap<ItemKey, ItemState> = BTreeMap::new();
        let mut ok_targets: BTreeSet<RelPath> = BTreeSet::new();
        for op in &p.ops {
            match op {
                Op::RemoveTemp { path } => w.temps.retain(|(t, _)| t != path),
                Op::Publish(pl) | Op::Verify(pl) => {
                    if !pl.requires.iter().all(|r| ok_targets.contains(r)) {
                        continue;
                    }
                    let now_there = w.share.get(&pl.target).cloned();
                    let outcome = match now_there {
                        None => {
                            w.share
                                .insert(pl.target.clone(), (pl.size, pl.sha256.clone()));
                            ItemState::Confirmed
                        }
                        Some((_, sha)) if sha == pl.sha256 => ItemState::Confirmed,
                        Some(_) => ItemState::Conflict,
                    };
                    if outcome == ItemState::Confirmed {
                        ok_targets.insert(pl.target.clone());
                    }
                    for i in &pl.items {
                        states.insert(i.clone(), outcome);
                    }
                }
                Op::Conflict { items, .. } => {
                    for i in items {
                        states.insert(i.clone(), ItemState::Conflict);
                    }
                }
                Op::Reject { .. } => {}
            }
        }
        for c in &mut w.candidates {
            if let Some(s) = states.get(&c.key) {
                c.state = *s;
            }
        }
        w.candidates.retain(|c| c.state != ItemState::Confirmed);
    }

    fn present_ci(share: &BTreeMap<RelPath, (u64, String)>, path: &RelPath) -> bool {
        share
            .keys()
            .any(|p| p.as_str().eq_ignore_ascii_case(path.as_str()))
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(400))]

        #[test]
        fn never_plans_to_overwrite_and_writes_each_name_once(w in world()) {
            let p = plan(&w.candidates, &listing(&w), t(w.now), options(&w));
            let mut written = BTreeSet::new();
            for op in &p.ops {
                if let Op::Publish(pl) = op {
                    prop_assert!(!present_ci(&w.share, &pl.target), "publish onto {}", pl.target);
                    prop_assert!(written.insert(pl.target.clone()), "two writes to {}", pl.target);
                }
                if let Op::RemoveTemp { path } = op {
                    prop_assert!(is_temp_name(path.file_name()));
                    let age = w.temps.iter().find(|(t, _)| t == path).map(|(_, a)| *a);
                    prop_assert!(age.is_some_and(|a| a >= 600), "young or foreign temp removed");
                }
            }
        }

        #[test]
        fn the_marker_comes_last_and_only_with_all_siblings(w in world()) {
            let p = plan(&w.candidates, &listing(&w), t(w.now), options(&w));
            for (i, op) in p.ops.iter().enumerate() {
                let (Op::Publish(pl) | Op::Verify(pl)) = op else { continue };
                let Some(marker) = pl.items.iter().find(|k| is_marker(k)) else { continue };
                let siblings: Vec<&Candidate> = w.candidates.iter()
                    .filter(|c| c.key.note_id == marker.note_id && !is_marker(&c.key)
                        && c.state != ItemState::Confirmed)
                    .collect();
                for s in siblings {
                    let pos = p.ops.iter().position(|o| o.items().contains(&s.key));
                    let pos = pos.expect("every sibling is placed in the same plan");
                    prop_assert!(pos < i, "sibling after the marker");
                    prop_assert!(matches!(p.ops[pos], Op::Publish(_) | Op::Verify(_)));
                    prop_assert!(pl.requires.contains(s.target.as_ref().unwrap()));
                }
            }
        }

        #[test]
        fn every_due_item_is_handled_exactly_once(w in world()) {
            let p = plan(&w.candidates, &listing(&w), t(w.now), options(&w));
            let mut seen: BTreeMap<ItemKey, usize> = BTreeMap::new();
            for op in &p.ops {
                for k in op.items() { *seen.entry(k.clone()).or_default() += 1; }
            }
            for (k, _) in &p.deferred { *seen.entry(k.clone()).or_default() += 1; }
            for c in &w.candidates {
                let n = seen.get(&c.key).copied().unwrap_or(0);
                if c.state == ItemState::Confirmed {
                    prop_assert_eq!(n, 0);
                } else {
                    prop_assert_eq!(n, 1, "{:?}", c.key);
                }
                let due = w.force || c.next_attempt_at.is_none_or(|x| x <= t(w.now));
                if !due && c.state != ItemState::Confirmed {
                    prop_assert!(p.deferred.contains(&(c.key.clone(), Deferred::NotDue)));
                }
            }
        }

        #[test]
        fn order_of_input_does_not_matter(w in world(), seed in any::<u64>()) {
            let mut shuffled = w.candidates.clone();
            let n = shuffled.len();
            for i in 0..n {
                let j = (seed.wrapping_mul(6364136223846793005).wrapping_add(i as u64) % n as u64) as usize;
                shuffled.swap(i, j);
            }
            let l = listing(&w);
            prop_assert_eq!(plan(&w.candidates, &l, t(w.now), options(&w)),
                            plan(&shuffled, &l, t(w.now), options(&w)));
        }

        #[test]
        fn applying_then_replanning_converges_with_no_more_writes(w in world()) {
            let mut w = w;
            w.force = true;
            let first = plan(&w.candidates, &listing(&w), t(w.now), options(&w));
            apply_model(&mut w, &first);
            // A second round publishes markers whose siblings were conflicts resolved, etc.;
            // after it the plan is write-free: a replay is a no-op.
            let second = plan(&w.candidates, &listing(&w), t(w.now), options(&w));
            apply_model(&mut w, &second);
            // From here on a run changes nothing on the share: a replay is a no-op. (A plan may
            // still hold a marker whose sibling is being re-verified; the apply step skips it
            // when the sibling still conflicts.)
            let before = (w.share.clone(), w.temps.clone(), w.candidates.clone());
            let third = plan(&w.candidates, &listing(&w), t(w.now), options(&w));
            let removes = third.ops.iter().filter(|op| matches!(op, Op::RemoveTemp { .. })).count();
            prop_assert_eq!(removes, 0);
            apply_model(&mut w, &third);
            prop_assert_eq!(&before.0, &w.share, "{:?}", third);
            prop_assert_eq!(&before.2, &w.candidates);
            // Everything left is a conflict or waits on one.
            for op in &third.ops {
                if let Op::Publish(pl) = op {
                    prop_assert!(pl.items.iter().all(is_marker), "{:?}", op);
                }
            }
        }

        #[test]
        fn a_share_that_already_has_everything_gets_no_writes(w in world()) {
            let mut w = w;
            w.temps.clear();
            w.share.clear();
            for c in &w.candidates {
                w.share.insert(c.target.clone().unwrap(), (c.size, c.sha256.clone()));
            }
            let p = plan(&w.candidates, &listing(&w), t(w.now), options(&w));
            prop_assert_eq!(p.writes().count(), 0);
            prop_assert!(p.ops.iter().all(|op| matches!(op, Op::Verify(_))));
        }
    }
}
