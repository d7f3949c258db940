// Generated from the Rust types by `samtalenotat_core::app::bindings` — do not edit.
// Regenerate: SAMTALENOTAT_UPDATE_BINDINGS=1 cargo test -p samtalenotat-core bindings

/**
 * Points from a correction to the finished record it corrects.
 */
export type AddendumTo = { record_id: RecordId, 
/**
 * SHA-256 (hex, 64 digits) of the original's signed `note.json`.
 */
content_hash: string, 
/**
 * Why the note is corrected (required to finish).
 */
reason: string, 
/**
 * The fields that differ from the original, old and new; filled in by the app from the
 * original record, never typed.
 */
changes: Array<FieldCorrection>, };

/**
 * Where this PC's administration key comes from.
 */
export type AdminKeySource = "none" | "deployed" | "confirmed";

export type AdminKeyStatus = { source: AdminKeySource, key_id: string | null, fingerprint: string | null, 
/**
 * The deployed file exists but cannot be read as a key (shown, so IT can fix it).
 */
deployed_problem: string | null, };

export type Aggregate = { rows: Array<OverviewRow>, units: Array<UnitSignal>, municipality: Counts, };

/**
 * The error of every action of the application layer.
 */
export type AppError = { code: ErrorCode, 
/**
 * Dotted path of the field at fault, when there is one.
 */
field: string | null, 
/**
 * Boxed: every `Result` of the layer carries this type, and most are `Ok`.
 */
params: ErrorParams, 
/**
 * English, for logs and support; never shown as the explanation.
 */
message: string, };

export type Channel = "in_person" | "phone" | "video_call" | "home_visit";

/**
 * One finding. A file that passed every check gets one `ok: true` entry.
 */
export type Check = { file: string, ok: boolean, code: VerifyCode | null, 
/**
 * English, with the details (key ids, hashes).
 */
reason: string | null, };

/**
 * One earlier case comparable with a draft, as staff see it: when, where, what was decided
 * and on which grounds. No names: a case is reached by its id.
 */
export type ComparableCase = { record_id: string, finished_at: string | null, unit: string, decision: Decision | null, grounds: Array<RefusalGround>, };

/**
 * A conflict, as the status line lists it.
 */
export type ConflictView = { note_id: string, 
/**
 * The path on the share, relative to the share folder, `/`-separated.
 */
file: string, detected_at: string, };

/**
 * The counts of one group of notes.
 */
export type Counts = { notes: number, requests: number, allowed: number, refused: number, ground_a: number, ground_b: number, ground_c: number, unannounced_open: number, unannounced_hidden: number, video_requested: number, video_allowed: number, oral_decisions: number, incidents: number, };

export type Decision = "allowed" | "refused";

/**
 * Counts of decisions for one scope (a unit or the whole municipality).
 */
export type DecisionCounts = { 
/**
 * Records where a recording came up at all (asked, open or hidden).
 */
requests: number, allowed: number, refused: number, 
/**
 * Refusals per ground. A refusal may rest on several grounds, so the sum can exceed
 * `refused`.
 */
refused_by_ground: { [key in RefusalGround]?: number }, 
/**
 * Recordings made without asking first (open or hidden).
 */
unannounced: number, };

/**
 * A draft thrown away, and why.
 */
export type Discarded = { at: string, reason: string, };

/**
 * Where this PC's own signing key stands with the administration.
 */
export type Endorsement = { "state": "no_admin_key" } | { "state": "share_unavailable" } | { "state": "pending" } | { "state": "endorsed", valid_from: string, } | { "state": "revoked", from: string, reason: string, };

/**
 * G-EQUAL for one draft: the earlier comparable cases in the period, and how they went.
 */
export type EqualTreatmentAdvice = { period_from: string, period_to: string, allowed: number, refused: number, 
/**
 * Newest first, at most [`MAX_LISTED_CASES`].
 */
cases: Array<ComparableCase>, };

export type EqualTreatmentSummary = { unit_name: string, unit: DecisionCounts, municipality: DecisionCounts, };

/**
 * What went wrong, as the UI acts on it. Serialized in `snake_case`.
 */
export type ErrorCode = "invalid_input" | "unknown_field" | "text_empty" | "text_too_long" | "text_control_character" | "text_cpr_number" | "time_out_of_range" | "out_of_range" | "bad_id" | "bad_date" | "bad_path" | "not_found" | "record_finished" | "record_not_finished" | "record_discarded" | "already_filed" | "rule_violation" | "no_staff" | "no_key" | "key_exists" | "wrong_passphrase" | "fingerprint_mismatch" | "admin_key_deployed" | "passphrase_too_short" | "passphrase_too_long" | "missing_glyph" | "export_conflict" | "file_access" | "open_failed" | "admin_key_missing" | "cancelled" | "share_missing" | "share_permission" | "share_disk_full" | "share_timeout" | "share_io" | "storage" | "internal";

/**
 * The numbers and names a message needs; only the ones that apply are present.
 */
export type ErrorParams = { min?: string, max?: string, actual?: string, 
/**
 * `U+XXXX` of a refused character.
 */
code_point?: string, 
/**
 * The refused character itself, when it is printable.
 */
character?: string, 
/**
 * A file or folder on this PC or the share.
 */
path?: string, 
/**
 * The blocking rules, for `rule_violation`.
 */
violations?: Array<Violation>, };

/**
 * Where a note was exported.
 */
export type ExportResult = { folder: string, files: Array<string>, };

/**
 * What of an exported note to open.
 */
export type ExportedTarget = "pdf" | "folder";

/**
 * One field an addendum changes.
 */
export type FieldCorrection = { 
/**
 * Dotted path, e.g. `meeting.case_number`.
 */
field: string, 
/**
 * The values as JSON text (a string field's value is shown as it is).
 */
old: string, new: string, };

/**
 * A note's filing in the case.
 */
export type FilingView = { filed_at: string, 
/**
 * The case system's document number; empty when not given.
 */
document_number: string, };

/**
 * A verified note folder: the checks, and who signed it as far as the administration says.
 */
export type FolderVerification = { report: VerifyReport, 
/**
 * `None` when there is nothing to judge the signer by (no administration key, or the
 * share cannot be read).
 */
signer: SignerStanding | null, basis: TrustBasis, };

export type GroundTextsView = { ground: RefusalGround, label: string, title: string, text: string, };

/**
 * Whether the staff member set on this PC has a signing key.
 */
export type KeyStatus = { exists: boolean, key_id: string | null, signer_name: string | null, signer_initials: string | null, public_key_path: string | null, 
/**
 * Where the key stands with the administration (`None` without a key).
 */
endorsement: Endorsement | null, };

/**
 * The languages every text exists in. Danish is the default (SPEC: the UI speaks Danish by
 * default, English on request).
 */
export type Lang = "da" | "en";

/**
 * A classified error and its technical message.
 */
export type LastError = { 
/**
 * A `sync::ErrorKind` wire name (stored as text).
 */
kind: ShareErrorKind, message: string, };

/**
 * G-LEGAL-HELP: HR/Jura consulted about the assessment.
 */
export type LegalHelp = { consulted_at: string | null, note: string, };

/**
 * Which records the list shows: the start screen's choice "Alle" / "Kladder" / "Ikke sendt" /
 * "Ikke journaliseret".
 */
export type ListFilter = "all" | "drafts" | "not_sent" | "not_filed";

/**
 * A list request from a front end; every filter is optional.
 */
export type ListQuery = { text?: string, 
/**
 * Which records: all (the default), drafts, not sent, not filed.
 */
filter?: ListFilter, limit: number, offset?: number, state?: RecordState, unit?: string, case_number?: string, 
/**
 * ISO date (YYYY-MM-DD), inclusive.
 */
from?: string, 
/**
 * ISO date (YYYY-MM-DD), inclusive.
 */
to?: string, };

/**
 * G-DEFAULT: sound is the default; video is outside it and must be decided explicitly.
 */
export type Medium = "sound" | "video_requested";

/**
 * The facts of the meeting itself.
 */
export type Meeting = { kind: MeetingKind, 
/**
 * For employee meetings: is it of official character (tjenstlig karakter: the employee
 * may normally bring a bisidder)? `None` until answered; `Some(false)` is outside the
 * guideline. Ignored for citizen meetings.
 */
official_character: boolean | null, channel: Channel | null, starts_at: string | null, ends_at: string | null, room: string, 
/**
 * enhed
 */
unit: string, subject: string, 
/**
 * sagsnummer
 */
case_number: string, 
/**
 * KLE number, optional (empty when not given).
 */
kle_number: string, lead: StaffMember, 
/**
 * The counterpart's name or a reference. Never a CPR number (flagged at input).
 */
counterpart: string, bisidder_present: boolean, bisidder_name: string, 
/**
 * Are other people's personal matters discussed at the meeting? (ground b)
 */
others_matters_discussed: boolean, };

/**
 * G-SCOPE: who meets whom. The words used in the UI and the note follow from this.
 */
export type MeetingKind = "citizen" | "employee";

/**
 * The whole record.
 */
export type MeetingRecord = { format_version: number, id: RecordId, state: RecordState, created_at: string, updated_at: string, finished_at: string | null, policy: PolicyRef, meeting: Meeting, recording: Recording, 
/**
 * Notice id (from the policy) → when it was given.
 */
notices: { [key in string]?: string }, oral_decision: OralDecision, refusal: Refusal, legal_help: LegalHelp, addendum_to: AddendumTo | null, 
/**
 * Set when staff threw the draft away: hidden from the list, never finished, never
 * changed again (the event log keeps the change).
 */
discarded: Discarded | null, };

/**
 * Whether a notice must be given (blocks finishing) or is recommended (advisory).
 */
export type NoticeLevel = "required" | "recommended";

export type NoticeTextsView = { id: string, rule: RuleId, level: NoticeLevel, applies_to: Array<Situation>, title: string, 
/**
 * What the note states was said, when the meeting is recorded / when refused.
 */
text_recorded: string | null, text_refused: string | null, 
/**
 * What staff can say aloud, in plain words, in each situation.
 */
say_recorded: string | null, say_refused: string | null, };

/**
 * G-NOTICE-LEGAL: was an oral decision (mundtlig afgørelse) made, and what?
 */
export type OralDecision = { made: boolean | null, what: string, };

/**
 * What to count.
 */
export type OverviewQuery = { 
/**
 * `YYYY-MM`, inclusive.
 */
from?: string, 
/**
 * `YYYY-MM`, inclusive.
 */
to?: string, period: Period, 
/**
 * `citizen` or `employee`; all kinds when absent.
 */
kind?: string, };

/**
 * One unit in one period.
 */
export type OverviewRow = { unit: string, 
/**
 * `2026-11`, `2026-K4`, `2026`, or `alle`.
 */
period: string, counts: Counts, };

/**
 * What the "Overblik" screen shows.
 */
export type OverviewView = { aggregate: Aggregate, scan: ScanReport, 
/**
 * When the share was read (RFC 3339).
 */
scanned_at: string, share_dir: string, };

/**
 * How rows are grouped in time.
 */
export type Period = "month" | "quarter" | "year" | "all";

export type PolicyProblem = { 
/**
 * Relative to the share.
 */
path: string, code: PolicyProblemCode, 
/**
 * English, technical.
 */
detail: string, };

/**
 * Why a policy file on the share was not adopted.
 */
export type PolicyProblemCode = "signature_invalid" | "not_a_policy" | "unsigned";

/**
 * Identifies the policy a record was made under (SPEC section 7).
 */
export type PolicyRef = { id: string, version: string, 
/**
 * SHA-256 (hex) of the policy file's bytes.
 */
hash: string, };

export type PolicySource = "builtin" | "administration";

/**
 * What the settings screen shows about the policy.
 */
export type PolicyStatus = { municipality: string, id: string, version: string, hash: string, source: PolicySource, 
/**
 * When this PC adopted it (`None` for the built-in one).
 */
in_effect_since: string | null, 
/**
 * Files on the share that were not adopted, from the last look.
 */
problems: Array<PolicyProblem>, };

export type PolicyTexts = { policy_id: string, policy_version: string, municipality: string, roles: RoleWords, min_assessment_chars: number, notices: Array<NoticeTextsView>, grounds: Array<GroundTextsView>, 
/**
 * Named statements (`procesbeslutning`, `unannounced`, `outside_guideline`, ...).
 */
texts: { [key in string]?: string }, 
/**
 * Words for coded values by group, e.g. `labels["channel"]["in_person"]`.
 */
labels: { [key in string]?: { [key in string]?: string } }, 
/**
 * A text for every violation code.
 */
messages: { [key in string]?: string }, };

/**
 * One problem, by note and path. `detail` is English, for the log and the command line;
 * the window explains `kind` in its own words.
 */
export type Problem = { kind: ProblemKind, 
/**
 * The note's id when the problem concerns a note folder (its name, when it is a ULID).
 */
note_id: string | null, 
/**
 * Relative to the share folder, `/`-separated.
 */
path: string, detail: string, };

/**
 * The kinds of problem the overview lists (docs/overview.md, "Problems").
 */
export type ProblemKind = "tampered" | "signature_from_other_note" | "unknown_key" | "forged_signature" | "revoked_key" | "signed_before_endorsement" | "signer_mismatch" | "duplicate_note_id" | "incomplete" | "unexpected_file" | "wrong_folder" | "symlink" | "unreadable" | "trust_file";

/**
 * A record id: a ULID, unique across devices without coordination, and safe as an ASCII
 * file name on any share.
 */
export type RecordId = string;

/**
 * Lifecycle of a record. A finished record never changes; later states (synced) are
 * tracked by the outbox, not by editing the record.
 */
export type RecordState = "draft" | "finished";

/**
 * What the record list shows: enough to recognise a record without loading its body.
 */
export type RecordSummary = { id: string, state: RecordState, kind: MeetingKind, created_at: string, updated_at: string, subject: string, unit: string, case_number: string, counterpart: string, 
/**
 * When the meeting started (what the list shows as its time), if set.
 */
meeting_starts_at: string | null, 
/**
 * `allowed` / `refused`, or `None` (no recording, or not decided yet).
 */
decision: Decision | null, 
/**
 * Where the signed note is on its way to the share: `on_share` (every file confirmed),
 * `pending`, `conflict`; `None` for a draft. The app layer says `on_this_pc` instead of
 * `on_share` while the share in use is the app's own folder on this PC.
 */
sync_state: "on_share" | "on_this_pc" | "pending" | "conflict" | null, 
/**
 * When the note was marked as filed in the case.
 */
filed_at: string | null, 
/**
 * For a note in conflict: the files on the share (relative to the share folder) that
 * another file already holds, so the list can say which file to move. Empty otherwise;
 * filled in by the app layer.
 */
conflict_files: Array<string>, };

/**
 * A record with what the rules say about it now: what the edit and review screens show.
 */
export type RecordView = { record: MeetingRecord, violations: Array<Violation>, 
/**
 * The part of the guideline that applies (`None`: no recording (yet)).
 */
situation: Situation | null, 
/**
 * The notice ids that apply in this situation, in the policy's order.
 */
applicable_notices: Array<string>, 
/**
 * Field paths whose text looks like a CPR number.
 */
cpr_warnings: Array<string>, 
/**
 * A signed note is stored for the record (it can be exported).
 */
signed: boolean, 
/**
 * G-EQUAL, for a draft about to be refused: the comparable earlier cases on this PC.
 */
equal_treatment: EqualTreatmentAdvice | null, 
/**
 * G-EQUAL across the municipality: the same kind of meeting and medium on the share, as
 * this PC's overview index last read it; `None` when the overview never read the share
 * here (the panel then says it shows this PC only).
 */
equal_treatment_share: ShareFigures | null, 
/**
 * When the signed note was filed in the case (G-NOTICE-CASE).
 */
filing: FilingView | null, };

export type Recording = { 
/**
 * How the recording came up; `None` until staff choose (nothing is preselected: staff
 * open the app because a recording came up, so "no recording" must be chosen too).
 */
origin: RecordingOrigin | null, medium: Medium, 
/**
 * `None` while undecided. The UI pre-selects `Allowed` for sound (G-DEFAULT).
 */
decision: Decision | null, video_scope: VideoScope | null, reasons: Array<RecordingReason>, 
/**
 * G-UNANNOUNCED: when staff encouraged the counterpart to say that they record.
 */
disclosure_encouraged_at: string | null, 
/**
 * G-WEIGH: the written interesseafvejning when others' personal matters are discussed
 * and the recording is allowed.
 */
interest_weighing: string, };

/**
 * G-UNANNOUNCED: how the recording came up.
 */
export type RecordingOrigin = "none" | "asked_first" | "open_without_asking" | "discovered_hidden" | "municipality_wants";

/**
 * Why the counterpart wants to record, if they say: coded, never free-text health details.
 */
export type RecordingReason = "note_taking_difficulty" | "memory_or_concentration" | "for_absent_bisidder" | "other";

export type Refusal = { grounds: Array<RefusalGround>, 
/**
 * Description of ground (c).
 */
other_ground: string, 
/**
 * G-REFUSE-ASSESS: the written concrete assessment.
 */
assessment: string, 
/**
 * G-REFUSE-LEADER: the nearest leader who decided together with the meeting lead.
 */
co_decider: StaffMember, 
/**
 * G-REFUSE-REASON: when the reason was given to the counterpart, and what was said.
 */
reason_given_at: string | null, reason_text: string, 
/**
 * G-REFUSE-ROOM: jackets, bags, phones etc. must stay outside the room.
 */
room_instruction: boolean, };

/**
 * G-REFUSE-GROUNDS: the objective grounds a refusal can rest on.
 */
export type RefusalGround = "harassment" | "others_matters" | "other";

/**
 * The words for the two parties of a meeting kind (G-SCOPE): borger/medarbejder for citizen
 * meetings, ansat/leder for employee meetings.
 */
export type RoleWords = { 
/**
 * "borger", "ansat"
 */
counterpart: string, 
/**
 * "borgeren", "den ansatte"
 */
counterpart_definite: string, 
/**
 * "medarbejder", "leder"
 */
staff: string, 
/**
 * "medarbejderen", "lederen"
 */
staff_definite: string, };

/**
 * The guideline's requirements (SPEC section 1) plus `G-RECORD` for the meeting facts of
 * SPEC section 2. Serialized exactly as written in the spec ("G-NOTICE-LEGAL").
 */
export type RuleId = "G-SCOPE" | "G-DEFAULT" | "G-NOTICE-LEGAL" | "G-NOTICE-DISCLOSURE" | "G-NOTICE-CASE" | "G-NOTICE-DATA" | "G-WEIGH" | "G-UNANNOUNCED" | "G-REFUSE-GROUNDS" | "G-REFUSE-ASSESS" | "G-REFUSE-LEADER" | "G-REFUSE-REASON" | "G-REFUSE-NATURE" | "G-REFUSE-ROOM" | "G-LEGAL-HELP" | "G-EQUAL" | "G-MISUSE" | "G-RECORD";

/**
 * Where a run is, for a progress bar.
 */
export type ScanProgress = { done: number, total: number, };

/**
 * What a run did.
 */
export type ScanReport = { 
/**
 * Note folders found.
 */
folders: number, 
/**
 * Folders read and verified in this run.
 */
verified: number, 
/**
 * Folders taken from the index unchanged.
 */
reused: number, 
/**
 * Trusted notes counted.
 */
trusted: number, problems: Array<Problem>, };

export type Settings = { staff: StaffMember, units: Array<string>, rooms: Array<string>, language: Lang, 
/**
 * The share folder; empty means the default local folder inside the data folder.
 * (Stored as `shareDir` by builds before the wire became snake_case.)
 */
share_dir: string, };

/**
 * The settings plus the folders in effect, which the settings screen shows.
 */
export type SettingsView = { settings: Settings, data_dir: string, effective_share_dir: string, 
/**
 * The share in effect is the default folder on this PC, not a shared folder.
 */
share_is_local_default: boolean, 
/**
 * The policy in effect (SPEC section 7).
 */
policy: PolicyStatus, };

/**
 * Whether a violation stops the record from being finished.
 */
export type Severity = "blocking" | "advisory";

/**
 * What went wrong, in terms of what to do about it. Serialised in `snake_case`; the UI maps
 * each kind to a Danish/English explanation.
 */
export type ShareErrorKind = "share_missing" | "permission" | "disk_full" | "timeout" | "io" | "invalid_artifact" | "symlink";

/**
 * Municipality-wide decisions of one kind of meeting and medium, from the index as the last
 * overview run left it, for the staff's equal-treatment panel. `None` when this PC has no
 * index (the overview never read the share here); the index file is never created by this.
 */
export type ShareFigures = { allowed: number, refused: number, 
/**
 * Trusted notes in the index, of every kind.
 */
notes: number, 
/**
 * When the overview last read the share (RFC 3339).
 */
scanned_at: string, };

/**
 * Where a note's signer stands with the administration, at the time the note was signed.
 */
export type SignerStanding = { "standing": "endorsed", name: string, initials: string, } | { "standing": "unknown" } | { "standing": "signed_before_endorsement" } | { "standing": "signed_after_revocation", reason: string, };

/**
 * The recording situations notices apply to (SPEC section 1, last paragraph).
 */
export type Situation = "recorded" | "refused";

/**
 * A member of staff: the meeting lead or a co-deciding leader.
 */
export type StaffMember = { name: string, initials: string, };

/**
 * The sync status line: the outbox, whether a run is going on, the share in effect.
 */
export type SyncStatusView = { running: boolean, share_dir: string, share_is_local_default: boolean, 
/**
 * Notes with at least one artifact not yet confirmed (conflicts not counted).
 */
pending: number, 
/**
 * Age of the oldest artifact not yet confirmed (conflicts included: they have not
 * reached the case either).
 */
oldest_pending_age_seconds: number | null, last_success_at: string | null, last_error: LastError | null, conflicts: Array<ConflictView>, };

/**
 * What the administration's files on the share say, as this PC reads them.
 */
export type TrustBasis = { "basis": "no_admin_key" } | { "basis": "share_unavailable" } | { "basis": "administration", endorsed_keys: number, 
/**
 * Files in the trust folder that are not believed.
 */
problems: number, };

/**
 * A unit over the whole range, beside the rest of the municipality.
 */
export type UnitSignal = { unit: string, counts: Counts, refusal_rate: number | null, 
/**
 * The municipality without this unit.
 */
rest_refusal_rate: number | null, 
/**
 * Two-proportion z of this unit's refusal rate against the rest's.
 */
z: number | null, 
/**
 * Marked as standing out (docs/overview.md: at least [`MIN_DECIDED`] decided requests,
 * and |z| ≥ [`Z_MARK`]).
 */
stands_out: boolean, };

/**
 * What is wrong with a file, as a code the window shows in Danish or English. The English
 * `reason` beside it (with the numbers) is what the command line prints.
 */
export type VerifyCode = "missing" | "unreadable" | "not_a_public_key" | "not_canonical" | "key_differs_from_trusted" | "key_not_trusted" | "note_invalid" | "folder_mismatch" | "signer_mismatch" | "signature_malformed" | "content_changed" | "signature_invalid" | "comment_invalid" | "other_note" | "pdf_not_bound";

export type VerifyReport = { ok: boolean, note_id: string | null, 
/**
 * The key id `note.json` names as its signer's.
 */
signer_key_id: string | null, checks: Array<Check>, 
/**
 * Whether the signing key is one of the trusted keys (published on the share, or this
 * PC's own). When only the folder's own `signer.pub` vouches for it, the files are
 * intact but who signed is not confirmed: the UI says so.
 */
signer_known: boolean, };

/**
 * When video was requested and the request is allowed: what exactly is allowed.
 */
export type VideoScope = "sound_only" | "video_allowed";

/**
 * One unmet requirement, pointing at the field to fix.
 */
export type Violation = { rule: RuleId, 
/**
 * Dotted path into the record's JSON, e.g. `refusal.co_decider.name` or `notices.legal`.
 */
field: string, code: ViolationCode, severity: Severity, };

/**
 * What is wrong, as a stable code. The policy file holds a Danish and an English text for
 * every code (checked when the policy is loaded).
 */
export type ViolationCode = "format_version_unsupported" | "start_time_missing" | "end_before_start" | "channel_missing" | "unit_missing" | "lead_name_missing" | "lead_initials_missing" | "counterpart_missing" | "bisidder_name_missing" | "notice_unknown" | "text_too_long" | "text_control_character" | "text_not_normalized" | "cpr_number" | "duplicate_entry" | "addendum_hash_malformed" | "addendum_points_to_itself" | "addendum_reason_missing" | "time_before_record" | "time_in_future" | "official_character_unanswered" | "outside_guideline" | "municipality_records" | "decision_missing" | "video_scope_missing" | "video_scope_inconsistent" | "origin_missing" | "decision_without_recording" | "disclosure_not_encouraged" | "notice_missing" | "notice_recommended" | "oral_decision_unanswered" | "oral_decision_what_missing" | "oral_decision_what_without_decision" | "case_number_missing" | "interest_weighing_missing" | "interest_weighing_not_applicable" | "refusal_grounds_missing" | "refusal_other_ground_missing" | "refusal_others_matters_not_discussed" | "refusal_assessment_missing" | "refusal_assessment_too_short" | "refusal_co_decider_name_missing" | "refusal_co_decider_initials_missing" | "refusal_leader_is_lead" | "refusal_reason_time_missing" | "refusal_reason_text_missing" | "room_instruction_without_refusal" | "refusal_details_without_refusal" | "legal_help_time_missing" | "equal_treatment_prior_allowed" | "misuse_kind_missing" | "misuse_description_missing" | "misuse_hr_jura_not_contacted" | "misuse_hr_jura_contact_missing" | "misuse_hr_jura_contacted_before_report" | "misuse_police_assessment_pending" | "misuse_assessment_note_missing";

/** Every error code, for exhaustive dictionaries. */
export const ERROR_CODES: readonly ErrorCode[] = [
  "invalid_input",
  "unknown_field",
  "text_empty",
  "text_too_long",
  "text_control_character",
  "text_cpr_number",
  "time_out_of_range",
  "out_of_range",
  "bad_id",
  "bad_date",
  "bad_path",
  "not_found",
  "record_finished",
  "record_not_finished",
  "record_discarded",
  "already_filed",
  "rule_violation",
  "no_staff",
  "no_key",
  "key_exists",
  "wrong_passphrase",
  "fingerprint_mismatch",
  "admin_key_deployed",
  "passphrase_too_short",
  "passphrase_too_long",
  "missing_glyph",
  "export_conflict",
  "file_access",
  "open_failed",
  "admin_key_missing",
  "cancelled",
  "share_missing",
  "share_permission",
  "share_disk_full",
  "share_timeout",
  "share_io",
  "storage",
  "internal",
];
/** The most characters each free-text field of the record takes (Rust refuses more). */
export const TEXT_LIMITS: Readonly<Record<string, number>> = {
  "meeting.room": 300,
  "meeting.unit": 300,
  "meeting.subject": 300,
  "meeting.case_number": 64,
  "meeting.kle_number": 64,
  "meeting.lead.name": 200,
  "meeting.lead.initials": 16,
  "meeting.counterpart": 200,
  "meeting.bisidder_name": 200,
  "oral_decision.what": 4000,
  "refusal.other_ground": 4000,
  "refusal.assessment": 4000,
  "refusal.co_decider.name": 200,
  "refusal.co_decider.initials": 16,
  "refusal.reason_text": 4000,
  "legal_help.note": 4000,
  "recording.interest_weighing": 4000,
};
