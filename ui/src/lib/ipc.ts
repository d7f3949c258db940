// The only module that talks to the Rust side. Every command has a typed
// wrapper; every rejection is normalised to an `IpcError`.
//
// The record types mirror `src-tauri/core/src/domain/record.rs` exactly
// (snake_case field names and enum values): the editor sends the whole record
// back with `save_draft`, so a field missing here would be lost.

import { invoke } from "@tauri-apps/api/core";

export type ErrorCode =
  | "invalid_input"
  | "not_found"
  | "storage"
  | "rule_violation"
  | "wrong_passphrase"
  | "no_key"
  | "internal";
export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type MeetingKind = "citizen" | "employee";
export type RecordState = "draft" | "finished";
export type Lang = "da" | "en";

export interface RecordSummary {
  id: string;
  state: RecordState;
  kind: MeetingKind;
  createdAt: string;
  updatedAt: string;
  subject: string;
  unit: string;
  caseNumber: string;
  counterpart: string;
}

export interface ListQuery {
  text: string | null;
  limit: number;
}

// ---- The meeting record (record.rs) -------------------------------------

export type Channel = "in_person" | "phone" | "video_call" | "home_visit";
export type RecordingOrigin = "none" | "asked_first" | "open_without_asking" | "discovered_hidden";
export type Medium = "sound" | "video_requested";
export type Decision = "allowed" | "refused";
export type VideoScope = "sound_only" | "video_allowed";
export type RecordingReason = "note_taking_difficulty" | "memory_or_concentration" | "for_absent_bisidder" | "other";
export type RefusalGround = "harassment" | "others_matters" | "other";

export interface StaffMember {
  name: string;
  initials: string;
}

export interface Meeting {
  kind: MeetingKind;
  official_character: boolean | null;
  channel: Channel | null;
  starts_at: string | null;
  ends_at: string | null;
  room: string;
  unit: string;
  subject: string;
  case_number: string;
  kle_number: string;
  lead: StaffMember;
  counterpart: string;
  bisidder_present: boolean;
  bisidder_name: string;
  others_matters_discussed: boolean;
}

export interface Recording {
  origin: RecordingOrigin;
  medium: Medium;
  decision: Decision | null;
  video_scope: VideoScope | null;
  reasons: RecordingReason[];
  disclosure_encouraged_at: string | null;
}

export interface OralDecision {
  made: boolean | null;
  what: string;
}

export interface Refusal {
  grounds: RefusalGround[];
  other_ground: string;
  assessment: string;
  co_decider: StaffMember;
  reason_given_at: string | null;
  reason_text: string;
  room_instruction: boolean;
}

export interface LegalHelp {
  consulted_at: string | null;
  note: string;
}

export interface MeetingRecord {
  format_version: number;
  id: string;
  state: RecordState;
  created_at: string;
  updated_at: string;
  finished_at: string | null;
  policy: { id: string; version: string; hash: string };
  meeting: Meeting;
  recording: Recording;
  notices: Record<string, string>;
  oral_decision: OralDecision;
  refusal: Refusal;
  legal_help: LegalHelp;
  case_filed_at: string | null;
  addendum_to: { record_id: string; content_hash: string } | null;
}

export type Severity = "blocking" | "advisory";
export interface Violation {
  rule: string;
  field: string;
  code: string;
  severity: Severity;
}

export interface RecordView {
  record: MeetingRecord;
  violations: Violation[];
  cprWarnings: string[];
}

// ---- Policy texts (policy_texts.rs) --------------------------------------

export type Situation = "recorded" | "refused";
export interface RoleWords {
  counterpart: string;
  counterpart_definite: string;
  staff: string;
  staff_definite: string;
}
export interface NoticeTexts {
  id: string;
  rule: string;
  level: "required" | "recommended";
  appliesTo: Situation[];
  title: string;
  textRecorded: string | null;
  textRefused: string | null;
}
export interface GroundTexts {
  ground: RefusalGround;
  label: string;
  title: string;
  text: string;
}
export interface PolicyTexts {
  policyId: string;
  policyVersion: string;
  municipality: string;
  roles: RoleWords;
  minAssessmentChars: number;
  notices: NoticeTexts[];
  grounds: GroundTexts[];
  texts: Record<string, string>;
  labels: Record<string, Record<string, string>>;
  messages: Record<string, string>;
}

// ---- Equal treatment (equal_treatment.rs; snake_case, no rename) --------

export interface DecisionCounts {
  requests: number;
  allowed: number;
  refused: number;
  refused_by_ground: Partial<Record<RefusalGround, number>>;
  unannounced: number;
}
export interface EqualTreatmentSummary {
  unit_name: string;
  unit: DecisionCounts;
  municipality: DecisionCounts;
}

// ---- Settings --------------------------------------------------------------

export interface Settings {
  staff: StaffMember;
  units: string[];
  rooms: string[];
  language: Lang;
  shareDir: string;
}
export interface SettingsView {
  settings: Settings;
  dataDir: string;
  effectiveShareDir: string;
}

// ---- Keys, signing, export, verification, sync (issues 5 and 6) ---------

export interface KeyStatus {
  exists: boolean;
  keyId: string | null;
  signerName: string | null;
  signerInitials: string | null;
  publicKeyPath: string | null;
}
export interface ExportResult {
  folder: string;
  files: string[];
}
export interface VerifyCheck {
  file: string;
  ok: boolean;
  reason: string | null;
}
export interface VerifyResult {
  ok: boolean;
  noteId: string | null;
  checks: VerifyCheck[];
  /** The signing key is this PC's own or published on the share (not only the folder's own). */
  signerKnown: boolean;
}
export interface SyncConflict {
  noteId: string;
  file: string;
  detectedAt: string;
}
export interface SyncStatus {
  pending: number;
  oldestPendingAgeSeconds: number | null;
  lastSuccessAt: string | null;
  lastError: { kind: string; message: string } | null;
  conflicts: SyncConflict[];
  running: boolean;
  shareDir: string;
}

// ---- Errors ----------------------------------------------------------------

export const ERROR_CODES: readonly ErrorCode[] = [
  "invalid_input",
  "not_found",
  "storage",
  "rule_violation",
  "wrong_passphrase",
  "no_key",
  "internal",
];

export function isIpcError(e: unknown): e is IpcError {
  if (typeof e !== "object" || e === null) return false;
  const { code, message } = e as { code?: unknown; message?: unknown };
  return typeof code === "string" && (ERROR_CODES as readonly string[]).includes(code) && typeof message === "string";
}

/**
 * Anything that is not a well-formed `IpcError` (e.g. a plain string from a
 * missing command or a panic) becomes an `internal` error.
 */
export function toIpcError(e: unknown): IpcError {
  if (isIpcError(e)) return { code: e.code, message: e.message };
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : JSON.stringify(e) ?? String(e);
  return { code: "internal", message };
}

/**
 * True when the Rust side does not offer the command (not registered in this
 * build, or not granted by the capability). Tauri answers such calls with a
 * plain string, which `toIpcError` turns into `internal`.
 */
export function isMissingCommand(e: IpcError): boolean {
  return e.code === "internal" && /not (found|allowed)/i.test(e.message);
}

/**
 * The field an `invalid_input` error names: Rust's messages start with the
 * field path ("meeting.counterpart: longer than 200 characters").
 */
export function invalidInputField(e: IpcError): string | null {
  if (e.code !== "invalid_input") return null;
  const m = /^([a-z_]+(?:\.[a-z_0-9]+)*):/i.exec(e.message.trim());
  return m?.[1] ?? null;
}

async function call<T>(cmd: string, args: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

// ---- Commands --------------------------------------------------------------

export function listRecords(query: ListQuery): Promise<RecordSummary[]> {
  return call<RecordSummary[]>("list_records", { query });
}

export function createDraft(kind: MeetingKind): Promise<RecordSummary> {
  return call<RecordSummary>("create_draft", { input: { kind } });
}

export function getRecord(id: string): Promise<RecordView> {
  return call<RecordView>("get_record", { id });
}

export function saveDraft(record: MeetingRecord): Promise<RecordView> {
  return call<RecordView>("save_draft", { record });
}

export function finishRecord(id: string): Promise<RecordView> {
  return call<RecordView>("finish_record", { id });
}

export function equalTreatment(id: string): Promise<EqualTreatmentSummary> {
  return call<EqualTreatmentSummary>("equal_treatment", { id });
}

export function getSettings(): Promise<SettingsView> {
  return call<SettingsView>("get_settings", {});
}

export function saveSettings(settings: Settings): Promise<SettingsView> {
  return call<SettingsView>("save_settings", { settings });
}

export function policyTexts(kind: MeetingKind, lang: Lang): Promise<PolicyTexts> {
  return call<PolicyTexts>("policy_texts", { kind, lang });
}

export function keyStatus(): Promise<KeyStatus> {
  return call<KeyStatus>("key_status", {});
}

export function createKey(passphrase: string): Promise<KeyStatus> {
  return call<KeyStatus>("create_key", { passphrase });
}

export function finishAndSign(id: string, passphrase: string): Promise<RecordView> {
  return call<RecordView>("finish_and_sign", { id, passphrase });
}

/** `null`: the user cancelled the folder dialog (which Rust opens). */
export function exportNote(id: string): Promise<ExportResult | null> {
  return call<ExportResult | null>("export_note", { id });
}

/** `null`: the user cancelled the folder dialog. */
export function verifyNoteFolder(): Promise<VerifyResult | null> {
  return call<VerifyResult | null>("verify_note_folder", {});
}

export function syncStatus(): Promise<SyncStatus> {
  return call<SyncStatus>("sync_status", {});
}

export function syncNow(): Promise<SyncStatus> {
  return call<SyncStatus>("sync_now", {});
}
