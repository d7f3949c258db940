//! The note's words, laid out as a list of blocks that both the PDF and the plain-text form
//! (used by golden tests and `pdftotext` checks) are made from.
//!
//! Everything the guideline makes the note say comes from the policy and is already in the
//! [`NoteDocument`] (titles, notice texts, grounds, statements, role words, labels). The few
//! words of the layout itself (field names such as "Sagsnummer") are the renderer's own and
//! live in [`LayoutWords`] below, Danish and English; moving them into the policy file would
//! change its hash and every record that names it, so that waits for a policy version bump.
//!
//! Times are printed in Danish local time (`localtime`); the JSON keeps UTC.

use super::canonical::NoteDocument;
use super::localtime::{format_stamp, format_stamp_date};
use super::{NOTE_JSON, NOTE_PDF, SIGNER_PUB};
use crate::domain::Lang;

/// One piece of the laid-out note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// The page header: municipality, unit, case number and the meeting's day.
    Header(String),
    /// Blocks printed on one page (the signature: never split from its heading).
    KeepTogether(Vec<Block>),
    Title(String),
    Heading(String),
    /// A labelled fact; the value may wrap.
    Field {
        label: String,
        value: String,
    },
    Paragraph(String),
}

/// The layout's own words (not guideline texts; see the module comment).
pub struct LayoutWords {
    pub meeting: &'static str,
    pub kind: &'static str,
    pub official_character: &'static str,
    pub channel: &'static str,
    pub time: &'static str,
    pub room: &'static str,
    pub unit: &'static str,
    pub subject: &'static str,
    pub case_number: &'static str,
    pub case_number_short: &'static str,
    pub kle_number: &'static str,
    pub lead: &'static str,
    pub bisidder: &'static str,
    pub none: &'static str,
    pub others_matters: &'static str,
    pub yes: &'static str,
    pub no: &'static str,
    pub recording: &'static str,
    pub origin: &'static str,
    pub medium: &'static str,
    pub decision: &'static str,
    pub video_scope: &'static str,
    pub reasons: &'static str,
    pub disclosure_encouraged: &'static str,
    pub notices: &'static str,
    pub given_at: &'static str,
    pub not_given: &'static str,
    pub oral_decision: &'static str,
    pub oral_decision_what: &'static str,
    pub refusal: &'static str,
    pub ground: &'static str,
    pub other_ground: &'static str,
    pub assessment: &'static str,
    pub co_decider: &'static str,
    pub reason_given_at: &'static str,
    pub reason_text: &'static str,
    pub legal_help: &'static str,
    pub consulted_at: &'static str,
    pub legal_note: &'static str,
    pub remarks: &'static str,
    pub addendum: &'static str,
    pub addendum_reason: &'static str,
    pub addendum_changes: &'static str,
    pub changed_from_to: &'static str,
    pub interest_weighing: &'static str,
    pub addendum_text: &'static str,
    pub policy: &'static str,
    pub policy_version: &'static str,
    pub policy_hash: &'static str,
    pub signature: &'static str,
    pub signed_by: &'static str,
    pub signed_at: &'static str,
    pub key_id: &'static str,
    pub note_id: &'static str,
    pub content_hash: &'static str,
    pub how_to_verify: &'static str,
    pub verify_text: &'static str,
    /// "Side {page} af {pages}"
    pub page_of: &'static str,
    pub meeting_time_to: &'static str,
}

pub const DANISH: LayoutWords = LayoutWords {
    meeting: "Mødet",
    kind: "Mødetype",
    official_character: "Af tjenstlig karakter",
    channel: "Form",
    time: "Tidspunkt",
    room: "Lokale",
    unit: "Enhed",
    subject: "Emne",
    case_number: "Sagsnummer",
    case_number_short: "Sagsnr.",
    kle_number: "KLE-nummer",
    lead: "Ansvarlig",
    bisidder: "Bisidder",
    none: "Ingen",
    others_matters: "Andres personlige forhold drøftes",
    yes: "Ja",
    no: "Nej",
    recording: "Optagelsen",
    origin: "Sådan kom optagelsen på tale",
    medium: "Optagelse",
    decision: "Beslutning",
    video_scope: "Omfang",
    reasons: "Oplyst grund til optagelsen",
    disclosure_encouraged: "Opfordret til at oplyse om optagelsen",
    notices: "Vejledning",
    given_at: "Givet",
    not_given: "Ikke givet (anbefales)",
    oral_decision: "Mundtlig afgørelse",
    oral_decision_what: "Afgørelsen",
    refusal: "Afvisning",
    ground: "Grund",
    other_ground: "Anden saglig grund",
    assessment: "Konkret vurdering",
    co_decider: "Besluttet sammen med nærmeste leder",
    reason_given_at: "Begrundelsen givet til",
    reason_text: "Begrundelsen",
    legal_help: "HR/Jura",
    consulted_at: "Konsulteret",
    legal_note: "Bemærkning",
    remarks: "Bemærkninger",
    addendum: "Tilføjelse",
    addendum_reason: "Grund til rettelsen",
    addendum_changes: "Rettede oplysninger",
    changed_from_to: "før: {old} · nu: {new}",
    interest_weighing: "Interesseafvejning",
    addendum_text: "Dette notat er en tilføjelse til et tidligere underskrevet notat. Det oprindelige notat er ikke ændret.",
    policy: "Retningslinjer anvendt",
    policy_version: "Politik og version",
    policy_hash: "Politikkens SHA-256",
    signature: "Underskrift",
    signed_by: "Underskrevet af",
    signed_at: "Tidspunkt",
    key_id: "Nøgle-id",
    note_id: "Notat-id",
    content_hash: "Indholdshash (SHA-256 af note.json)",
    how_to_verify: "Sådan kontrolleres notatet",
    verify_text: "Notatet er underskrevet digitalt. Filerne note.json og note.pdf har hver en signaturfil (.minisig). Kontrollér det i Samtalenotat under Indstillinger, »Kontrollér et notat«, eller med minisign: minisign -Vm note.pdf -p signer.pub og minisign -Vm note.json -p signer.pub, eller med samtalenotat-cli verify MAPPE --keys NØGLEMAPPE. Nøgle-id'et skal være den underskrivendes offentliggjorte nøgle.",
    page_of: "Side {page} af {pages}",
    meeting_time_to: "til",
};

pub const ENGLISH: LayoutWords = LayoutWords {
    meeting: "The meeting",
    kind: "Meeting type",
    official_character: "Of official character",
    channel: "Held as",
    time: "Time",
    room: "Room",
    unit: "Unit",
    subject: "Subject",
    case_number: "Case number",
    case_number_short: "Case",
    kle_number: "KLE number",
    lead: "Responsible",
    bisidder: "Bisidder (support person)",
    none: "None",
    others_matters: "Other people's personal matters discussed",
    yes: "Yes",
    no: "No",
    recording: "The recording",
    origin: "How the recording came up",
    medium: "Recording",
    decision: "Decision",
    video_scope: "Scope",
    reasons: "Reason given for recording",
    disclosure_encouraged: "Encouraged to say that they record",
    notices: "Notices given",
    given_at: "Given",
    not_given: "Not given (recommended)",
    oral_decision: "Oral decision",
    oral_decision_what: "The decision",
    refusal: "Refusal",
    ground: "Ground",
    other_ground: "Other objective ground",
    assessment: "Concrete assessment",
    co_decider: "Decided together with the nearest manager",
    reason_given_at: "Reason given to",
    reason_text: "The reason",
    legal_help: "HR/Jura",
    consulted_at: "Consulted",
    legal_note: "Note",
    remarks: "Remarks",
    addendum: "Addendum",
    addendum_reason: "Reason for the correction",
    addendum_changes: "Corrected information",
    changed_from_to: "before: {old} · now: {new}",
    interest_weighing: "Weighing of interests",
    addendum_text: "This note is an addendum to an earlier signed note. The original note has not been changed.",
    policy: "Guideline applied",
    policy_version: "Policy and version",
    policy_hash: "Policy SHA-256",
    signature: "Signature",
    signed_by: "Signed by",
    signed_at: "Time",
    key_id: "Key id",
    note_id: "Note id",
    content_hash: "Content hash (SHA-256 of note.json)",
    how_to_verify: "How to verify this note",
    verify_text: "This note is signed digitally. The files note.json and note.pdf each have a signature file (.minisig). Check it in Samtalenotat under Settings, \"Check a note\", or with minisign: minisign -Vm note.pdf -p signer.pub and minisign -Vm note.json -p signer.pub, or with samtalenotat-cli verify FOLDER --keys KEYFOLDER. The key id must be the signer's published key.",
    page_of: "Page {page} of {pages}",
    meeting_time_to: "to",
};

pub fn words(lang: Lang) -> &'static LayoutWords {
    match lang {
        Lang::Da => &DANISH,
        Lang::En => &ENGLISH,
    }
}

fn capitalize(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// The page header line: "Albertslund Kommune · Jobcenter".
pub fn header_line(doc: &NoteDocument) -> String {
    let w = words(doc.lang);
    let mut parts = vec![doc.municipality.clone()];
    if !doc.meeting.unit.is_empty() {
        parts.push(doc.meeting.unit.clone());
    }
    if !doc.meeting.case_number.is_empty() {
        parts.push(format!(
            "{} {}",
            w.case_number_short, doc.meeting.case_number
        ));
    }
    let day = doc.meeting.starts_at.as_deref().unwrap_or(&doc.signed_at);
    if let Some(day) = format_stamp_date(day) {
        parts.push(day);
    }
    parts.join(" · ")
}

/// The note as blocks, in reading order.
pub fn blocks(doc: &NoteDocument, content_hash: &str) -> Vec<Block> {
    let w = words(doc.lang);
    let lang = doc.lang;
    let t = |s: &str| format_stamp(s, lang);
    let yes_no = |b: bool| if b { w.yes } else { w.no }.to_owned();
    let field = |label: &str, value: String| Block::Field {
        label: label.to_owned(),
        value,
    };
    let mut out = vec![
        Block::Header(header_line(doc)),
        Block::Title(doc.title.clone()),
    ];
    let mut printed = vec![false; doc.statements.len()];
    let statements_for = |keys: &[&str], out: &mut Vec<Block>, printed: &mut Vec<bool>| {
        for (i, s) in doc.statements.iter().enumerate() {
            if !printed[i] && (keys.is_empty() || keys.contains(&s.key.as_str())) {
                printed[i] = true;
                out.push(Block::Paragraph(s.text.clone()));
            }
        }
    };

    if let Some(a) = &doc.addendum_to {
        out.push(Block::Heading(w.addendum.to_owned()));
        if doc.statements.iter().any(|s| s.key == "addendum_statement") {
            statements_for(&["addendum_statement"], &mut out, &mut printed);
        } else {
            // A version-1 note: its addendum carried no statement of the policy's.
            out.push(Block::Paragraph(w.addendum_text.to_owned()));
        }
        out.push(field(w.note_id, a.note_id.clone()));
        out.push(field(w.content_hash, a.content_hash.clone()));
        if let Some(reason) = &a.reason {
            out.push(field(w.addendum_reason, reason.clone()));
        }
        if let Some(changes) = a.changes.as_ref().filter(|c| !c.is_empty()) {
            out.push(Block::Heading(w.addendum_changes.to_owned()));
            for c in changes {
                out.push(field(
                    &c.field,
                    w.changed_from_to
                        .replace("{old}", &c.old)
                        .replace("{new}", &c.new),
                ));
            }
        }
    }

    // The meeting.
    let m = &doc.meeting;
    out.push(Block::Heading(w.meeting.to_owned()));
    out.push(field(w.kind, m.kind.label.clone()));
    if let Some(official) = m.official_character {
        out.push(field(w.official_character, yes_no(official)));
    }
    if let Some(channel) = &m.channel {
        out.push(field(w.channel, channel.label.clone()));
    }
    match (&m.starts_at, &m.ends_at) {
        (Some(start), Some(end)) => {
            // Same day: "05.11.2026 kl. 11.00 til 11.45".
            let (s, e) = (t(start), t(end));
            let end_text = match (s.split_once(' '), e.split_once(' ')) {
                (Some((sd, _)), Some((ed, rest))) if sd == ed => rest
                    .rsplit_once(' ')
                    .map_or(rest, |(_, time)| time)
                    .to_owned(),
                _ => e.clone(),
            };
            out.push(field(
                w.time,
                format!("{s} {} {end_text}", w.meeting_time_to),
            ));
        }
        (Some(start), None) => out.push(field(w.time, t(start))),
        _ => {}
    }
    for (label, value) in [
        (w.room, &m.room),
        (w.unit, &m.unit),
        (w.subject, &m.subject),
        (w.case_number, &m.case_number),
        (w.kle_number, &m.kle_number),
    ] {
        if !value.is_empty() {
            out.push(field(label, value.clone()));
        }
    }
    out.push(field(
        &format!("{} {}", w.lead, doc.roles.staff),
        format!("{} ({})", m.lead.name, m.lead.initials),
    ));
    out.push(field(
        &capitalize(&doc.roles.counterpart),
        m.counterpart.clone(),
    ));
    out.push(field(
        w.bisidder,
        if m.bisidder_present {
            m.bisidder_name.clone()
        } else {
            w.none.to_owned()
        },
    ));
    out.push(field(w.others_matters, yes_no(m.others_matters_discussed)));

    // The recording.
    let r = &doc.recording;
    out.push(Block::Heading(w.recording.to_owned()));
    out.push(field(w.origin, r.origin.label.clone()));
    if let Some(medium) = &r.medium {
        out.push(field(w.medium, medium.label.clone()));
    }
    if let Some(decision) = &r.decision {
        out.push(field(w.decision, decision.label.clone()));
    }
    if let Some(scope) = &r.video_scope {
        out.push(field(w.video_scope, scope.label.clone()));
    }
    if !r.reasons.is_empty() {
        let reasons: Vec<&str> = r.reasons.iter().map(|c| c.label.as_str()).collect();
        out.push(field(w.reasons, reasons.join(", ")));
    }
    if let Some(at) = &r.disclosure_encouraged_at {
        out.push(field(w.disclosure_encouraged, t(at)));
    }
    statements_for(
        &[
            "outside_guideline",
            "outside_guideline_municipality",
            "unannounced",
            "default_sound_only",
            "video_allowed",
        ],
        &mut out,
        &mut printed,
    );
    if let Some(weighing) = &r.interest_weighing {
        out.push(Block::Heading(w.interest_weighing.to_owned()));
        statements_for(&["interest_weighing"], &mut out, &mut printed);
        out.push(Block::Paragraph(weighing.clone()));
    }

    // The notices, each with its time.
    if !doc.notices.is_empty() {
        out.push(Block::Heading(w.notices.to_owned()));
        for n in &doc.notices {
            let when = match &n.given_at {
                Some(at) => format!("{} {}", w.given_at, t(at)),
                None => w.not_given.to_owned(),
            };
            out.push(field(&n.title, when));
            if !n.text.is_empty() {
                out.push(Block::Paragraph(n.text.clone()));
            }
        }
    }

    if let Some(oral) = &doc.oral_decision {
        out.push(Block::Heading(w.oral_decision.to_owned()));
        statements_for(
            &["oral_decision_made", "oral_decision_not_made"],
            &mut out,
            &mut printed,
        );
        if oral.made {
            out.push(field(w.oral_decision_what, oral.what.clone()));
        }
    }

    if let Some(f) = &doc.refusal {
        out.push(Block::Heading(w.refusal.to_owned()));
        for g in &f.grounds {
            out.push(field(
                &format!("{} ({})", w.ground, g.label),
                g.title.clone(),
            ));
            out.push(Block::Paragraph(g.text.clone()));
        }
        if !f.other_ground.is_empty() {
            out.push(field(w.other_ground, f.other_ground.clone()));
        }
        out.push(field(w.assessment, f.assessment.clone()));
        out.push(field(
            w.co_decider,
            format!("{} ({})", f.co_decider.name, f.co_decider.initials),
        ));
        if let Some(at) = &f.reason_given_at {
            out.push(field(
                &format!("{} {}", w.reason_given_at, doc.roles.counterpart_definite),
                t(at),
            ));
        }
        out.push(field(w.reason_text, f.reason_text.clone()));
        statements_for(
            &["procesbeslutning", "room_instruction"],
            &mut out,
            &mut printed,
        );
    }

    if let Some(h) = &doc.legal_help {
        out.push(Block::Heading(w.legal_help.to_owned()));
        statements_for(&["legal_help"], &mut out, &mut printed);
        out.push(field(w.consulted_at, t(&h.consulted_at)));
        if !h.note.is_empty() {
            out.push(field(w.legal_note, h.note.clone()));
        }
    }

    // Any statement a later rule adds is printed, never dropped.
    if printed.iter().any(|p| !p) {
        out.push(Block::Heading(w.remarks.to_owned()));
        statements_for(&[], &mut out, &mut printed);
    }

    out.push(Block::Heading(w.policy.to_owned()));
    out.push(field(
        w.policy_version,
        format!("{} {}", doc.policy.id, doc.policy.version),
    ));
    out.push(field(w.policy_hash, doc.policy.hash.clone()));

    out.push(Block::KeepTogether(vec![
        Block::Heading(w.signature.to_owned()),
        field(
            w.signed_by,
            format!("{} ({})", doc.signer.name, doc.signer.initials),
        ),
        field(w.signed_at, t(&doc.signed_at)),
        field(w.key_id, doc.signer.key_id.clone()),
        field(w.note_id, doc.note_id.clone()),
        field(w.content_hash, content_hash.to_owned()),
    ]));
    out.push(field(w.how_to_verify, w.verify_text.to_owned()));
    debug_assert!(w.verify_text.contains(NOTE_PDF) && w.verify_text.contains(NOTE_JSON));
    debug_assert!(w.verify_text.contains(SIGNER_PUB));
    out
}

/// The plain text of the note (one paragraph per line), as golden files keep it.
pub fn plain_text(blocks: &[Block]) -> String {
    let mut out = String::new();
    write_plain(&mut out, blocks);
    out
}

fn write_plain(out: &mut String, blocks: &[Block]) {
    for block in blocks {
        match block {
            Block::KeepTogether(inner) => write_plain(out, inner),
            Block::Header(s) => {
                out.push_str(s);
                out.push_str("\n\n");
            }
            Block::Title(s) => {
                out.push_str(s);
                out.push('\n');
                out.push_str(&"=".repeat(s.chars().count()));
                out.push('\n');
            }
            Block::Heading(s) => {
                out.push('\n');
                out.push_str(s);
                out.push('\n');
                out.push_str(&"-".repeat(s.chars().count()));
                out.push('\n');
            }
            Block::Field { label, value } => {
                out.push_str(label);
                out.push_str(": ");
                out.push_str(value);
                out.push('\n');
            }
            Block::Paragraph(s) => {
                out.push_str(s);
                out.push('\n');
            }
        }
    }
}

/// The note's full text for a document and its content hash.
pub fn note_text(doc: &NoteDocument, content_hash: &str) -> String {
    plain_text(&blocks(doc, content_hash))
}
