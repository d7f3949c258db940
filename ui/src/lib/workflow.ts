// Display logic of the record editor: which step a field is on, which notices
// the screen lists for the situation, the role words for the meeting kind.
// The rules themselves live in Rust (`rules.rs`); nothing here decides whether
// a record may be finished. `situation` mirrors `rules::situation` only to
// choose what to show while a draft is edited, before the next save answers
// with Rust's own `RecordView.situation` and `applicable_notices`; a finished
// record is shown with Rust's.

import type { MeetingRecord, NoticeTextsView, PolicyTexts, RecordingOrigin, RoleWords, Situation, Violation } from "./ipc";

export const STEPS = ["meeting", "recording", "details", "review"] as const;
export type Step = (typeof STEPS)[number];

/**
 * Outside the guideline (mirrors `rules::is_outside_guideline`): an employee meeting not of
 * official character, or a recording the municipality itself wants.
 */
export function outsideGuideline(record: MeetingRecord): boolean {
  return (
    (record.meeting.kind === "employee" && record.meeting.official_character === false) ||
    record.recording.origin === "municipality_wants"
  );
}

/** A recording came up that the guideline is about (not unanswered, none or the municipality's). */
export function recordingCameUp(origin: RecordingOrigin | null): boolean {
  return origin === "asked_first" || origin === "open_without_asking" || origin === "discovered_hidden";
}

/** Mirrors `rules::situation` (SPEC section 1, last paragraph). */
export function situation(record: MeetingRecord): Situation | null {
  if (outsideGuideline(record)) return null;
  const { decision, origin } = record.recording;
  if (!recordingCameUp(origin)) return null;
  if (decision === "allowed") return "recorded";
  if (decision === "refused") return "refused";
  if (origin === "open_without_asking" || origin === "discovered_hidden") return "recorded";
  return null;
}

/**
 * G-WEIGH (mirrors `rules::weighing_required`): others' personal matters are discussed and
 * the recording goes ahead, so the interesseafvejning must be written.
 */
export function weighingRequired(record: MeetingRecord): boolean {
  return situation(record) === "recorded" && record.meeting.others_matters_discussed;
}

export interface NoticeItem {
  id: string;
  title: string;
  /** What the note states was said (shown small). */
  text: string;
  /** What staff can say aloud, in plain words (shown prominently); "" when the policy has none. */
  say: string;
  recommended: boolean;
  givenAt: string | null;
}

/**
 * The policy's notices that apply to the situation, with the text for it.
 * `ids`: the notice ids Rust says apply (`RecordView.applicable_notices`); without
 * them, the policy's `applies_to` decides.
 */
export function applicableNotices(
  notices: readonly NoticeTextsView[],
  sit: Situation | null,
  given: Readonly<Partial<Record<string, string>>>,
  ids?: readonly string[],
): NoticeItem[] {
  if (sit === null) return [];
  return notices
    .filter((n) => (ids === undefined ? n.applies_to.includes(sit) : ids.includes(n.id)))
    .map((n) => ({
      id: n.id,
      title: n.title,
      text: (sit === "recorded" ? n.text_recorded : n.text_refused) ?? "",
      say: (sit === "recorded" ? n.say_recorded : n.say_refused) ?? "",
      recommended: n.level === "recommended",
      givenAt: given[n.id] ?? null,
    }));
}

/** The DOM id of the control for a record field path ("refusal.co_decider.name"). */
export function fieldId(path: string): string {
  return "f-" + path.replace(/[._]/g, "-");
}

/** The editor step that holds a field. Fields without a control belong to the review. */
export function stepFor(path: string): Step {
  const head = path.split(".")[0] ?? "";
  switch (head) {
    case "meeting":
      return "meeting";
    case "recording":
      return "recording";
    case "notices":
    case "oral_decision":
    case "refusal":
    case "legal_help":
      return "details";
    default:
      // addendum_to.reason is edited on the review itself.
      return "review";
  }
}

/** Whether the review can link to a control for this field. */
export function hasControl(path: string): boolean {
  return stepFor(path) !== "review" || path === "addendum_to.reason";
}

export function blocking(violations: readonly Violation[]): Violation[] {
  return violations.filter((v) => v.severity === "blocking");
}

/** Blocking violations per step, for the step badges. */
export function countByStep(violations: readonly Violation[]): Record<Step, number> {
  const out: Record<Step, number> = { meeting: 0, recording: 0, details: 0, review: 0 };
  for (const v of blocking(violations)) out[stepFor(v.field)] += 1;
  return out;
}

/** The first violation (blocking first) for each field. */
export function violationsByField(violations: readonly Violation[]): Map<string, Violation> {
  const out = new Map<string, Violation>();
  const ordered = [...blocking(violations), ...violations.filter((v) => v.severity !== "blocking")];
  for (const v of ordered) if (!out.has(v.field)) out.set(v.field, v);
  return out;
}

/** The policy's message for a violation, with a notice's title filled in. */
export function violationMessage(texts: PolicyTexts, v: Violation): string {
  const text = texts.messages[v.code] ?? v.code;
  if (!text.includes("{notice}")) return text;
  const id = v.field.startsWith("notices.") ? v.field.slice("notices.".length) : "";
  const title = texts.notices.find((n) => n.id === id)?.title ?? id;
  return text.replaceAll("{notice}", title);
}

const capitalise = (s: string): string => (s === "" ? s : s.charAt(0).toUpperCase() + s.slice(1));

/**
 * Placeholders for the UI's own texts: {counterpart} "borger", {Counterpart}
 * "Borger", {counterpartDefinite} "borgeren", {staff} "medarbejder", …
 */
export function roleParams(roles: RoleWords): Record<string, string> {
  return {
    counterpart: roles.counterpart,
    Counterpart: capitalise(roles.counterpart),
    counterpartDefinite: roles.counterpart_definite,
    CounterpartDefinite: capitalise(roles.counterpart_definite),
    staff: roles.staff,
    Staff: capitalise(roles.staff),
    staffDefinite: roles.staff_definite,
    StaffDefinite: capitalise(roles.staff_definite),
  };
}

/** Now as an RFC 3339 UTC timestamp with whole seconds, as stored in the record. */
export function isoNow(now: Date = new Date()): string {
  return new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString().replace(".000Z", "Z");
}

/** Ticks or unticks a notice: ticking stores when, unticking removes it. */
export function setNotice(record: MeetingRecord, id: string, given: boolean, now: Date = new Date()): void {
  if (given) {
    record.notices[id] = isoNow(now);
  } else {
    delete record.notices[id];
  }
}

/** A refusal's grounds, assessment, co-decider or reason are filled in (mirrors `rules::has_refusal_details`). */
export function hasRefusalDetails(record: MeetingRecord): boolean {
  const r = record.refusal;
  return (
    r.grounds.length > 0 ||
    r.other_ground.trim() !== "" ||
    r.assessment.trim() !== "" ||
    r.co_decider.name.trim() !== "" ||
    r.co_decider.initials.trim() !== "" ||
    r.reason_given_at !== null ||
    r.reason_text.trim() !== ""
  );
}

/**
 * A record that is not refused cannot carry a refusal's details (Rust refuses it with
 * `refusal_details_without_refusal`): cleared when the decision leaves "refused".
 */
export function clearRefusalDetails(record: MeetingRecord): void {
  record.refusal = {
    grounds: [],
    other_ground: "",
    assessment: "",
    co_decider: { name: "", initials: "" },
    reason_given_at: null,
    reason_text: "",
    // The room instruction exists only as part of a refusal (G-REFUSE-ROOM).
    room_instruction: false,
  };
}

/**
 * Staff choose how the recording came up; nothing is preselected (the record starts with
 * `null`). G-DEFAULT: once a recording has come up, "allowed" is the visible default
 * choice, and showing it selected is staff's choice (the record says so). Choosing "no
 * recording" or "the municipality wants to record" clears what only makes sense with a
 * recording the guideline is about.
 */
export function chooseOrigin(record: MeetingRecord, origin: RecordingOrigin): void {
  const r = record.recording;
  r.origin = origin;
  if (!recordingCameUp(origin)) {
    r.decision = null;
    r.video_scope = null;
    r.disclosure_encouraged_at = null;
    clearRefusalDetails(record);
  } else if (r.decision === null) {
    r.decision = "allowed";
  }
  if (origin !== "open_without_asking" && origin !== "discovered_hidden") {
    r.disclosure_encouraged_at = null;
  }
}

export function chooseMedium(record: MeetingRecord, medium: MeetingRecord["recording"]["medium"]): void {
  record.recording.medium = medium;
  // Only a video request is decided with a scope; nothing is assumed for it.
  if (medium === "sound") record.recording.video_scope = null;
}

export function refuse(record: MeetingRecord): void {
  record.recording.decision = "refused";
  record.recording.video_scope = null;
}

export function undoRefusal(record: MeetingRecord): void {
  record.recording.decision = "allowed";
  clearRefusalDetails(record);
}

/** The text at a dotted path of the record, when it is a text ("meeting.counterpart"). */
export function textAt(record: unknown, path: string): string | null {
  let at: unknown = record;
  for (const part of path.split(".")) {
    if (typeof at !== "object" || at === null) return null;
    at = (at as Record<string, unknown>)[part];
  }
  return typeof at === "string" ? at : null;
}

/** Sets the text at a dotted path of the record; false when there is no text there. */
export function setTextAt(record: unknown, path: string, value: string): boolean {
  const parts = path.split(".");
  const last = parts.pop();
  let at: unknown = record;
  for (const part of parts) {
    if (typeof at !== "object" || at === null) return false;
    at = (at as Record<string, unknown>)[part];
  }
  if (last === undefined || typeof at !== "object" || at === null) return false;
  const obj = at as Record<string, unknown>;
  if (typeof obj[last] !== "string") return false;
  obj[last] = value;
  return true;
}

/** What a step needs to know about each field: its message and CPR warning. */
export interface FieldHelp {
  /**
   * What to show by the field, or null: the words for Rust's refusal of the last
   * save when it names this field, else the rule message (once the review was seen).
   */
  message: (path: string) => string | null;
  /** The last save was refused because of this field (the control is marked invalid). */
  rejected: (path: string) => boolean;
  cpr: (path: string) => boolean;
  /**
   * Rust refused to save this field's text because it looks like a CPR number: the field
   * keeps what was typed, with the warning, and is saved once corrected.
   */
  cprRefused: (path: string) => boolean;
}
