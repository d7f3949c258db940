// The only module that talks to the Rust side. Every command has a typed
// wrapper; every rejection is normalised to an `IpcError`.

import { invoke } from "@tauri-apps/api/core";

export type ErrorCode = "invalid_input" | "not_found" | "storage" | "rule_violation" | "internal";
export interface IpcError {
  code: ErrorCode;
  message: string;
}

export type MeetingKind = "citizen" | "employee";
export type RecordState = "draft" | "finished";

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

export const ERROR_CODES: readonly ErrorCode[] = ["invalid_input", "not_found", "storage", "rule_violation", "internal"];

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

async function call<T>(cmd: string, args: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(cmd, args);
  } catch (e) {
    throw toIpcError(e);
  }
}

export function listRecords(query: ListQuery): Promise<RecordSummary[]> {
  return call<RecordSummary[]>("list_records", { query });
}

export function createDraft(kind: MeetingKind): Promise<RecordSummary> {
  return call<RecordSummary>("create_draft", { input: { kind } });
}
