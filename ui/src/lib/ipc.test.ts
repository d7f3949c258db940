import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { appError, draftRecord, view } from "../testdata";
import * as ipc from "./ipc";
import {
  createDraft,
  isAppError,
  isSyncErrorKind,
  listRecords,
  saveSettings,
  toAppError,
  type RecordSummary,
  type RecordView,
} from "./ipc";

afterEach(() => {
  clearMocks();
});

const sample: RecordSummary = {
  id: "r1",
  state: "draft",
  kind: "citizen",
  created_at: "2026-11-28T13:05:00Z",
  updated_at: "2026-11-28T13:05:00Z",
  subject: "",
  unit: "",
  case_number: "",
  counterpart: "",
  meeting_starts_at: null,
  decision: null,
  sync_state: null,
  filed_at: null,
  conflict_files: [],
};

describe("isAppError / toAppError", () => {
  it("accepts well-formed AppErrors only", () => {
    expect(isAppError(appError("storage"))).toBe(true);
    expect(isAppError(appError("text_too_long", "meeting.subject", { max: "300", actual: "301" }))).toBe(true);
    expect(isAppError({ code: "bogus", field: null, params: {}, message: "x" })).toBe(false);
    // The old shape ({code, message}) is not an AppError any more.
    expect(isAppError({ code: "storage", message: "disk full" })).toBe(false);
    expect(isAppError({ code: "storage", field: 3, params: {}, message: "m" })).toBe(false);
    expect(isAppError({ code: "storage", field: null, params: null, message: "m" })).toBe(false);
    expect(isAppError({ code: "storage", field: null, params: {} })).toBe(false);
    expect(isAppError("command not found")).toBe(false);
    expect(isAppError(null)).toBe(false);
  });

  it("normalises anything else to internal, with no field and no params", () => {
    expect(toAppError("boom")).toEqual({ code: "internal", field: null, params: {}, message: "boom" });
    expect(toAppError(new Error("x"))).toEqual({ code: "internal", field: null, params: {}, message: "x" });
    expect(toAppError({ code: "not_found", message: "m" })).toEqual({
      code: "internal",
      field: null,
      params: {},
      message: '{"code":"not_found","message":"m"}',
    });
  });

  it("keeps the four keys and only the params with the promised types", () => {
    const e = { ...appError("text_too_long", "meeting.subject", { max: "300", actual: "301" }), extra: 1 };
    (e.params as Record<string, unknown>)["bogus"] = "x";
    (e.params as Record<string, unknown>)["min"] = 5;
    expect(toAppError(e)).toEqual({
      code: "text_too_long",
      field: "meeting.subject",
      params: { max: "300", actual: "301" },
      message: e.message,
    });
  });

  it("knows every code bindings.ts lists, and the sync error kinds", () => {
    for (const code of ipc.ERROR_CODES) expect(isAppError(appError(code))).toBe(true);
    expect(isSyncErrorKind("share_missing")).toBe(true);
    expect(isSyncErrorKind("invalid_artifact")).toBe(true);
    expect(isSyncErrorKind("something_new")).toBe(false);
  });
});

describe("command wrappers", () => {
  it("send each command's arguments under Rust's names", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return null;
    });
    const record = draftRecord();
    const settings = { staff: { name: "A", initials: "B" }, units: [], rooms: [], language: "da", share_dir: "" } as const;
    await ipc.listRecords({ text: "abc", limit: 10 });
    await ipc.createDraft("employee");
    await ipc.getRecord("r1");
    await ipc.saveDraft(record);
    await ipc.equalTreatment("r1");
    await ipc.policyTexts("citizen", "en");
    await ipc.getSettings();
    await ipc.saveSettings({ ...settings, units: [], rooms: [] });
    await ipc.syncStatus();
    await ipc.syncNow();
    await ipc.keyStatus();
    await ipc.createKey("hemmelig kode");
    await ipc.finishAndSign("r1", "hemmelig kode");
    await ipc.exportNote("r1");
    await ipc.verifyNoteFolder();
    await ipc.adminKeyStatus();
    await ipc.confirmAdminKey("untrusted comment: x\nRWQ…", "ABCD 1234");
    await ipc.discardDraft("r1", "Oprettet ved en fejl");
    await ipc.leaveDraft("r1");
    await ipc.createAddendum("r1", "Forkert sagsnummer");
    await ipc.markFiled("r1", "2026-11-06T11:05:00Z", "4711", "hemmelig kode");
    expect(calls).toEqual([
      ["list_records", { query: { text: "abc", limit: 10 } }],
      ["create_draft", { kind: "employee" }],
      ["get_record", { id: "r1" }],
      ["save_draft", { record }],
      ["equal_treatment", { id: "r1" }],
      ["policy_texts", { kind: "citizen", lang: "en" }],
      ["get_settings", {}],
      ["save_settings", { settings: { ...settings, units: [], rooms: [] } }],
      ["sync_status", {}],
      ["sync_now", {}],
      ["key_status", {}],
      ["create_key", { passphrase: "hemmelig kode" }],
      ["finish_and_sign", { id: "r1", passphrase: "hemmelig kode" }],
      ["export_note", { id: "r1" }],
      ["verify_note_folder", {}],
      ["admin_key_status", {}],
      // Rust's command takes its arguments in snake_case (rename_all = "snake_case").
      ["confirm_admin_key", { public_key: "untrusted comment: x\nRWQ…", fingerprint: "ABCD 1234" }],
      ["discard_draft", { id: "r1", reason: "Oprettet ved en fejl" }],
      ["leave_draft", { id: "r1" }],
      ["create_addendum", { original: "r1", reason: "Forkert sagsnummer" }],
      // snake_case, as the command declares (rename_all = "snake_case").
      ["mark_filed", { id: "r1", filed_at: "2026-11-06T11:05:00Z", document_number: "4711", passphrase: "hemmelig kode" }],
    ]);
  });

  it("list_records passes the generated ListQuery as it is", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return [sample];
    });
    await expect(listRecords({ limit: 10, state: "draft", from: "2026-01-01" })).resolves.toEqual([sample]);
    expect(calls).toEqual([["list_records", { query: { limit: 10, state: "draft", from: "2026-01-01" } }]]);
  });

  it("create_draft sends { kind } and answers with the new record's view", async () => {
    const created: RecordView = view(draftRecord("employee"));
    mockIPC(() => created);
    const answer = await createDraft("employee");
    expect(answer.record.meeting.kind).toBe("employee");
    expect(answer.record.id).toBe(created.record.id);
  });

  it("rejects with the AppError from Rust", async () => {
    const err = appError("share_missing", "share_dir", {}, "/mnt/x: not mounted");
    mockIPC(() => {
      throw err;
    });
    await expect(
      saveSettings({ staff: { name: "", initials: "" }, units: [], rooms: [], language: "da", share_dir: "/mnt/x" }),
    ).rejects.toEqual(err);
  });

  it("turns a Tauri-level rejection (a plain string) into an internal error", async () => {
    mockIPC(() => {
      throw "command list_records not found";
    });
    await expect(listRecords({ limit: 1 })).rejects.toEqual({
      code: "internal",
      field: null,
      params: {},
      message: "command list_records not found",
    });
  });
});

describe("the contract", () => {
  it("has no unsigned finish and no reading of messages", () => {
    const names = Object.keys(ipc);
    expect(names).not.toContain("finishRecord");
    expect(names).not.toContain("isMissingCommand");
    expect(names).not.toContain("invalidInputField");
  });

  it("only ipc.ts calls invoke", () => {
    const sources = import.meta.glob(["../**/*.ts", "../**/*.svelte", "!../**/*.test.ts"], { query: "?raw", import: "default", eager: true });
    const callers = Object.keys(sources).filter((f) => /@tauri-apps\/api\/core|\binvoke\s*[<(]/.test(sources[f] as string));
    expect(callers).toEqual(["./ipc.ts"]);
  });

  it("no source file calls the removed finish command", () => {
    // Spelled in two parts so that this file does not match itself.
    const removed = "finish" + "_record";
    const sources = import.meta.glob(["../**/*.ts", "../**/*.svelte"], { query: "?raw", import: "default", eager: true });
    const files = Object.keys(sources);
    expect(files.length).toBeGreaterThan(20);
    const offending = files.filter((f) => (sources[f] as string).includes(removed));
    expect(offending).toEqual([]);
  });
});
