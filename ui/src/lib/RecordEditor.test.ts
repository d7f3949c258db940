import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILTIN_POLICY_STATUS, appError, draftRecord, policyTexts, RECORD_ID, view } from "../testdata";
import { loadLang } from "./i18n.svelte";
import type {
  AppError,
  EqualTreatmentAdvice,
  ShareFigures,
  FieldCorrection,
  FilingView,
  KeyStatus,
  MeetingKind,
  MeetingRecord,
  RecordView,
  SettingsView,
  Violation,
} from "./ipc";
import { textAt } from "./workflow";
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
  /** `open_exported` of the PDF fails as without a PDF viewer. */
  noPdfViewer?: boolean;
  /** `RecordView.signed` of a finished record (false: finished unsigned by an old build). */
  signed: boolean;
  /** Refuse a save whose text looks like a CPR number, as Rust does (`text_cpr_number`). */
  refuseCpr: boolean;
  /** `RecordView.equal_treatment` while the stored draft is refused. */
  advice: EqualTreatmentAdvice | null;
  /** `RecordView.equal_treatment_share`: the municipality's figures from the overview index. */
  share?: ShareFigures | null;
  filing: FilingView | null;
  /** What mark_filed rejects with. */
  filingError: AppError | null;
  /** `addendum_to.changes` Rust works out on each save of an addendum. */
  changes: FieldCorrection[];
  discardError: AppError | null;
}

/** Text fields Rust checks for CPR numbers, in its order. */
const TEXT_PATHS = ["meeting.subject", "meeting.counterpart", "meeting.case_number", "refusal.assessment", "legal_help.note"];
const CPR = /\b\d{6}[- ]?\d{4}\b/;

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
    refuseCpr: false,
    advice: null,
    filing: null,
    filingError: null,
    changes: [],
    discardError: null,
    ...over,
  };
  const answer = (): RecordView => {
    const record = structuredClone(f.stored);
    if (record.addendum_to) record.addendum_to.changes = structuredClone(f.changes);
    return view(record, {
      violations: f.violations,
      cpr_warnings: f.cpr,
      signed: f.stored.state === "finished" && f.signed,
      equal_treatment: record.state === "draft" && record.recording.decision === "refused" ? f.advice : null,
      equal_treatment_share: record.state === "draft" && record.recording.decision === "refused" ? (f.share ?? null) : null,
      filing: f.filing,
    });
  };
  mockIPC((cmd, args) => {
    f.calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    switch (cmd) {
      case "get_record":
        return answer();
      case "save_draft": {
        if (f.saveError) throw f.saveError;
        const sent = (args as { record: MeetingRecord }).record;
        if (f.refuseCpr) {
          const field = TEXT_PATHS.find((p) => CPR.test(textAt(sent, p) ?? ""));
          if (field !== undefined) throw appError("text_cpr_number", field, {}, `${field}: looks like a CPR number`);
        }
        f.stored = structuredClone(sent);
        return answer();
      }
      case "leave_draft":
        return false;
      case "discard_draft":
        if (f.discardError) throw f.discardError;
        return null;
      case "create_addendum": {
        const { original, reason } = args as { original: string; reason: string };
        const r = draftRecord();
        r.id = ADDENDUM_ID;
        r.addendum_to = { record_id: original, content_hash: "ab".repeat(32), reason, changes: [] };
        return view(r);
      }
      case "mark_filed": {
        if (f.filingError) throw f.filingError;
        const a = args as { filed_at: string; document_number: string };
        f.filing = { filed_at: a.filed_at, document_number: a.document_number };
        return answer();
      }
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
          policy: BUILTIN_POLICY_STATUS,
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
          endorsement: f.keyExists ? { state: "pending" } : null,
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
      case "open_exported":
        if ((args as { target: string }).target === "pdf" && f.noPdfViewer) {
          throw appError("open_failed", null, {}, "no viewer");
        }
        return null;
      default:
        throw `command ${cmd} not found`;
    }
  });
  return f;
}

const saves = (f: Fake): Call[] => f.calls.filter((c) => c.cmd === "save_draft");
const ADDENDUM_ID = "01JCZ3K8QA0000000000000009";

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
    await waitFor(() => expect(screen.getByTestId("save-status").textContent).toContain("Ændringen er ikke gemt"), {
      timeout: 2000,
    });
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.value).toBe(long);
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
    expect(within(list).getAllByRole("checkbox")).toHaveLength(3);
    expect(list.textContent).toContain("Anbefalet");
    // What to say aloud is shown with each tick box, and what the note states beside it.
    expect(screen.getByTestId("notice-say-legal").textContent).toContain("Det er fint, at du optager.");
    expect(screen.getByTestId("notice-note-legal").textContent).toContain("I notatet står: Borgeren er gjort opmærksom på");
    // Noting it in the case is not something said to the citizen.
    expect(list.textContent).not.toContain("Noteret i sagen");
    expect(screen.queryByTestId("f-notices-case")).toBeNull();
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
    expect(screen.getByTestId("equal-treatment")).toBeTruthy();
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
    // "Åbn PDF" and "Åbn mappe" name the note, never a path; a missing PDF viewer is said.
    await fireEvent.click(screen.getByTestId("open-pdf"));
    await fireEvent.click(screen.getByTestId("open-folder"));
    await waitFor(() =>
      expect(f.calls.filter((c) => c.cmd === "open_exported").map((c) => c.args)).toEqual([
        { id: RECORD_ID, target: "pdf" },
        { id: RECORD_ID, target: "folder" },
      ]),
    );
    f.noPdfViewer = true;
    await fireEvent.click(screen.getByTestId("open-pdf"));
    const openError = await screen.findByTestId("open-error");
    expect(openError.getAttribute("data-error-code")).toBe("open_failed");
    expect(openError.textContent).toContain("program til PDF-filer");
  });

  it("asks when the meeting ended before signing: now by default, a typed end is saved first", async () => {
    const r = draftRecord();
    r.meeting.ends_at = null;
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await fireEvent.click(screen.getByTestId("finish"));
    const dialog = await screen.findByTestId("sign-dialog");
    const ends = within(dialog).getByTestId("sign-ends-at") as HTMLInputElement;
    expect(ends.value).toMatch(/^\d\d\.\d\d\.\d{4} \d\d\.\d\d$/);
    await fireEvent.change(ends, { target: { value: "06.11.2026 11.15" } });
    const pass = within(dialog).getByTestId("passphrase") as HTMLInputElement;
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    await fireEvent.submit(pass.form!);
    await screen.findByTestId("finished-view");
    const typed = new Date(2026, 10, 6, 11, 15).toISOString().replace(".000Z", "Z");
    const order = f.calls.map((c) => c.cmd);
    const lastSave = order.lastIndexOf("save_draft");
    expect(lastSave).toBeGreaterThan(-1);
    expect(lastSave).toBeLessThan(order.indexOf("finish_and_sign"));
    expect(f.stored.meeting.ends_at).toBe(typed);
  });

  it("keyboard: Næste lands in the step's first field, and after signing focus is on Eksportér", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    await fireEvent.click(screen.getByTestId("next"));
    await screen.findByTestId("step-recording");
    const first = screen
      .getByTestId("step-recording")
      .querySelector<HTMLElement>(":is(input, select, textarea, button):not([disabled])");
    expect(first).not.toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(first));
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await fireEvent.click(screen.getByTestId("finish"));
    const dialog = await screen.findByTestId("sign-dialog");
    const pass = within(dialog).getByTestId("passphrase") as HTMLInputElement;
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    await fireEvent.submit(pass.form!);
    const exportButton = await screen.findByTestId("export");
    await waitFor(() => expect(document.activeElement).toBe(exportButton));
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

const blockingV = (rule: Violation["rule"], field: string, code: Violation["code"]): Violation => ({
  rule,
  field,
  code,
  severity: "blocking",
});

function finishedRecord(): MeetingRecord {
  const r = draftRecord();
  r.state = "finished";
  r.finished_at = "2026-11-06T11:00:00Z";
  r.recording.origin = "asked_first";
  r.recording.decision = "allowed";
  r.meeting.case_number = "27.12.00-A00-1234-26";
  return r;
}

describe("nothing is preselected (issue 11)", () => {
  it("starts with no origin chosen, says so, and the review blocks signing until one is chosen", async () => {
    const f = fakeBackend(draftRecord(), {
      violations: [blockingV("G-UNANNOUNCED", "recording.origin", "origin_missing")],
    });
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    const group = screen.getByTestId("f-recording-origin-group");
    expect(within(group).getAllByRole("radio").filter((r) => (r as HTMLInputElement).checked)).toEqual([]);
    expect(group.textContent).toContain("Intet er valgt på forhånd");
    // No decision is offered before the origin is chosen.
    expect(screen.queryByTestId("decision")).toBeNull();

    await fireEvent.click(screen.getByTestId("step-details-tab"));
    expect(screen.getByTestId("no-notices").textContent).toContain("Vælg først under »Optagelse«");

    await fireEvent.click(screen.getByTestId("step-review-tab"));
    const v = screen.getByTestId("violation");
    expect(v.getAttribute("data-code")).toBe("origin_missing");
    expect(v.textContent).toContain("Angiv, hvordan optagelsen kom på tale");
    expect((screen.getByTestId("finish") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("record-summary").textContent).toContain("Ikke besvaret");
    await fireEvent.click(within(v).getByTestId("violation-jump"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-recording-origin"));

    f.violations = [];
    await fireEvent.click(screen.getByTestId("f-recording-origin-none"));
    await waitFor(() => expect(f.stored.recording.origin).toBe("none"), { timeout: 2000 });
    expect(f.stored.recording.decision).toBeNull();
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await waitFor(() => expect((screen.getByTestId("finish") as HTMLButtonElement).disabled).toBe(false));
  });

  it("'Kommunen ønsker at optage' is outside the guideline: the app says so, no note is made, the draft can be discarded", async () => {
    const f = fakeBackend(draftRecord());
    let closed = false;
    render(RecordEditor, { id: RECORD_ID, onclose: () => (closed = true), onsettings: noop });
    await screen.findByTestId("step-meeting");
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("f-recording-origin-municipality_wants"));
    const note = screen.getByTestId("municipality-outside");
    expect(note.textContent).toContain("Det er kommunen, der ønsker at optage samtalen.");
    expect(note.textContent).toContain("Der laves ikke et notat efter retningslinjerne.");
    expect(screen.queryByTestId("decision")).toBeNull();
    await waitFor(() => expect(f.stored.recording.origin).toBe("municipality_wants"), { timeout: 2000 });
    expect(f.stored.recording.decision).toBeNull();
    await fireEvent.click(screen.getByTestId("step-details-tab"));
    expect(screen.getByTestId("no-notices").textContent).toContain("uden for retningslinjerne");
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("municipality-discard"));
    const dialog = screen.getByTestId("discard-dialog");
    await fireEvent.input(within(dialog).getByTestId("discard-reason"), { target: { value: "Kommunen ville optage" } });
    await fireEvent.click(within(dialog).getByTestId("discard-confirm"));
    await waitFor(() => expect(closed).toBe(true));
    expect(f.calls.find((c) => c.cmd === "discard_draft")?.args).toEqual({ id: RECORD_ID, reason: "Kommunen ville optage" });
  });
});

describe("interesseafvejning (G-WEIGH)", () => {
  it("appears, with the guideline's words, when others' matters are discussed and the recording is allowed", async () => {
    const f = fakeBackend(draftRecord());
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("f-recording-origin-asked_first"));
    expect(screen.queryByTestId("f-recording-interest-weighing")).toBeNull();

    await fireEvent.click(screen.getByTestId("step-meeting-tab"));
    await fireEvent.click(screen.getByTestId("f-meeting-others-matters-discussed"));
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    const field = screen.getByTestId("f-recording-interest-weighing") as HTMLTextAreaElement;
    const box = screen.getByTestId("interest-weighing");
    expect(box.textContent).toContain("Interesseafvejning");
    expect(box.textContent).toContain(
      "»Hvis samtalen ikke kun handler om borgeren, skal der dog ske en interesseafvejning.«",
    );
    await fireEvent.input(field, { target: { value: "Borgerens behov for at huske vejer tungere." } });
    await waitFor(() => expect(f.stored.recording.interest_weighing).toBe("Borgerens behov for at huske vejer tungere."), {
      timeout: 2000,
    });

    // Required: the rule's message stands at the field after the review.
    f.violations = [blockingV("G-WEIGH", "recording.interest_weighing", "interest_weighing_missing")];
    await fireEvent.input(field, { target: { value: "" } });
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    await waitFor(() => expect(screen.getByTestId("violation").getAttribute("data-rule")).toBe("G-WEIGH"));
    expect((screen.getByTestId("finish") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.click(screen.getByTestId("violation-jump"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-recording-interest-weighing"));
    expect(within(screen.getByTestId("interest-weighing")).getByTestId("field-message").textContent).toContain(
      "Skriv interesseafvejningen",
    );
  });

  it("is not shown when the recording is refused or there is none", async () => {
    const r = draftRecord();
    r.meeting.others_matters_discussed = true;
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    expect(screen.queryByTestId("f-recording-interest-weighing")).toBeNull();
    await fireEvent.click(screen.getByTestId("f-recording-origin-none"));
    expect(screen.queryByTestId("f-recording-interest-weighing")).toBeNull();
  });
});

describe("a CPR number Rust refuses to save (text_cpr_number)", () => {
  it("stays in the field with the warning, is never sent again, everything else is saved, and the corrected text is", async () => {
    const f = fakeBackend(draftRecord(), { refuseCpr: true });
    await open(f);
    const subject = screen.getByTestId("f-meeting-subject") as HTMLInputElement;
    const counterpart = screen.getByTestId("f-meeting-counterpart") as HTMLInputElement;
    await fireEvent.input(counterpart, { target: { value: "Jens 070390-1234" } });
    await fireEvent.input(subject, { target: { value: "Boligstøtte" } });
    const warning = await screen.findByTestId("cpr-warning", {}, { timeout: 2000 });
    expect(warning.getAttribute("data-refused")).toBe("true");
    expect(warning.textContent).toContain("Det ligner et CPR-nummer, så teksten er ikke gemt.");
    // The field keeps what was typed; the autosave did not put the stored value back.
    expect(counterpart.value).toBe("Jens 070390-1234");
    expect(counterpart.getAttribute("aria-invalid")).toBe("true");
    // The rest was saved, without the CPR number.
    await waitFor(() => expect(f.stored.meeting.subject).toBe("Boligstøtte"), { timeout: 2000 });
    expect(f.stored.meeting.counterpart).toBe("");
    await waitFor(() => expect(screen.getByTestId("save-status").getAttribute("data-dirty")).toBe("false"));
    expect(screen.getByTestId("save-status").textContent).toContain("undtagen det markerede felt");

    // Typing elsewhere saves that, still without the CPR number.
    await fireEvent.input(subject, { target: { value: "Boligstøtte 2" } });
    await waitFor(() => expect(f.stored.meeting.subject).toBe("Boligstøtte 2"), { timeout: 2000 });
    expect(counterpart.value).toBe("Jens 070390-1234");
    const sentWithCpr = saves(f).filter((c) => (c.args["record"] as MeetingRecord).meeting.counterpart.includes("070390"));
    expect(sentWithCpr).toHaveLength(1); // the first attempt only, which Rust refused

    // Finishing is not offered while the text is only on screen.
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    expect((screen.getByTestId("finish") as HTMLButtonElement).disabled).toBe(true);
    expect(screen.getByTestId("review-cpr-held").textContent).toContain("ligner et CPR-nummer");
    expect(screen.getByTestId("cpr-held").textContent).toContain("«Borger» ligner et CPR-nummer og er ikke gemt.");
    await fireEvent.click(screen.getByTestId("cpr-held-jump"));
    await waitFor(() => expect(document.activeElement?.id).toBe("f-meeting-counterpart"));

    // Corrected: saved, and the warning goes.
    const field = screen.getByTestId("f-meeting-counterpart") as HTMLInputElement;
    await fireEvent.input(field, { target: { value: "Jens Ærø" } });
    await waitFor(() => expect(f.stored.meeting.counterpart).toBe("Jens Ærø"), { timeout: 2000 });
    await waitFor(() => expect(screen.queryByTestId("cpr-warning")).toBeNull());
    expect(field.getAttribute("aria-invalid")).toBeNull();
    expect(f.stored.meeting.subject).toBe("Boligstøtte 2");
  });

  it("a text corrected into another CPR number is held again", async () => {
    const f = fakeBackend(draftRecord(), { refuseCpr: true });
    await open(f);
    const counterpart = screen.getByTestId("f-meeting-counterpart") as HTMLInputElement;
    await fireEvent.input(counterpart, { target: { value: "070390-1234" } });
    await screen.findByTestId("cpr-warning", {}, { timeout: 2000 });
    await fireEvent.input(counterpart, { target: { value: "070390 1235" } });
    await new Promise((r) => setTimeout(r, 700));
    await waitFor(() => expect(screen.getByTestId("save-status").getAttribute("data-dirty")).toBe("false"));
    expect(screen.getByTestId("cpr-warning").getAttribute("data-refused")).toBe("true");
    expect(counterpart.value).toBe("070390 1235");
    expect(f.stored.meeting.counterpart).toBe("");
  });
});

describe("HR/Jura (G-LEGAL-HELP) in every situation", () => {
  const situations: Array<[string, (r: MeetingRecord) => void]> = [
    ["allowed", (r) => ((r.recording.origin = "asked_first"), (r.recording.decision = "allowed"))],
    ["unannounced", (r) => (r.recording.origin = "discovered_hidden")],
    ["no recording", (r) => (r.recording.origin = "none")],
    ["not chosen yet", () => undefined],
    ["refused", (r) => ((r.recording.origin = "asked_first"), (r.recording.decision = "refused"))],
  ];
  for (const [name, set] of situations) {
    it(`is offered when ${name}`, async () => {
      const r = draftRecord();
      set(r);
      const f = fakeBackend(r);
      await open(f);
      await fireEvent.click(screen.getByTestId("step-details-tab"));
      expect(within(screen.getByTestId("legal-help")).getByTestId("f-legal-help-consulted")).toBeTruthy();
    });
  }

  it("takes the time it happened: Nu by default, a typed time is kept, not the moment of ticking", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "allowed";
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.click(screen.getByTestId("step-details-tab"));
    expect(screen.queryByTestId("f-legal-help-consulted-at")).toBeNull();
    await fireEvent.click(screen.getByTestId("f-legal-help-consulted"));
    const time = screen.getByTestId("f-legal-help-consulted-at") as HTMLInputElement;
    expect(time.value).toMatch(/^\d\d\.\d\d\.\d{4} \d\d\.\d\d$/);
    await waitFor(() => expect(f.stored.legal_help.consulted_at).toMatch(/Z$/), { timeout: 2000 });

    // HR/Jura was called earlier in the morning.
    await fireEvent.change(time, { target: { value: "06.11.2026 08.30" } });
    const typed = new Date(2026, 10, 6, 8, 30).toISOString().replace(".000Z", "Z");
    await waitFor(() => expect(f.stored.legal_help.consulted_at).toBe(typed), { timeout: 2000 });
    await fireEvent.input(screen.getByTestId("f-legal-help-note"), { target: { value: "Telefon med HR/Jura" } });
    await waitFor(() => expect(f.stored.legal_help.note).toBe("Telefon med HR/Jura"), { timeout: 2000 });

    // Unticked and ticked again: the typed time comes back, not a new "now".
    await fireEvent.click(screen.getByTestId("f-legal-help-consulted"));
    await waitFor(() => expect(f.stored.legal_help.consulted_at).toBeNull(), { timeout: 2000 });
    await fireEvent.click(screen.getByTestId("f-legal-help-consulted"));
    await waitFor(() => expect(f.stored.legal_help.consulted_at).toBe(typed), { timeout: 2000 });
  });
});

describe("leaving a refusal (refusal_details_without_refusal)", () => {
  it("clears grounds, assessment, co-decider and reason before saving, after a confirmation", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    r.refusal = {
      grounds: ["harassment"],
      other_ground: "",
      assessment: "En konkret vurdering af netop dette møde.",
      co_decider: { name: "Lars Holm", initials: "LAHO" },
      reason_given_at: "2026-11-06T10:10:00Z",
      reason_text: "Historikken.",
      room_instruction: true,
    };
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("undo-refusal"));
    const dialog = screen.getByTestId("undo-refusal-dialog");
    expect(dialog.textContent).toContain("slettes");
    await fireEvent.click(within(dialog).getByTestId("undo-refusal-confirm"));
    expect((screen.getByTestId("decision-allowed") as HTMLInputElement).checked).toBe(true);
    await waitFor(() => expect(f.stored.recording.decision).toBe("allowed"), { timeout: 2000 });
    expect(f.stored.refusal).toEqual(draftRecord().refusal);
    // No save ever sent an allowed record with a refusal's details.
    for (const c of saves(f)) {
      const sent = c.args["record"] as MeetingRecord;
      if (sent.recording.decision !== "refused") expect(sent.refusal).toEqual(draftRecord().refusal);
    }
  });

  it("choosing no recording clears them too", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    r.refusal.assessment = "Vurdering";
    r.refusal.grounds = ["other"];
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("f-recording-origin-none"));
    await waitFor(() => expect(f.stored.recording.origin).toBe("none"), { timeout: 2000 });
    expect(f.stored.recording.decision).toBeNull();
    expect(f.stored.refusal).toEqual(draftRecord().refusal);
  });

  it("undoing a refusal with nothing written needs no confirmation", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.click(screen.getByTestId("step-recording-tab"));
    await fireEvent.click(screen.getByTestId("undo-refusal"));
    expect(screen.queryByTestId("undo-refusal-dialog")).toBeNull();
    await waitFor(() => expect(f.stored.recording.decision).toBe("allowed"), { timeout: 2000 });
  });
});

describe("equal treatment beside a refusal (G-EQUAL)", () => {
  it("compares like with like: the period and the comparable cases with date, unit, decision and ground letters", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    const f = fakeBackend(r, {
      advice: {
        period_from: "2024-11-06T10:00:00Z",
        period_to: "2026-11-06T10:00:00Z",
        allowed: 2,
        refused: 1,
        cases: [
          { record_id: "01A", finished_at: "2026-10-01T10:00:00Z", unit: "Jobcenter", decision: "allowed", grounds: [] },
          { record_id: "01B", finished_at: "2026-09-15T10:00:00Z", unit: "Borgerservice", decision: "refused", grounds: ["harassment", "other"] },
          { record_id: "01C", finished_at: "2026-08-02T10:00:00Z", unit: "", decision: "allowed", grounds: [] },
        ],
      },
    });
    await open(f);
    await fireEvent.click(screen.getByTestId("step-details-tab"));
    const panel = screen.getByTestId("equal-treatment");
    expect(within(panel).getByTestId("equal-period").textContent).toBe("Periode: 06.11.2024 – 06.11.2026");
    expect(within(panel).getByTestId("equal-counts").textContent).toBe("2 tilladt, 1 afvist");
    expect(panel.textContent).toContain("samme mødetype");
    expect(within(panel).getByTestId("equal-prior-allowed").textContent).toContain("I 2 sammenlignelige sager er optagelse tilladt.");
    const rows = within(panel).getAllByTestId("equal-case");
    expect(rows.map((row) => [...row.querySelectorAll("td")].map((td) => td.textContent))).toEqual([
      ["01.10.2026", "Jobcenter", "Tilladt", "–"],
      ["15.09.2026", "Borgerservice", "Afvist", "a, c"],
      ["02.08.2026", "(ingen enhed)", "Tilladt", "–"],
    ]);
    expect(panel.textContent).not.toContain("Andre i samme situation");
    expect(f.calls.some((c) => c.cmd === "equal_treatment")).toBe(false);
    // Without the overview's reading of the share, it says it counts this PC only.
    expect(within(panel).getByTestId("equal-this-pc").textContent).toContain("kun notater afsluttet på denne computer");
  });

  it("shows the whole municipality's figures, what they rest on and when, from the overview's reading", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    const f = fakeBackend(r, {
      advice: { period_from: "2024-11-06T10:00:00Z", period_to: "2026-11-06T10:00:00Z", allowed: 0, refused: 0, cases: [] },
    });
    f.share = { allowed: 41, refused: 3, notes: 212, scanned_at: "2026-11-28T13:05:00Z" };
    await open(f);
    await fireEvent.click(screen.getByTestId("step-details-tab"));
    const share = screen.getByTestId("equal-share");
    expect(share.textContent).toContain("Hele kommunen (det fælles drev): 41 tilladt, 3 afvist");
    expect(share.textContent).toMatch(/Baseret på 212 godkendte notater, læst 28\.11\.2026 kl\. \d\d\.05/);
    expect(screen.queryByTestId("equal-this-pc")).toBeNull();
  });

  it("says when there are no comparable cases", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "refused";
    const f = fakeBackend(r, {
      advice: { period_from: "2024-11-06T10:00:00Z", period_to: "2026-11-06T10:00:00Z", allowed: 0, refused: 0, cases: [] },
    });
    await open(f);
    await fireEvent.click(screen.getByTestId("step-details-tab"));
    expect(screen.getByTestId("equal-none").textContent).toBe("Der er ingen sammenlignelige sager i perioden.");
    expect(screen.queryByTestId("equal-prior-allowed")).toBeNull();
  });
});

describe("discarding and leaving a draft", () => {
  it("discards with a reason; a refused reason is said at the field", async () => {
    const f = fakeBackend(draftRecord(), { discardError: appError("text_empty", "reason", {}, "reason: empty") });
    let closed = false;
    render(RecordEditor, { id: RECORD_ID, onclose: () => (closed = true), onsettings: noop });
    await screen.findByTestId("step-meeting");
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "Forkert møde" } });
    await fireEvent.click(screen.getByTestId("discard"));
    const dialog = screen.getByTestId("discard-dialog");
    expect((within(dialog).getByTestId("discard-confirm") as HTMLButtonElement).disabled).toBe(true);
    await fireEvent.input(within(dialog).getByTestId("discard-reason"), { target: { value: " " + "x" } });
    await fireEvent.click(within(dialog).getByTestId("discard-confirm"));
    const err = await within(dialog).findByTestId("discard-error");
    expect(err.textContent).toBe("«Grund» skal udfyldes.");
    expect(closed).toBe(false);

    f.discardError = null;
    await fireEvent.input(within(dialog).getByTestId("discard-reason"), { target: { value: "Oprettet ved en fejl" } });
    await fireEvent.click(within(dialog).getByTestId("discard-confirm"));
    await waitFor(() => expect(closed).toBe(true));
    // What was typed was saved first; nothing is saved or left after the discard.
    const cmds = f.calls.map((c) => c.cmd).filter((c) => c === "save_draft" || c.endsWith("_draft"));
    expect(cmds).toEqual(["save_draft", "discard_draft", "discard_draft"]);
    expect(f.calls.at(-1)?.args).toEqual({ id: RECORD_ID, reason: "Oprettet ved en fejl" });
  });

  it("tells Rust the editor was left, after the last save; the offered start time alone is not saved", async () => {
    const r = draftRecord();
    r.meeting.starts_at = null;
    r.updated_at = r.created_at;
    const f = fakeBackend(r);
    let closed = false;
    render(RecordEditor, { id: RECORD_ID, onclose: () => (closed = true), onsettings: noop });
    await screen.findByTestId("step-meeting");
    // The start time is offered...
    expect((screen.getByTestId("f-meeting-starts-at") as HTMLInputElement).value).not.toBe("");
    await new Promise((res) => setTimeout(res, 700));
    // ...but not saved on its own: nothing was written into the draft.
    expect(saves(f)).toHaveLength(0);
    await fireEvent.click(screen.getByTestId("back"));
    await waitFor(() => expect(closed).toBe(true));
    expect(f.calls.filter((c) => c.cmd === "leave_draft").map((c) => c.args)).toEqual([{ id: RECORD_ID }]);
    expect(saves(f)).toHaveLength(0);
  });

  it("a change undone before it is saved writes nothing (the draft stays untouched)", async () => {
    const r = draftRecord();
    r.meeting.starts_at = null;
    const f = fakeBackend(r);
    await open(f);
    // The offered start time cleared again: what Rust has.
    await fireEvent.change(screen.getByTestId("f-meeting-starts-at"), { target: { value: "" } });
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "B" } });
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "" } });
    await new Promise((res) => setTimeout(res, 700));
    await fireEvent.click(screen.getByTestId("back"));
    await waitFor(() => expect(f.calls.at(-1)?.cmd).toBe("leave_draft"));
    expect(saves(f)).toHaveLength(0);
  });

  it("the offered start time is saved with the first thing written", async () => {
    const r = draftRecord();
    r.meeting.starts_at = null;
    const f = fakeBackend(r);
    await open(f);
    await fireEvent.input(screen.getByTestId("f-meeting-subject"), { target: { value: "Bolig" } });
    await waitFor(() => expect(saves(f)).toHaveLength(1), { timeout: 2000 });
    expect(f.stored.meeting.starts_at).toBe(r.created_at);
    await fireEvent.click(screen.getByTestId("back"));
    await waitFor(() => expect(f.calls.at(-1)?.cmd).toBe("leave_draft"));
  });
});

describe("a finished note: filing and correcting", () => {
  const shortNow = /^\d\d\.\d\d\.\d{4} \d\d\.\d\d$/;

  it("is marked as filed: when (default now, Danish), document number, passphrase; then shows it", async () => {
    const f = fakeBackend(finishedRecord());
    render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: noop });
    await screen.findByTestId("finished-view");
    const status = screen.getByTestId("filing-status");
    expect(status.getAttribute("data-filed")).toBe("false");
    expect(status.textContent).toContain("Det underskrevne notat er noteringen i sagen.");
    expect(status.textContent).toContain("Ikke journaliseret endnu.");
    await fireEvent.click(screen.getByTestId("mark-filed"));
    const dialog = screen.getByTestId("filing-dialog");
    const when = within(dialog).getByTestId("filing-filed-at") as HTMLInputElement;
    expect(when.value).toMatch(shortNow);
    await fireEvent.input(within(dialog).getByTestId("filing-document-number"), { target: { value: "4711" } });

    // Wrong passphrase: said at the passphrase, nothing filed.
    f.filingError = appError("wrong_passphrase", "passphrase");
    const pass = within(dialog).getByTestId("filing-passphrase") as HTMLInputElement;
    await fireEvent.input(pass, { target: { value: "forkert" } });
    await fireEvent.submit(pass.form!);
    expect((await within(dialog).findByTestId("filing-error")).textContent).toBe("Adgangssætningen er forkert. Prøv igen.");
    expect(pass.value).toBe("");

    f.filingError = null;
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    const before = Date.now();
    await fireEvent.submit(pass.form!);
    await waitFor(() => expect(screen.queryByTestId("filing-dialog")).toBeNull());
    const call = f.calls.filter((c) => c.cmd === "mark_filed").at(-1)!;
    expect(Object.keys(call.args).sort()).toEqual(["document_number", "filed_at", "id", "passphrase"]);
    expect(call.args).toMatchObject({ id: RECORD_ID, document_number: "4711", passphrase: "hemmelig kode" });
    // Left as offered: the moment of marking, exactly (never a minute before the signing).
    expect(Math.abs(new Date(call.args["filed_at"] as string).getTime() - before)).toBeLessThan(5000);
    const filed = screen.getByTestId("filed");
    expect(filed.textContent).toMatch(/^Journaliseret \d\d\.\d\d\.\d{4} \d\d\.\d\d \(dok\. nr\. 4711\)$/);
    expect(screen.getByTestId("filing-status").getAttribute("data-filed")).toBe("true");
    expect(screen.queryByTestId("mark-filed")).toBeNull();
  });

  it("takes a typed Danish time, refuses one that is not a time, and says Rust's bounds with their times", async () => {
    const f = fakeBackend(finishedRecord());
    render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: noop });
    await fireEvent.click(await screen.findByTestId("mark-filed"));
    const dialog = screen.getByTestId("filing-dialog");
    const when = within(dialog).getByTestId("filing-filed-at") as HTMLInputElement;
    const pass = within(dialog).getByTestId("filing-passphrase") as HTMLInputElement;

    await fireEvent.input(when, { target: { value: "31.02.2026 10.00" } });
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    await fireEvent.submit(pass.form!);
    expect(within(dialog).getByTestId("filing-filed-at-error").textContent).toContain("Skriv dato og tid som dd.mm.åååå tt.mm");
    expect(f.calls.some((c) => c.cmd === "mark_filed")).toBe(false);

    f.filingError = appError("time_out_of_range", "filed_at", { min: "2026-11-06T11:00:00.000Z", max: "2026-11-06T12:00:00.000Z" });
    await fireEvent.input(when, { target: { value: "05.11.2026 09.15" } });
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    await fireEvent.submit(pass.form!);
    const err = await within(dialog).findByTestId("filing-filed-at-error");
    expect(err.textContent).toMatch(/^Tidspunktet i «Journaliseret» er ikke muligt: det skal ligge fra 06\.11\.2026 kl\. \d\d\.00 og før 06\.11\.2026 kl\. \d\d\.00\.$/);
    const sent = f.calls.filter((c) => c.cmd === "mark_filed").at(-1)!.args["filed_at"];
    expect(sent).toBe(new Date(2026, 10, 5, 9, 15).toISOString().replace(".000Z", "Z"));
  });

  it("already filed (elsewhere): closes and shows the filing Rust has", async () => {
    const f = fakeBackend(finishedRecord(), { filingError: appError("already_filed") });
    render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: noop });
    await fireEvent.click(await screen.findByTestId("mark-filed"));
    f.filing = { filed_at: "2026-11-06T11:30:00Z", document_number: "" };
    const pass = within(screen.getByTestId("filing-dialog")).getByTestId("filing-passphrase") as HTMLInputElement;
    await fireEvent.input(pass, { target: { value: "hemmelig kode" } });
    await fireEvent.submit(pass.form!);
    const filed = await screen.findByTestId("filed");
    expect(filed.textContent).toMatch(/^Journaliseret 06\.11\.2026 \d\d\.30$/);
  });

  it("is corrected by an addendum: asks why, creates it and opens the new draft", async () => {
    const f = fakeBackend(finishedRecord());
    let opened: string | null = null;
    render(RecordEditor, { id: RECORD_ID, onclose: noop, onsettings: noop, onopen: (id: string) => (opened = id) });
    await fireEvent.click(await screen.findByTestId("addendum"));
    const dialog = screen.getByTestId("addendum-dialog");
    expect(dialog.textContent).toContain("Et underskrevet notat ændres aldrig.");
    await fireEvent.input(within(dialog).getByTestId("addendum-reason"), { target: { value: "Forkert sagsnummer" } });
    await fireEvent.click(within(dialog).getByTestId("addendum-confirm"));
    await waitFor(() => expect(opened).toBe(ADDENDUM_ID));
    expect(f.calls.find((c) => c.cmd === "create_addendum")?.args).toEqual({ original: RECORD_ID, reason: "Forkert sagsnummer" });
  });

  it("an addendum's review shows the corrected fields, before and now, and its reason can be edited", async () => {
    const r = draftRecord();
    r.recording.origin = "asked_first";
    r.recording.decision = "allowed";
    r.addendum_to = { record_id: "01ORIGINAL", content_hash: "ab".repeat(32), reason: "Forkert sagsnummer", changes: [] };
    const f = fakeBackend(r);
    await open(f);
    expect(screen.getByTestId("addendum-tag").textContent).toBe("Tillæg");
    f.changes = [
      { field: "meeting.case_number", old: "27.12.00-A00-1-26", new: "27.12.00-A00-2-26" },
      { field: "recording.decision", old: "allowed", new: "refused" },
      { field: "meeting.others_matters_discussed", old: "false", new: "true" },
    ];
    await fireEvent.input(screen.getByTestId("f-meeting-case-number"), { target: { value: "27.12.00-A00-2-26" } });
    await waitFor(() => expect(saves(f)).toHaveLength(1), { timeout: 2000 });
    await fireEvent.click(screen.getByTestId("step-review-tab"));
    const changes = screen.getByTestId("addendum-changes");
    expect(changes.textContent).toContain("Rettede oplysninger");
    expect(within(changes).getAllByTestId("addendum-change").map((li) => li.textContent?.replace(/\s+/g, " ").trim())).toEqual([
      "Sagsnummer – før: 27.12.00-A00-1-26, nu: 27.12.00-A00-2-26",
      "Beslutning – før: Tilladt, nu: Afvist",
      "Andres personlige forhold drøftes – før: Nej, nu: Ja",
    ]);
    const reason = screen.getByTestId("f-addendum-to-reason") as HTMLTextAreaElement;
    expect(reason.value).toBe("Forkert sagsnummer");
    await fireEvent.input(reason, { target: { value: "Forkert sagsnummer i det oprindelige notat" } });
    await waitFor(() => expect(f.stored.addendum_to?.reason).toBe("Forkert sagsnummer i det oprindelige notat"), { timeout: 2000 });
  });
});
