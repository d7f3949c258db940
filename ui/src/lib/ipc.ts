// The only module that talks to the Rust side: one typed wrapper per command,
// and every rejection normalised to an `AppError`.
//
// The types are not written here: they are generated from the Rust types into
// `bindings.ts` (do not edit it; regenerate it from the Rust side). This module
// re-exports them so components import everything IPC-related from one place.
// The editor sends the whole record back with `save_draft`, so the record type
// must be exactly Rust's, which generation guarantees.

import { invoke } from "@tauri-apps/api/core";
import {
  ERROR_CODES,
  type AppError,
  type EqualTreatmentSummary,
  type ErrorCode,
  type ErrorParams,
  type ExportResult,
  type KeyStatus,
  type Lang,
  type ListQuery,
  type MeetingKind,
  type MeetingRecord,
  type PolicyTexts,
  type RecordSummary,
  type RecordView,
  type Settings,
  type SettingsView,
  type SyncStatusView,
  type VerifyReport,
} from "./bindings";

export type * from "./bindings";
export { ERROR_CODES };

/**
 * The kinds of `SyncStatusView.last_error.kind` (Rust's `sync::ErrorKind::as_str`).
 * bindings.ts types `kind` as a plain string, so the set is mirrored here; an
 * unknown kind is shown with general words, never as the raw string.
 */
export const SYNC_ERROR_KINDS = ["share_missing", "permission", "disk_full", "timeout", "io", "invalid_artifact"] as const;
export type SyncErrorKind = (typeof SYNC_ERROR_KINDS)[number];

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

/** Finishing a record always signs it: there is no unsigned finish. */
export function finishAndSign(id: string, passphrase: string): Promise<RecordView> {
  return call<RecordView>("finish_and_sign", { id, passphrase });
}

/** `null`: the user cancelled the folder dialog (which Rust opens). */
export function exportNote(id: string): Promise<ExportResult | null> {
  return call<ExportResult | null>("export_note", { id });
}

/** `null`: the user cancelled the folder dialog. */
export function verifyNoteFolder(): Promise<VerifyReport | null> {
  return call<VerifyReport | null>("verify_note_folder", {});
}
