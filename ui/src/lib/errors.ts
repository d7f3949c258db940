// The words for what Rust answers with in codes: an `AppError` (code, field,
// params), a verification finding, a sync error kind. Always from the code and
// params; `AppError.message` and `Check.reason` are English for logs and
// support, never the explanation a user reads.

import { formatDateTime, formatDay } from "./datetime";
import { codedWords, fillTemplate, translate, type Lang, type MessageKey } from "./i18n";
import { getLang, t } from "./i18n.svelte";
import { isSyncErrorKind, type AppError, type Check, type NoticeTextsView, type RoleWords } from "./ipc";
import { roleParams } from "./workflow";

/** What the words for a field may need: the role words of the meeting kind, the policy's notices. */
export interface FieldContext {
  roles?: RoleWords;
  notices?: readonly NoticeTextsView[];
}

/**
 * The label of each field path Rust can name (the record's and the settings'),
 * reusing the labels the screens and the summary already show. Paths are those
 * of `MeetingRecord` and `Settings` in bindings.ts (and `passphrase`, `query.*`,
 * `admin_key`/`admin_fingerprint` of `confirm_admin_key`, `reason` of `discard_draft` and
 * `create_addendum`, `filed_at`/`document_number` of `mark_filed`).
 */
const FIELD_LABELS: Readonly<Record<string, MessageKey>> = {
  "meeting.kind": "summary.kind",
  "meeting.official_character": "summary.official",
  "meeting.channel": "summary.channel",
  "meeting.starts_at": "meeting.startsAt",
  "meeting.ends_at": "field.endsAt",
  "meeting.room": "summary.room",
  "meeting.unit": "summary.unit",
  "meeting.subject": "summary.subject",
  "meeting.case_number": "summary.caseNumber",
  "meeting.kle_number": "summary.kle",
  "meeting.lead.name": "field.lead.name",
  "meeting.lead.initials": "field.lead.initials",
  "meeting.counterpart": "summary.counterpart",
  "meeting.bisidder_present": "summary.bisidder",
  "meeting.bisidder_name": "meeting.bisidderName",
  "meeting.others_matters_discussed": "summary.othersMatters",
  "recording.origin": "summary.origin",
  "recording.medium": "summary.medium",
  "recording.decision": "summary.decision",
  "recording.video_scope": "summary.videoScope",
  "recording.reasons": "summary.reasons",
  "recording.disclosure_encouraged_at": "summary.encouraged",
  "recording.interest_weighing": "recording.weighing.label",
  "oral_decision.made": "summary.oral",
  "oral_decision.what": "details.oral.what",
  "refusal.grounds": "summary.grounds",
  "refusal.other_ground": "field.otherGround",
  "refusal.assessment": "summary.assessment",
  "refusal.co_decider.name": "field.coDecider.name",
  "refusal.co_decider.initials": "field.coDecider.initials",
  "refusal.reason_given_at": "summary.reasonGiven",
  "refusal.reason_text": "field.reasonText",
  "refusal.room_instruction": "summary.roomInstruction",
  "legal_help.consulted_at": "summary.legalHelp",
  "legal_help.note": "field.legalNote",
  "addendum_to.reason": "field.addendumReason",
  // discard_draft's and create_addendum's `reason`, mark_filed's `filed_at` and `document_number`.
  reason: "field.reason",
  filed_at: "field.filedAt",
  document_number: "field.documentNumber",
  "staff.name": "settings.staff.name",
  "staff.initials": "settings.staff.initials",
  units: "field.units",
  rooms: "field.rooms",
  language: "settings.language",
  share_dir: "field.shareDir",
  passphrase: "field.passphrase",
  admin_key: "field.adminKey",
  admin_fingerprint: "field.adminFingerprint",
  "query.text": "start.search.label",
};

/** `units[3]` → `units`: an element is named by its list. */
export function normaliseFieldPath(path: string): string {
  return path.replace(/\[\d+\]/g, "");
}

/**
 * A field path in words ("meeting.subject" → "Emne"), or null when the UI has no
 * name for it (the words then do without).
 */
export function fieldLabel(lang: Lang, path: string, ctx: FieldContext = {}): string | null {
  const p = normaliseFieldPath(path);
  if (p.startsWith("notices.")) {
    const id = p.slice("notices.".length);
    return ctx.notices?.find((n) => n.id === id)?.title ?? null;
  }
  const key = FIELD_LABELS[p];
  if (key === undefined) return null;
  const label = translate(lang, key, ctx.roles ? roleParams(ctx.roles) : undefined);
  // A label that needs the role words cannot be shown without them.
  return /\{\w+\}/.test(label) ? null : label;
}

/** The words for an error, in `lang`, naming its field and filling in its numbers. */
export function describeError(lang: Lang, error: AppError, ctx: FieldContext = {}): string {
  const p = error.params;
  // Bounds of the years a record may hold are UTC midnights, said as days; a bound that is
  // a moment (a note's signing, now) is said with its time.
  const day = (iso: string | undefined): string | undefined => {
    if (iso === undefined) return undefined;
    const d = new Date(iso);
    const midnight = !Number.isNaN(d.getTime()) && d.getTime() % 86_400_000 === 0;
    return midnight ? formatDay(iso, lang) : formatDateTime(iso, lang);
  };
  const time = error.code === "time_out_of_range";
  return fillTemplate(codedWords[lang].error[error.code], {
    field: error.field === null ? undefined : (fieldLabel(lang, error.field, ctx) ?? undefined),
    min: time ? day(p.min) : p.min,
    max: time ? day(p.max) : p.max,
    actual: p.actual,
    code_point: p.code_point,
    character: p.character,
    path: p.path,
  });
}

/** `describeError` in the current language (reactive in templates). */
export function errorText(error: AppError, ctx: FieldContext = {}): string {
  return describeError(getLang(), error, ctx);
}

/** What a verification finding says about its file, in the current language. */
export function verifyCheckText(check: Check): string {
  if (check.code !== null) return codedWords[getLang()].verify[check.code];
  return check.ok ? t("settings.verify.fileOk") : t("settings.verify.fileFailed");
}

/** Why the last sync attempt failed, in the current language. */
export function syncKindText(kind: string): string {
  return isSyncErrorKind(kind) ? codedWords[getLang()].syncKind[kind] : t("sync.kindUnknown");
}
