import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { afterEach, describe, expect, it } from "vitest";
import { errorMessageKey } from "./errors";
import {
  createDraft,
  ERROR_CODES,
  invalidInputField,
  isIpcError,
  isMissingCommand,
  listRecords,
  toIpcError,
  type RecordSummary,
} from "./ipc";

afterEach(() => {
  clearMocks();
});

const sample: RecordSummary = {
  id: "r1",
  state: "draft",
  kind: "citizen",
  createdAt: "2026-11-28T13:05:00Z",
  updatedAt: "2026-11-28T13:05:00Z",
  subject: "",
  unit: "",
  caseNumber: "",
  counterpart: "",
};

describe("isIpcError / toIpcError", () => {
  it("accepts well-formed errors only", () => {
    expect(isIpcError({ code: "storage", message: "disk full" })).toBe(true);
    expect(isIpcError({ code: "bogus", message: "x" })).toBe(false);
    expect(isIpcError({ code: "storage" })).toBe(false);
    expect(isIpcError("command not found")).toBe(false);
    expect(isIpcError(null)).toBe(false);
  });

  it("normalises anything else to internal", () => {
    expect(toIpcError("boom")).toEqual({ code: "internal", message: "boom" });
    expect(toIpcError(new Error("x"))).toEqual({ code: "internal", message: "x" });
    expect(toIpcError({ code: "not_found", message: "m", extra: 1 })).toEqual({ code: "not_found", message: "m" });
  });

  it("maps every code to its own message key", () => {
    const keys = ERROR_CODES.map(errorMessageKey);
    expect(new Set(keys).size).toBe(ERROR_CODES.length);
  });
});

describe("command wrappers", () => {
  it("list_records sends { query: { text, limit } }", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return [sample];
    });
    await expect(listRecords({ text: "abc", limit: 10 })).resolves.toEqual([sample]);
    expect(calls).toEqual([["list_records", { query: { text: "abc", limit: 10 } }]]);
  });

  it("create_draft sends { input: { kind } }", async () => {
    const calls: Array<[string, unknown]> = [];
    mockIPC((cmd, args) => {
      calls.push([cmd, args]);
      return { ...sample, kind: "employee" };
    });
    const created = await createDraft("employee");
    expect(created.kind).toBe("employee");
    expect(calls).toEqual([["create_draft", { input: { kind: "employee" } }]]);
  });

  it("rejects with the IpcError from Rust", async () => {
    mockIPC(() => {
      throw { code: "rule_violation", message: "finished records are read-only" };
    });
    await expect(createDraft("citizen")).rejects.toEqual({ code: "rule_violation", message: "finished records are read-only" });
  });

  it("turns a string rejection into an internal error", async () => {
    mockIPC(() => {
      throw "command list_records not found";
    });
    await expect(listRecords({ text: null, limit: 1 })).rejects.toEqual({
      code: "internal",
      message: "command list_records not found",
    });
  });
});

describe("error helpers", () => {
  it("finds the field an invalid_input error names", () => {
    expect(invalidInputField({ code: "invalid_input", message: "meeting.counterpart: longer than 200 characters (250)" })).toBe(
      "meeting.counterpart",
    );
    expect(invalidInputField({ code: "invalid_input", message: "refusal.co_decider.name: contains a control character" })).toBe(
      "refusal.co_decider.name",
    );
    expect(invalidInputField({ code: "storage", message: "meeting.counterpart: x" })).toBeNull();
    expect(invalidInputField({ code: "invalid_input", message: "no field here" })).toBeNull();
  });

  it("recognises a command this build does not have", () => {
    expect(isMissingCommand(toIpcError("command finish_and_sign not found"))).toBe(true);
    expect(isMissingCommand(toIpcError("finish_and_sign not allowed. Command not found"))).toBe(true);
    expect(isMissingCommand({ code: "no_key", message: "not found" })).toBe(false);
    expect(isMissingCommand(toIpcError("database is locked"))).toBe(false);
  });

  it("knows the signing error codes", () => {
    expect(isIpcError({ code: "wrong_passphrase", message: "" })).toBe(true);
    expect(isIpcError({ code: "no_key", message: "" })).toBe(true);
  });
});
