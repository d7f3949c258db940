import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appError, draftRecord, policyTexts, RECORD_ID, view } from "../testdata";
import { loadLang } from "./i18n.svelte";
import type { AppError, KeyStatus, MeetingKind, MeetingRecord, RecordView, SettingsView, Violation } from "./ipc";
import RecordEditor from "./RecordEditor.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

interface Fake {
  calls: Call[];
  stored: MeetingRecord;
  violations: Violation[];
  cpr: string[];
  saveError: AppError | null;
  keyExists: boolean;
  /** What key_status rejects with: an AppError, or a plain string as Tauri rejects. */
  keyError: AppError | string | null;
  signing: "ok" | "wrong" | AppError;
  /** `RecordView.signed` of a finished record (false: finished unsigned by an old build). */
  signed: boolean;
}

function fakeBackend(record: MeetingRecord, over: Partial<Fake> = {}): Fake {
  const f: Fake = {
    calls: [],
    stored: structuredClone(record),
    violations: [],
    cpr: [],
    saveError: null,
    keyExists: true,
    keyError: null,
    signing: "ok",
    signed: true,
    ...over,
  };
  const answer = (): RecordView =>
    view(structuredClone(f.stored), { violations: f.violations, cpr_warnings: f.cpr, signed: f.stored.state === "finished" && f.signed });
  mockIPC((cmd, args) => {
    f.calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    switch (cmd) {
      case "get_record":
        return answer();
      case "save_draft":
        if (f.saveError) throw f.saveError;
        f.stored = structuredClone((args as { record: MeetingRecord }).record);
        return answer();
      case "policy_texts": {
        const { kind, lang } = args as { kind: MeetingKind; lang: string };
        const p = policyTexts(kind);
        if (lang === "en") {
          p.roles = { counterpart: "citizen", counterpart_definite: "the citizen", staff: "staff member", staff_definite: "the staff member" };
        }
        return p;
      }
      case "get_settings":
        return {
          settings: { staff: { name: "Mette Sørensen", initials: "MESO" }, units: ["Borgerservice"], rooms: [], language: "da", share_dir: "" },
          data_dir: "/tmp/data",
          effective_share_dir: "/tmp/data/share",
          share_is_local_default: true,
        } satisfies SettingsView;
      case "equal_treatment":
        return {
          unit_name: "Borgerservice",
          unit: { requests: 3, allowed: 2, refused: 1, refused_by_ground: { others_matters: 1 }, unannounced: 0 },
          municipality: { requests: 9, allowed: 7, refused: 2, refused_by_ground: { others_matters: 1, harassment: 1 }, unannounced: 1 },
        };
      case "key_status":
        if (f.keyError) throw f.keyError;
        return {
          exists: f.keyExists,
          key_id: "ABCD",
          signer_name: "Mette Sørensen",
          signer_initials: "MESO",
          public_key_path: null,
        } satisfies KeyStatus;
      case "finish_and_sign": {
        if (typeof f.signing === "object") throw f.signing;
        const { passphrase } = args as { passphrase: string };
        if (f.signing === "wrong" || passphrase !== "hemmelig kode") throw appError("wrong_passphrase", "passphrase", {}, "bad");
        f.stored = { ...f.stored, state: "finished", finished_at: "2026-11-06T11:00:00Z" };
        return answer();
      }
      case "export_note":
        if (exportError) throw exportError;
        return { folder: "/home/mette/Notater/01JCZ", files: ["note.json", "note.json.minisig", "note.pdf", "note.pdf.minisig"] };
      default:
        throw `command ${cmd} not found`;
    }
  });
  return f;
}

const saves = (f: Fake): Call[] => f.calls.filter((c) => c.cmd === "save_draft");

let exportError: AppError | null = null;
/** Makes the next fake's export_note reject with `e`. */
function mockExportError(e: AppError): void {
  exportError = e;
}
const noop = (): void => undefined;

beforeEach(() => {
  localStorage.clear();
  loadLang();
});

afterEach(() => {
  clearMocks();
  exportError = null;
});

async function open(f: Fake): Promise<void> {
  void f;
  render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: noop });
  await screen.findByTestId("step-meeting");
}

describe("record editor", () => {
  it("autosaves the whole record 500 ms after typing stops and says when", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    const input = screen.getByTestId("f-meeting-counterpart") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "Jens" } });
    await fireEvent.input(input, { target: { value: "Jens Ærø " } });
    expect(saves(f)).toHaveLength(0);
    await waitFor(() => expect(saves(f)).toHaveLength(1), { timeout: 2000 });
    const sent = saves(f)[0]!.args["record"] as MeetingRecord;
    expect(sent.meeting.counterpart).toBe("Jens Ærø ");
    expect(sent.refusal).toEqual(draftRecord().refusal); // the whole record travels
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toMatch(/Gemt kl\. \d\d\.\d\d/));
    // The typed text is not replaced by the trimmed copy Rust returns.
    expect(input.value).toBe("Jens Ærø ");
  });

  it("saves at once on leaving the editor", async () => {
    const f = fakeBackend(draftRecord());
    let closed = false;
    render(RecordEditor, { id: RECORD_ID, onclose: () => (closed = true), onsettings: noop });
    await screen.findByTestId("step-meeting");
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "Boligstøtte" } });
    await fireEvent.click(screen.getByTestId("back"));
    await waitFor(() => expect(closed).toBe(true));
    expect(saves(f)).toHaveLength(1);
    expect(f.stored.meeting.subject).toBe("Boligstøtte");
  });

  it("warns at the field when the text looks like a CPR number", async () => {
    const f = fakeBackend(draftRecord(), { cpr: ["meeting.counterpart"] });
    await open(f);
    await fireEvent.input(screen.getByTestId("f-meeting-counterpart"), { target: { value: "010203-1234" } });
    const warning = await screen.findByTestId("cpr-warning", {}, { timeout: 2000 });
    expect(warning.textContent).toBe("Det ligner et CPR-nummer. Skriv ikke CPR-numre i notatet.");
    expect(screen.getByTestId("f-meeting-counterpart").getAttribute("aria-describedby")).toContain("f-meeting-counterpart-cpr");
  });

  it("keeps the typed text, marks the field Rust names and says why in Danish with the numbers", async () => {
    const f = fakeBackend(draftRecord(), {
      saveError: appError("text_too_long", "meeting.subject", { max: "300", actual: "301" }, "meeting.subject: longer than 300 characters (301)"),
    });
    await open(f);
    const long = "x".repeat(301);
    const input = screen.getByTestId("f-meeting-subject") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: long } });
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"), { timeout: 2000 });
    expect(input.value).toBe(long);
    expect(screen.getByTestId("save-status").textContent).toContain("Ændringen er ikke gemt");
    const message = within(input.parentElement!).getByTestId("field-message");
    expect(message.textContent).toBe("Teksten i «Emne» er for lang: højst 300 tegn (nu 301).");
    expect(message.getAttribute("role")).toBe("alert");
    expect(input.getAttribute("aria-describedby")).toContain(message.id);
    // Only that field is marked; the English message is never shown.
    expect(screen.getByTestId("f-meeting-counterpart").getAttribute("aria-invalid")).toBeNull();
    expect(document.body.textContent).not.toContain("longer than");
    expect(screen.queryByTestId("save-error")).toBeNull();

    // The next good save clears it.
    f.saveError = null;
    await fireEvent.input(input, { target: { value: "Boligstøtte" } });
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBeNull(), { timeout: 2000 });
    expect(screen.queryByTestId("field-message")).toBeNull();
  });

  it("marks the field of an invalid_input error and names it in words", async () => {
    const f = fakeBackend(draftRecord(), {
      saveError: appError("invalid_input", "meeting.counterpart", {}, "meeting.counterpart: invalid type: integer"),
    });
    await open(f);
    const input = screen.getByTestId("f-meeting-counterpart") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "Jens" } });
    await waitFor(() => expect(input.getAttribute("aria-invalid")).toBe("true"), { timeout: 2000 });
    expect(within(input.parentElement!).getByTestId("field-message").textContent).toBe(
      "«Borger» har et indhold, der ikke kan godkendes. Kontrollér det indtastede, og prøv igen.",
    );
  });

  it("says a refusal for a field on another step above the step, with a way to the field", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    const f = fakeBackend(r, {
      saveError: appError("text_control_character", "refusal.assessment", { code_point: "U+200B" }),
    });
    await open(f);
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "Bolig" } });
    const line = await screen.findByTestId("save-error", {}, { timeout: 2000 });
    expect(line.getAttribute("data-field")).toBe("refusal.assessment");
    expect(line.textContent).toContain("Teksten i «Konkret vurdering» indeholder et usynligt tegn eller et kontroltegn (U+200B)");
    // The subject is not the field at fault.
    expect(screen.getByTestId("f-meeting-subject").getAttribute("aria-invalid")).toBeNull();
    await fireEvent.click(within(line).getByTestId("save-error-jump"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-refusal-assessment"));
    const field = screen.getByTestId("f-refusal-assessment");
    expect(field.getAttribute("aria-invalid")).toBe("true");
    expect(within(field.parentElement!).getByTestId("field-message").textContent).toContain("«Konkret vurdering»");
    // Said at the field now, not twice.
    expect(screen.queryByTestId("save-error")).toBeNull();
  });

  it("says a refusal above the step when its field is not shown now", async () => {
    const f = fakeBackend(draftRecord(), {
      saveError: appError("text_too_long", "meeting.bisidder_name", { max: "200", actual: "201" }),
    });
    await open(f);
    expect(screen.queryByTestId("f-meeting-bisidder-name")).toBeNull();
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "Bolig" } });
    const line = await screen.findByTestId("save-error", {}, { timeout: 2000 });
    expect(line.textContent).toContain("Teksten i «Bisidderens navn» er for lang: højst 200 tegn (nu 201).");
  });

  it("says a refusal without a field above the step", async () => {
    const f = fakeBackend(draftRecord(), { saveError: appError("storage", null, {}, "SQLITE_FULL") });
    await open(f);
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "Bolig" } });
    const line = await screen.findByTestId("save-error", {}, { timeout: 2000 });
    expect(line.textContent).toContain("Data kunne ikke læses eller gemmes på denne computer.");
    expect(line.textContent).not.toContain("SQLITE");
  });

  it("uses ansat/leder for an employee meeting and shows the outside-guideline text", async () => {
    const f = fakeBackend(draftRecord("employee"));
    await open(f);
    const editor = screen.getByTestId("editor");
    expect(editor.textContent).toContain("Ansat (navn eller reference)");
    expect(editor.textContent).toContain("Ansvarlig leder");
    expect(editor.textContent?.toLowerCase()).not.toContain("borger");
    await fireEvent.click(screen.getByTestId("f-meeting-official-character-no"));
    expect(screen.getByTestId("outside-guideline").textContent).toContain("uden for retningslinjerne");
  });

  it("pre-selects allowed once a recording comes up, and refusal needs a confirmation", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("f-recording-origin-asked_first"));
    expect((screen.getByTestId("decision-allowed") as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByTestId("refuse"));
    const dialog = screen.getByTestId("refuse-dialog");
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByTestId("refuse-dialog")).toBeNull();
    expect((screen.getByTestId("decision-allowed") as HTMLInputElement).checked).toBe(true);
    await fireEvent.click(screen.getByTestId("refuse"));
    await fireEvent.click(screen.getByTestId("refuse-confirm"));
    screen.getByTestId("decision-refused");
    expect(screen.getByTestId("step-details-tab").textContent).toContain("Afvisning");
    await waitFor(() => expect(f.stored.recording.decision).toBe("refused"), { timeout: 2000 });
  });

  it("shows the unannounced statement and records the encouragement", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("f-recording-origin-discovered_hidden"));
    expect(screen.getByTestId("unannounced-statement").textContent).toContain("kun opfordre");
    await fireEvent.click(screen.getByTestId("f-recording-disclosure-encouraged-at"));
    expect(screen.getByTestId("f-recording-disclosure-encouraged-at-meta").textContent).toMatch(/^Opfordret kl\./);
    await waitFor(() => expect(f.stored.recording.disclosure_encouraged_at).toMatch(/Z$/), { timeout: 2000 });
  });

  it("lists the notices that apply and stores when each was ticked", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "allowed";
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.click(screen.getByTestId("step-details-tab"));
    const list = screen.getByTestId("notices");
    expect(within(list).getAllByRole("checkbox")).toHaveLength(4);
    expect(list.textContent).toContain("Anbefalet");
    await fireEvent.click(screen.getByTestId("f-notices-legal"));
    await waitFor(() => expect(Object.keys(f.stored.notices)).toEqual(["legal"]), { timeout: 2000 });
    await fireEvent.click(screen.getByTestId("f-notices-legal"));
    await waitFor(() => expect(f.stored.notices).toEqual({}), { timeout: 2000 });
  });

  it("review: lists violations by rule, jumps to the field, and blocks finishing", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    const f = fakeBackend(r, {
      violations: [
        { rule: "G-REFUSE-LEADER", field: "refusal.co_decider.name", code: "refusal_leader_is_lead", severity: "blocking" },
        { rule: "G-NOTICE-DATA", field: "notices.data", code: "notice_recommended", severity: "advisory" },
      ],
    });
    await open(f);
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    const item = screen.getByTestId("violation");
    expect(item.textContent).toContain("G-REFUSE-LEADER");
    expect(item.textContent).toContain("må ikke være den samme person");
    expect(screen.getByTestId("advisory").textContent).toContain("Anbefaling");
    expect((screen.getByTestId("finish") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(within(item).getByTestId("violation-jump"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-refusal-co-decider-name"));
    // After the review, the message stands by the field too.
    expect(screen.getByTestId("step-refusal").textContent).toContain("må ikke være den samme person");
    expect(screen.getByTestId("equal-treatment").textContent).toContain("Enheden Borgerservice");
  });

  it("finishes with the passphrase: wrong one is said, Enter submits, then the note is read-only", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await fireEvent.click(screen.getByTestId("finish"));
    const dialog = await screen.findByTestId("sign-dialog");
    const pass = within(dialog).getByTestId("passphrase") as HTMLInputElement;
    expect(pass.type).toBe("password");
    await waitFor(() => expect(document.activeElement).toBe(pass));
    await fireEvent.input(pass, { target: { value: "forkert kode" } });
    await fireEvent.submit(pass.form!);
    const err = await within(dialog).findByTestId("sign-error");
    expect(err.getAttribute("data-error-code")).toBe("wrong_passphrase");
    expect(pass.value).toBe("");
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    await fireEvent.submit(pass.form!);
    await screen.findByTestId("finished-view");
    expect(f.calls.filter((c) => c.cmd === "finish_and_sign").map((c) => c.args)).toEqual([
      { id: RECORD_ID, passphrase: "forkert kode" },
      { id: RECORD_ID, passphrase: "hemmelig kode" },
    ]);
    await fireEvent.click(screen.getByTestId("export"));
    const result = await screen.findByText("/home/mette/Notater/01JCZ");
    expect(result).toBeTruthy();
    expect(screen.getByTestId("export-result").textContent).toContain("note.pdf.minisig");
  });

  it("Escape cancels the passphrase dialog", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await fireEvent.click(screen.getByTestId("finish"));
    const dialog = await screen.findByTestId("sign-dialog");
    await fireEvent.keyDown(dialog, { key: "Escape" });
    expect(screen.queryByTestId("sign-dialog")).toBeNull();
    expect(f.calls.some((c) => c.cmd === "finish_and_sign")).toBe(false);
  });

  it("guides to Settings when there is no key", async () => {
    const f = fakeBackend(draftRecord(), { keyExists: false });
    let toSettings = false;
    render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: () => (toSettings = true) });
    await screen.findByTestId("step-meeting");
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await fireEvent.click(screen.getByTestId("finish"));
    await screen.findByTestId("nokey-dialog");
    await fireEvent.click(screen.getByTestId("go-settings"));
    await waitFor(() => expect(toSettings).toBe(true));
    expect(f.calls.some((c) => c.cmd === "finish_and_sign")).toBe(false);
  });

  it("never finishes unsigned: a failing key_status is said, and nothing is finished", async () => {
    const f = fakeBackend(draftRecord(), { keyError: "command key_status not allowed" });
    await open(f);
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await fireEvent.click(screen.getByTestId("finish"));
    const err = await screen.findByTestId("finish-error");
    expect(err.getAttribute("data-error-code")).toBe("internal");
    expect(err.textContent).toContain("Der opstod en uventet fejl i programmet.");
    expect(screen.queryByTestId("sign-dialog")).toBeNull();
    expect(f.calls.map((c) => c.cmd).filter((c) => c.startsWith("finish"))).toEqual([]);
    expect(f.stored.state).toBe("draft");
  });

  it("when the rules still block signing, says so and refreshes the review", async () => {
    const blocking: Violation = { rule: "G-RECORD", field: "meeting.channel", code: "channel_missing", severity: "blocking" };
    const f = fakeBackend(draftRecord());
    f.signing = appError("rule_violation", "meeting.channel", { violations: [blocking] }, "G-RECORD meeting.channel (channel_missing)");
    await open(f);
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await fireEvent.click(screen.getByTestId("finish"));
    const pass = (await screen.findByTestId("passphrase")) as HTMLInputElement;
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    f.violations = [blocking];
    await fireEvent.submit(pass.form!);
    const err = await screen.findByTestId("finish-error");
    expect(err.textContent).toContain("Mødenotatet opfylder ikke retningslinjernes krav endnu.");
    expect(screen.queryByTestId("sign-dialog")).toBeNull();
    await waitFor(() => expect(screen.getByTestId("violation").getAttribute("data-code")).toBe("channel_missing"));
  });

  it("a note finished unsigned by an old build is shown, but not offered for export", async () => {
    const r = draftRecord();
    r.state = "finished";
    r.finished_at = "2026-11-06T11:00:00Z";
    const f = fakeBackend(r, { signed: false });
    render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: noop });
    await screen.findByTestId("finished-view");
    expect(screen.getByTestId("finished-unsigned").textContent).toContain("uden underskrift");
    expect(screen.queryByTestId("export")).toBeNull();
    expect(f.calls.some((c) => c.cmd === "export_note")).toBe(false);
  });

  it("says an export error in Danish from its code and params", async () => {
    const r = draftRecord();
    r.state = "finished";
    r.finished_at = "2026-11-06T11:00:00Z";
    fakeBackend(r);
    mockExportError(appError("export_conflict", null, { path: "/home/mette/Notater/01JCZ/note.pdf" }, "exists"));
    render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: noop });
    await fireEvent.click(await screen.findByTestId("export"));
    await waitFor(() => expect(screen.getByTestId("export-result").getAttribute("data-outcome")).toBe("error"));
    expect(screen.getByTestId("export-result").textContent).toContain(
      "Der findes allerede en anden fil med samme navn i den valgte mappe (/home/mette/Notater/01JCZ/note.pdf).",
    );
  });

  it("switching language changes words, not the record", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    const { setLang } = await import("./i18n.svelte");
    setLang("en");
    await waitFor(() => expect(screen.getByTestId("editor").textContent).toContain("Citizen (name or reference)"));
    setLang("da");
    await waitFor(() => expect(screen.getByTestId("editor").textContent).toContain("Borger (navn eller reference)"));
    await new Promise((r) => setTimeout(r, 700));
    expect(saves(f)).toHaveLength(0);
  });
});
