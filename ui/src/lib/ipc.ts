// The only module that talks to the Rust side: one typed wrapper per command,
// and every rejection normalised to an `AppError`.
//
// The types are not written here: they are generated from the Rust types into
// `bindings.ts` (do not edit it; regenerate it from the Rust side). This module
// re-exports them so components import everything IPC-related from one place.
// The editor sends the whole record back with `save_draft`, so the record type
// must be exactly Rust's, which generation guarantees.

import { Channel, invoke } from "@tauri-apps/api/core";
import {
  ERROR_CODES,
  type AdminKeyStatus,
  type AppError,
  type EqualTreatmentSummary,
  type ErrorCode,
  type ErrorParams,
  type ExportResult,
  type ExportedTarget,
  type OverviewQuery,
  type OverviewView,
  type ScanProgress,
  type FolderVerification,
  type KeyStatus,
  type Lang,
  type ListQuery,
  type MeetingKind,
  type MeetingRecord,
  type PolicyTexts,
  type RecordSummary,
  type RecordView,
  type Settings,
  type ShareErrorKind,
  type SettingsView,
  type SyncStatusView,
} from "./bindings";

export type * from "./bindings";
export { ERROR_CODES };

/**
 * The kinds of `SyncStatusView.last_error.kind` (Rust's `sync::ErrorKind`, generated as
 * `ShareErrorKind`). The record below makes a kind added in Rust a type error here; an
 * unknown kind from an older database is shown with general words, never as the raw string.
 */
const SYNC_KIND_SET: Record<ShareErrorKind, true> = {
  share_missing: true,
  permission: true,
  disk_full: true,
  timeout: true,
  io: true,
  invalid_artifact: true,
  symlink: true,
};
export const SYNC_ERROR_KINDS = Object.keys(SYNC_KIND_SET) as readonly ShareErrorKind[];
export type SyncErrorKind = ShareErrorKind;

export function isSyncErrorKind(kind: string): kind is SyncErrorKind {
  return (SYNC_ERROR_KINDS as readonly string[]).includes(kind);
}

// ---- Errors ----------------------------------------------------------------

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === "object" && v !== null && !Array.isArray(v);

export function isErrorCode(code: unknown): code is ErrorCode {
  return typeof code === "string" && (ERROR_CODES as readonly string[]).includes(code);
}

/** Whether `e` is a well-formed `AppError` as Rust serializes it (all four keys). */
export function isAppError(e: unknown): e is AppError {
  if (!isObject(e)) return false;
  const { code, field, params, message } = e;
  return isErrorCode(code) && (field === null || typeof field === "string") && isObject(params) && typeof message === "string";
}

/** Keeps the params the words need, each with the type bindings.ts promises. */
function cleanParams(params: Record<string, unknown>): ErrorParams {
  const out: ErrorParams = {};
  for (const key of ["min", "max", "actual", "code_point", "character", "path"] as const) {
    const value = params[key];
    if (typeof value === "string") out[key] = value;
  }
  if (Array.isArray(params["violations"])) out.violations = params["violations"] as NonNullable<ErrorParams["violations"]>;
  return out;
}

/**
 * Every rejection as an `AppError`. Anything that is not a well-formed one (a
 * Tauri-level failure: an unknown or forbidden command, arguments that do not
 * deserialize, a panic) becomes `internal`, with the original text kept in
 * `message` for the logs only.
 */
export function toAppError(e: unknown): AppError {
  if (isAppError(e)) return { code: e.code, field: e.field, params: cleanParams(e.params), message: e.message };
  const message = e instanceof Error ? e.message : typeof e === "string" ? e : (JSON.stringify(e) ?? String(e));
  return { code: "internal", field: null, params: {}, message };
}

async function call<T>(cmd: string, args: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toAppError(e);
  }
}

// ---- Commands --------------------------------------------------------------

export function listRecords(query: ListQuery): Promise<RecordSummary[]> {
  return call<RecordSummary[]>("list_records", { query });
}

export function createDraft(kind: MeetingKind): Promise<RecordView> {
  return call<RecordView>("create_draft", { kind });
}

export function getRecord(id: string): Promise<RecordView> {
  return call<RecordView>("get_record", { id });
}

export function saveDraft(record: MeetingRecord): Promise<RecordView> {
  return call<RecordView>("save_draft", { record });
}

/** Throws a draft away with a reason (kept in its event log); it disappears from the list. */
export function discardDraft(id: string, reason: string): Promise<void> {
  return call<void>("discard_draft", { id, reason });
}

/**
 * Leaving the editor: Rust discards a draft nothing was ever written into (choosing a
 * meeting kind and going back leaves no empty draft). Answers whether it was discarded.
 */
export function leaveDraft(id: string): Promise<boolean> {
  return call<boolean>("leave_draft", { id });
}

/**
 * A correction (addendum) of the signed note `original`: a new draft with the original's
 * facts, pointing to it. Rust works out the changed fields on every save.
 */
export function createAddendum(original: string, reason: string): Promise<RecordView> {
  return call<RecordView>("create_addendum", { original, reason });
}

/**
 * Marks a signed note as filed in the case (G-NOTICE-CASE), with a receipt signed by the
 * staff key. `filedAt`: RFC 3339. Rejects with `already_filed`, `time_out_of_range` (field
 * `filed_at`, params min/max), `wrong_passphrase`.
 */
export function markFiled(id: string, filedAt: string, documentNumber: string, passphrase: string): Promise<RecordView> {
  // Rust's command takes its arguments in snake_case (rename_all = "snake_case").
  return call<RecordView>("mark_filed", { id, filed_at: filedAt, document_number: documentNumber, passphrase });
}

export function equalTreatment(id: string): Promise<EqualTreatmentSummary> {
  return call<EqualTreatmentSummary>("equal_treatment", { id });
}

export function policyTexts(kind: MeetingKind, lang: Lang): Promise<PolicyTexts> {
  return call<PolicyTexts>("policy_texts", { kind, lang });
}

export function getSettings(): Promise<SettingsView> {
  return call<SettingsView>("get_settings", {});
}

export function saveSettings(settings: Settings): Promise<SettingsView> {
  return call<SettingsView>("save_settings", { settings });
}

export function syncStatus(): Promise<SyncStatusView> {
  return call<SyncStatusView>("sync_status", {});
}

export function syncNow(): Promise<SyncStatusView> {
  return call<SyncStatusView>("sync_now", {});
}

export function keyStatus(): Promise<KeyStatus> {
  return call<KeyStatus>("key_status", {});
}

export function createKey(passphrase: string): Promise<KeyStatus> {
  return call<KeyStatus>("create_key", { passphrase });
}

/** A new key in place of a lost one: the old one is retired, the new one sent for endorsement. */
export function replaceKey(passphrase: string): Promise<KeyStatus> {
  return call<KeyStatus>("replace_key", { passphrase });
}

/** Finishing a record always signs it: there is no unsigned finish. */
export function finishAndSign(id: string, passphrase: string): Promise<RecordView> {
  return call<RecordView>("finish_and_sign", { id, passphrase });
}

/** `null`: the user cancelled the folder dialog (which Rust opens). */
export function exportNote(id: string): Promise<ExportResult | null> {
  return call<ExportResult | null>("export_note", { id });
}

/** Opens the exported PDF or its folder with the desktop's own program. */
export function openExported(id: string, target: ExportedTarget): Promise<void> {
  return call<void>("open_exported", { id, target });
}

/**
 * The checks of a note folder and where its signer stands with the administration;
 * `null`: the user cancelled the folder dialog.
 */
export function verifyNoteFolder(): Promise<FolderVerification | null> {
  return call<FolderVerification | null>("verify_note_folder", {});
}

/** Where this PC's administration key comes from (installed by IT, confirmed here, or none). */
export function adminKeyStatus(): Promise<AdminKeyStatus> {
  return call<AdminKeyStatus>("admin_key_status", {});
}

/**
 * Takes the administration's public key (the `.pub` file's text) when `fingerprint`, typed
 * from what IT gave out of band, matches it. Rejects with `fingerprint_mismatch` (field
 * `admin_fingerprint`), `invalid_input` (field `admin_key`: not a key) or
 * `admin_key_deployed` (IT's installed key is not changed here).
 */
export function confirmAdminKey(publicKey: string, fingerprint: string): Promise<AdminKeyStatus> {
  return call<AdminKeyStatus>("confirm_admin_key", { public_key: publicKey, fingerprint });
}

/**
 * Reads the share into the overview and counts; `onprogress` hears how far a (slow, first)
 * run is. Stop it with {@link cancelOverview}: it then rejects with code `cancelled`.
 */
export function runOverview(query: OverviewQuery, onprogress: (p: ScanProgress) => void): Promise<OverviewView> {
  const channel = new Channel<ScanProgress>();
  channel.onmessage = onprogress;
  return call<OverviewView>("overview", { query, on_progress: channel });
}

export function cancelOverview(): Promise<void> {
  return call<void>("cancel_overview", {});
}

/** Writes the counts as CSV into a folder the user picks; the file's path, or null. */
export function exportOverviewCsv(query: OverviewQuery, danishExcel: boolean): Promise<string | null> {
  return call<string | null>("export_overview_csv", { query, danish_excel: danishExcel });
}
