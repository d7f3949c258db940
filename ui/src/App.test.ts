import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import App from "./App.svelte";
import { loadLang } from "./lib/i18n.svelte";
import type { ListFilter, ListQuery, MeetingKind, RecordSummary, SettingsView, SyncStatusView } from "./lib/ipc";
import { BUILTIN_POLICY_STATUS, appError, draftRecord, policyTexts, view } from "./testdata";

function rec(over: Partial<RecordSummary> & { id: string }): RecordSummary {
  return {
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
    ...over,
  };
}

type Call = { cmd: string; args: unknown };

// Over JSON the counts are numbers, though bindings.ts types them as bigint.
let syncAnswer: SyncStatusView;
function setSync(over: Record<string, unknown> = {}): void {
  syncAnswer = {
    pending: 2,
    oldest_pending_age_seconds: 3 * 3600 + 5,
    last_success_at: null,
    last_error: { kind: "share_missing", message: "ENOENT: /mnt/share" },
    conflicts: [],
    running: false,
    share_dir: "/mnt/share",
    share_is_local_default: false,
          policy: BUILTIN_POLICY_STATUS,
    ...over,
  } as unknown as SyncStatusView;
}

/** A small in-memory fake of the Rust side. */
function fakeBackend(initial: RecordSummary[] = []): { calls: Call[]; records: RecordSummary[] } {
  const state = { calls: [] as Call[], records: [...initial] };
  // Drafts something was written into (as Rust knows from their event log).
  const written = new Set<string>();
  let n = 0;
  mockIPC((cmd, args) => {
    state.calls.push({ cmd, args });
    switch (cmd) {
      case "list_records": {
        const { query } = args as { query: ListQuery };
        const text = query.text?.toLowerCase() ?? null;
        const offset = query.offset ?? 0;
        return state.records
          .filter((r) => text === null || r.subject.toLowerCase().includes(text))
          .filter((r) => inFilter(r, query.filter ?? "all"))
          .slice(offset, offset + query.limit);
      }
      case "create_draft": {
        const { kind } = args as { kind: MeetingKind };
        n += 1;
        const created = rec({ id: `new-${n}`, kind, created_at: "2026-11-28T14:00:00Z" });
        // The fake deliberately appends, so the UI must put the new draft on top itself.
        state.records.push(created);
        // create_draft answers with the new record's view, not a summary.
        return view({ ...draftRecord(kind), id: created.id });
      }
      case "get_record": {
        const { id } = args as { id: string };
        const summary = state.records.find((r) => r.id === id);
        return view({ ...draftRecord(asKind(summary?.kind ?? "citizen")), id });
      }
      case "save_draft": {
        const { record } = args as { record: { id: string } };
        written.add(record.id);
        return view({ ...draftRecord(), ...record } as ReturnType<typeof draftRecord>);
      }
      case "leave_draft": {
        // Rust discards a draft nothing was written into (slowly: the list must wait).
        const { id } = args as { id: string };
        return new Promise((resolve) =>
          setTimeout(() => {
            const summary = state.records.find((r) => r.id === id);
            const untouched = summary?.state === "draft" && !written.has(id) && !id.startsWith("old");
            if (untouched) state.records = state.records.filter((r) => r.id !== id);
            resolve(untouched);
          }, 150),
        );
      }
      case "policy_texts":
        return policyTexts((args as { kind: MeetingKind }).kind);
      case "get_settings":
        return {
          settings: { staff: { name: "", initials: "" }, units: [], rooms: [], language: "da", share_dir: "" },
          data_dir: "/d",
          effective_share_dir: "/d/share",
          share_is_local_default: true,
          policy: BUILTIN_POLICY_STATUS,
        } satisfies SettingsView;
      case "sync_status":
        return syncAnswer;
      case "key_status":
        return { exists: false, key_id: null, signer_name: null, signer_initials: null, public_key_path: null, endorsement: null };
      default:
        throw `command ${cmd} not found`;
    }
  });
  return state;
}

/** What Rust's `ListFilter` selects (src-tauri/core/src/store/records.rs). */
function inFilter(r: RecordSummary, filter: ListFilter): boolean {
  switch (filter) {
    case "all":
      return true;
    case "drafts":
      return r.state === "draft";
    case "not_sent":
      return r.state === "finished" && (r.sync_state === "pending" || r.sync_state === "conflict");
    case "not_filed":
      return r.state === "finished" && r.filed_at === null;
  }
}

const asKind = (kind: string): MeetingKind => (kind === "employee" ? "employee" : "citizen");

const listCalls = (calls: Call[]): Call[] => calls.filter((c) => c.cmd === "list_records");

beforeEach(() => {
  localStorage.clear();
  loadLang();
  setSync();
});

afterEach(() => {
  clearMocks();
});

describe("start screen", () => {
  it("on a fresh PC says what is needed before a note can be finished, and leads to Settings", async () => {
    fakeBackend([]);
    render(App);
    const list = await screen.findByTestId("setup-checklist");
    for (const id of ["name", "key", "share"]) {
      expect(within(list).getByTestId(`setup-${id}`).getAttribute("data-done")).toBe("false");
    }
    expect(list.textContent).toContain("Før du kan afslutte et notat");
    await fireEvent.click(within(list).getByTestId("setup-go"));
    await screen.findByTestId("key-section");
  });

  it("renders the Danish heading and the empty state", async () => {
    const backend = fakeBackend([]);
    render(App);
    expect(screen.getByRole("heading", { level: 1 }).textContent).toContain("Samtalenotat");
    expect(screen.getByRole("heading", { level: 2, name: "Mødenotater" })).toBeTruthy();
    const empty = await screen.findByTestId("empty-state");
    expect(empty.textContent).toBe("Ingen mødenotater endnu. Tryk på »Nyt møde« for at begynde.");
    expect(screen.queryByTestId("record-list")).toBeNull();
    expect(listCalls(backend.calls)[0]?.args).toEqual({ query: { limit: 51 } });
    expect(screen.getByLabelText("Søg")).toBe(screen.getByTestId("search"));
    expect(document.documentElement.lang).toBe("da");
  });

  it("shows a loading state until the list arrives", async () => {
    let resolve: (v: RecordSummary[]) => void = () => {};
    mockIPC(() => new Promise<RecordSummary[]>((r) => (resolve = r)));
    render(App);
    expect(screen.getByTestId("loading").textContent).toContain("Henter mødenotater");
    resolve([]);
    await screen.findByTestId("empty-state");
    expect(screen.queryByTestId("loading")).toBeNull();
  });

  it("renders rows from list_records", async () => {
    fakeBackend([
      rec({ id: "a", subject: "Tilbud om boligstøtte", case_number: "27.00.00-G01-1-26", unit: "Borgerservice" }),
      rec({ id: "b", kind: "employee", state: "finished", subject: "" }),
    ]);
    render(App);
    const list = await screen.findByTestId("record-list");
    expect(list.tagName).toBe("UL");
    const rows = within(list).getAllByTestId("record-row");
    expect(rows.map((r) => r.tagName)).toEqual(["LI", "LI"]);
    expect(rows.map((r) => r.getAttribute("data-record-id"))).toEqual(["a", "b"]);
    expect(rows.map((r) => r.getAttribute("data-state"))).toEqual(["draft", "finished"]);

    const [first, second] = rows as [HTMLElement, HTMLElement];
    expect(first.textContent).toContain("Borgermøde");
    expect(first.textContent).toContain("Kladde");
    expect(first.textContent).toContain("Tilbud om boligstøtte");
    expect(first.textContent).toContain("27.00.00-G01-1-26");
    expect(first.textContent).toContain("Borgerservice");
    expect(first.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-28T13:05:00Z");
    expect(first.querySelector("time")?.textContent).toMatch(/^\d\d\.\d\d\.\d{4} kl\. \d\d\.\d\d$/);
    expect(second.textContent).toContain("Samtale mellem ansat og leder");
    expect(second.textContent).toContain("Afsluttet");
    expect(second.textContent).toContain("(uden emne)");
    expect(screen.getByTestId("list-status").textContent).toContain("2 mødenotater");
  });

  it("creates a citizen draft via Nyt møde and opens it", async () => {
    const backend = fakeBackend([rec({ id: "old", subject: "Gammelt møde" })]);
    render(App);
    await screen.findByTestId("record-list");

    const newButton = screen.getByTestId("new-meeting");
    expect(newButton.getAttribute("aria-expanded")).toBe("false");
    await fireEvent.click(newButton);
    expect(newButton.getAttribute("aria-expanded")).toBe("true");
    const citizen = screen.getByTestId("kind-citizen");
    expect(document.activeElement).toBe(citizen);
    expect(screen.getByTestId("kind-employee").textContent).toContain("bisidder");

    await fireEvent.click(citizen);

    const editor = await screen.findByTestId("editor");
    expect(editor.getAttribute("data-record-id")).toBe("new-1");
    await screen.findByTestId("step-meeting");
    const creates = backend.calls.filter((c) => c.cmd === "create_draft");
    expect(creates).toEqual([{ cmd: "create_draft", args: { kind: "citizen" } }]);

    // Back on the list without writing anything: Rust was told, and the empty draft is gone.
    await fireEvent.click(screen.getByTestId("back"));
    await waitFor(() => {
      const rows = screen.getAllByTestId("record-row");
      expect(rows.map((r) => r.getAttribute("data-record-id"))).toEqual(["old"]);
    });
    expect(backend.calls.filter((c) => c.cmd === "leave_draft").map((c) => c.args)).toEqual([{ id: "new-1" }]);
    expect(screen.getByTestId("record-list").textContent).not.toContain("(uden emne)");
  });

  it("a draft something was written into stays on the list after leaving", async () => {
    const backend = fakeBackend([]);
    render(App);
    await screen.findByTestId("empty-state");
    await fireEvent.click(screen.getByTestId("new-meeting"));
    await fireEvent.click(screen.getByTestId("kind-citizen"));
    await fireEvent.input(await screen.findByTestId("f-meeting-subject"), { target: { value: "Bolig" } });
    // Leaving through the main menu, not the back button: the list waits for the editor to leave.
    await fireEvent.click(screen.getByTestId("nav-records"));
    await waitFor(() => expect(screen.getAllByTestId("record-row").map((r) => r.getAttribute("data-record-id"))).toEqual(["new-1"]));
    const cmds = backend.calls.map((c) => c.cmd);
    expect(cmds.indexOf("save_draft")).toBeLessThan(cmds.indexOf("leave_draft"));
    expect(cmds.lastIndexOf("list_records")).toBeGreaterThan(cmds.indexOf("leave_draft"));
  });

  it("leaving through the main menu also discards an untouched draft before the list is read", async () => {
    const backend = fakeBackend([]);
    render(App);
    await screen.findByTestId("empty-state");
    await fireEvent.click(screen.getByTestId("new-meeting"));
    await fireEvent.click(screen.getByTestId("kind-employee"));
    await screen.findByTestId("step-meeting");
    await fireEvent.click(screen.getByTestId("nav-records"));
    await screen.findByTestId("empty-state");
    expect(screen.queryByTestId("record-row")).toBeNull();
    const cmds = backend.calls.map((c) => c.cmd);
    expect(cmds).not.toContain("save_draft");
    expect(cmds.lastIndexOf("list_records")).toBeGreaterThan(cmds.indexOf("leave_draft"));
  });

  it("shows the decision, whether a note is filed and where it is on its way in each row", async () => {
    fakeBackend([
      rec({ id: "a", state: "finished", subject: "Bolig", decision: "allowed", sync_state: "on_share", filed_at: "2026-11-28T14:05:00Z" }),
      rec({ id: "b", state: "finished", subject: "Netværk", decision: "refused", sync_state: "pending" }),
      rec({ id: "c", subject: "Kladde", meeting_starts_at: "2026-11-28T09:00:00Z" }),
      rec({ id: "d", state: "finished", subject: "Konflikt", sync_state: "conflict" }),
      rec({ id: "e", state: "finished", subject: "Lokalt", sync_state: "on_this_pc" }),
    ]);
    render(App);
    const rows = await screen.findAllByTestId("record-row");
    const [a, b, c, d, e] = rows as [HTMLElement, HTMLElement, HTMLElement, HTMLElement, HTMLElement];
    expect(within(a).getByTestId("row-decision").textContent).toBe("Optagelse tilladt");
    expect(within(a).getByTestId("row-filed").getAttribute("data-filed")).toBe("true");
    expect(within(a).getByTestId("row-filed").textContent).toMatch(/^Journaliseret 28\.11\.2026 \d\d\.05$/);
    expect(within(a).getByTestId("row-sync").textContent).toBe("Sendt til det fælles drev");
    expect(within(b).getByTestId("row-decision").textContent).toBe("Optagelse afvist");
    expect(within(b).getByTestId("row-filed").textContent).toBe("Ikke journaliseret");
    expect(within(b).getByTestId("row-filed").getAttribute("data-filed")).toBe("false");
    expect(within(b).getByTestId("row-sync").textContent).toBe("Venter på afsendelse");
    // A draft has no filing or sync state; its time is the meeting's.
    expect(within(c).queryByTestId("row-filed")).toBeNull();
    expect(within(c).queryByTestId("row-decision")).toBeNull();
    expect(c.querySelector("time")?.getAttribute("datetime")).toBe("2026-11-28T09:00:00Z");
    expect(c.textContent).toContain("Mødet");
    expect(within(d).getByTestId("row-sync").textContent).toBe("Konflikt på det fælles drev");
    // Confirmed only in the app's own folder on this PC: nothing has left the PC.
    expect(within(e).getByTestId("row-sync").textContent).toBe("Kun i en mappe på denne computer");
  });

  it("filters by drafts, not sent and not filed, and asks Rust for the filter", async () => {
    const backend = fakeBackend([
      rec({ id: "sent", state: "finished", sync_state: "on_share", filed_at: "2026-11-28T14:05:00Z" }),
      rec({ id: "waits", state: "finished", sync_state: "pending" }),
      rec({ id: "draft" }),
      rec({ id: "unfiled", state: "finished", sync_state: "on_share" }),
    ]);
    render(App);
    await screen.findAllByTestId("record-row");
    const group = screen.getByTestId("list-filter");
    expect(group.querySelector("legend")?.textContent).toBe("Vis");
    const labels = [...group.querySelectorAll("label")].map((l) => l.textContent?.trim());
    expect(labels).toEqual(["Alle", "Kladder", "Ikke sendt", "Ikke journaliseret"]);
    expect((screen.getByTestId("filter-all") as HTMLInputElement).checked).toBe(true);
    const shown = (): string[] => screen.queryAllByTestId("record-row").map((r) => r.getAttribute("data-record-id") ?? "");
    const cases: [ListFilter, string[]][] = [
      ["drafts", ["draft"]],
      ["not_sent", ["waits"]],
      ["not_filed", ["waits", "unfiled"]],
      ["all", ["sent", "waits", "draft", "unfiled"]],
    ];
    for (const [filter, ids] of cases) {
      await fireEvent.click(screen.getByTestId(`filter-${filter}`));
      await waitFor(() => expect(shown()).toEqual(ids));
      const last = listCalls(backend.calls).at(-1)?.args as { query: ListQuery };
      expect(last.query.filter).toBe(filter === "all" ? undefined : filter);
    }
    // Nothing under a filter says so, by the filter's name.
    backend.records = backend.records.filter((r) => r.state !== "draft");
    await fireEvent.click(screen.getByTestId("filter-drafts"));
    const empty = await screen.findByTestId("empty-state");
    expect(empty.getAttribute("data-reason")).toBe("filter");
    expect(empty.textContent).toBe("Ingen mødenotater under »Kladder«.");
  });

  it("shows one page of 50 and the next with »Vis flere«, focus on the first new row", async () => {
    const many = Array.from({ length: 120 }, (_, i) => rec({ id: `r${String(i).padStart(3, "0")}`, subject: `Møde ${i}` }));
    const backend = fakeBackend(many);
    render(App);
    await waitFor(() => expect(screen.getAllByTestId("record-row")).toHaveLength(50));
    expect(screen.getByTestId("list-count").textContent).toContain("De 50 nyeste vises – der er flere");
    expect((listCalls(backend.calls)[0]?.args as { query: ListQuery }).query).toEqual({ limit: 51 });
    await fireEvent.click(screen.getByTestId("list-more"));
    await waitFor(() => expect(screen.getAllByTestId("record-row")).toHaveLength(100));
    expect((listCalls(backend.calls).at(-1)?.args as { query: ListQuery }).query).toEqual({ limit: 51, offset: 50 });
    expect(document.activeElement?.closest("[data-testid=record-row]")?.getAttribute("data-record-id")).toBe("r050");
    await fireEvent.click(screen.getByTestId("list-more"));
    await waitFor(() => expect(screen.getAllByTestId("record-row")).toHaveLength(120));
    expect(screen.queryByTestId("list-more")).toBeNull();
    expect(screen.getByTestId("list-count").textContent).toContain("120 mødenotater");
  });

  it("says beside a conflicting note what to do, naming the file in the way", async () => {
    const file = "samtalenotat/v1/notes/2026/11/01KB/note.pdf";
    fakeBackend([
      rec({ id: "c", state: "finished", sync_state: "conflict", conflict_files: [file] }),
      rec({ id: "p", state: "finished", sync_state: "pending" }),
    ]);
    render(App);
    const [c, p] = (await screen.findAllByTestId("record-row")) as [HTMLElement, HTMLElement];
    const advice = within(c).getByTestId("row-conflict-advice");
    expect(advice.textContent).toContain("Bed en med adgang til drevet (fx IT-support) om at flytte filen væk");
    expect(advice.textContent).toContain("»Synkronisér nu«");
    expect(within(advice).getByTestId("row-conflict-file").textContent).toBe(file);
    // Not part of the row's button: the button's name stays short.
    expect(within(c).getByTestId("open-record").contains(advice)).toBe(false);
    expect(within(p).queryByTestId("row-conflict-advice")).toBeNull();
  });

  it("opens a record by clicking its row", async () => {
    fakeBackend([rec({ id: "old", subject: "Gammelt møde", kind: "employee" })]);
    render(App);
    await fireEvent.click(await screen.findByTestId("open-record"));
    const editor = await screen.findByTestId("editor");
    expect(editor.getAttribute("data-record-id")).toBe("old");
    await screen.findByTestId("step-meeting");
    expect(editor.textContent).toContain("Ansat (navn eller reference)");
  });

  it("shows what waits to be sent, in plain Danish", async () => {
    fakeBackend([]);
    render(App);
    const line = await screen.findByTestId("sync-status");
    expect(line.textContent).toContain("2 notater venter på at blive sendt");
    expect(line.textContent).toContain("det ældste har ventet 3 timer");
    expect(line.textContent).toContain("Seneste forsøg mislykkedes: det fælles drev kunne ikke findes.");
    expect(line.textContent).not.toContain("ENOENT");
    expect(screen.getByTestId("sync-now").textContent).toContain("Synkronisér nu");
  });

  it("says every sync error kind in Danish, and a kind it does not know in general words", async () => {
    const expected: Record<string, string> = {
      share_missing: "det fælles drev kunne ikke findes",
      permission: "ingen adgang til det fælles drev",
      disk_full: "det fælles drev er fuldt",
      timeout: "det fælles drev svarede ikke",
      io: "det fælles drev kunne ikke læses eller skrives",
      invalid_artifact: "et notat kunne ikke lægges på det fælles drev",
      brand_new_kind: "ukendt fejl",
    };
    for (const [kind, words] of Object.entries(expected)) {
      setSync({ last_error: { kind, message: `English ${kind}` } });
      fakeBackend([]);
      const { unmount } = render(App);
      const error = await screen.findByTestId("sync-error");
      expect(error.textContent).toContain(words);
      expect(error.textContent).not.toContain("English");
      unmount();
      clearMocks();
    }
  });

  it("says when notes only reach the default folder on this PC", async () => {
    setSync({ pending: 0, oldest_pending_age_seconds: null, last_error: null, share_is_local_default: true });
    fakeBackend([]);
    render(App);
    const line = await screen.findByTestId("sync-status");
    expect(line.getAttribute("data-pending")).toBe("0");
    expect(line.textContent).toContain("Alle afsluttede notater er gemt i standardmappen på denne computer.");
  });

  it("creates an employee draft", async () => {
    const backend = fakeBackend([]);
    render(App);
    await screen.findByTestId("empty-state");
    await fireEvent.click(screen.getByTestId("new-meeting"));
    await fireEvent.click(screen.getByTestId("kind-employee"));
    await screen.findByTestId("step-meeting");
    expect(screen.getByTestId("editor").textContent).toContain("Samtale mellem ansat og leder");
    expect(backend.calls.find((c) => c.cmd === "create_draft")?.args).toEqual({ kind: "employee" });
  });

  it("closes the kind choice with Escape and returns focus", async () => {
    const backend = fakeBackend([]);
    render(App);
    await screen.findByTestId("empty-state");
    const newButton = screen.getByTestId("new-meeting");
    await fireEvent.click(newButton);
    const citizen = screen.getByTestId("kind-citizen");
    await fireEvent.keyDown(citizen, { key: "Escape" });
    expect(screen.queryByTestId("kind-choice")).toBeNull();
    expect(newButton.getAttribute("aria-expanded")).toBe("false");
    expect(document.activeElement).toBe(newButton);
    expect(backend.calls.some((c) => c.cmd === "create_draft")).toBe(false);
  });

  it("shows the translated storage error, not the raw message, and retries", async () => {
    let fail = true;
    const calls: string[] = [];
    mockIPC((cmd) => {
      calls.push(cmd);
      if (fail) throw appError("storage", null, {}, "SQLITE_BUSY: database is locked");
      return [rec({ id: "x", subject: "Efter genforsøg" })];
    });
    render(App);
    const alert = await screen.findByRole("alert");
    expect(alert.textContent).toContain("Data kunne ikke læses eller gemmes på denne computer.");
    expect(document.body.textContent).not.toContain("SQLITE_BUSY");
    expect(document.body.textContent).not.toContain("database is locked");

    fail = false;
    await fireEvent.click(within(alert).getByRole("button", { name: "Prøv igen" }));
    await screen.findByTestId("record-row");
    expect(screen.queryByRole("alert")).toBeNull();
    expect(calls.filter((c) => c === "list_records")).toEqual(["list_records", "list_records"]);
  });

  it("shows a translated message for a failed create_draft", async () => {
    mockIPC((cmd) => {
      if (cmd === "create_draft") throw appError("storage", null, {}, "nope");
      return [];
    });
    render(App);
    await screen.findByTestId("empty-state");
    await fireEvent.click(screen.getByTestId("new-meeting"));
    await fireEvent.click(screen.getByTestId("kind-citizen"));
    const alert = await screen.findByRole("alert");
    expect(alert.getAttribute("data-error-code")).toBe("storage");
    expect(alert.textContent).toContain("Data kunne ikke læses eller gemmes");
    expect(alert.textContent).not.toContain("nope");
  });

  it("debounces the search and passes the text to list_records", async () => {
    const backend = fakeBackend([rec({ id: "a", subject: "Bolig" }), rec({ id: "b", subject: "Sygefravær" })]);
    render(App);
    await screen.findByTestId("record-list");
    const search = screen.getByTestId("search") as HTMLInputElement;
    for (const value of ["s", "sy", "syg"]) {
      await fireEvent.input(search, { target: { value } });
    }
    await waitFor(() => {
      expect(screen.getAllByTestId("record-row").map((r) => r.getAttribute("data-record-id"))).toEqual(["b"]);
    });
    const lists = listCalls(backend.calls);
    expect(lists).toHaveLength(2);
    expect(lists[1]?.args).toEqual({ query: { limit: 51, text: "syg" } });
    expect(lists[0]?.args).toEqual({ query: { limit: 51 } });

    await fireEvent.input(search, { target: { value: "findes ikke" } });
    const empty = await screen.findByTestId("empty-state");
    expect(empty.getAttribute("data-reason")).toBe("no-match");
  });

  it("switches language to English and back", async () => {
    fakeBackend([rec({ id: "a", kind: "employee", state: "finished" })]);
    render(App);
    await screen.findByTestId("record-row");
    const sw = screen.getByTestId("lang-switch");
    expect(sw.tagName).toBe("BUTTON");
    expect(sw.textContent?.trim()).toBe("English");

    await fireEvent.click(sw);
    expect(screen.getByRole("heading", { level: 2, name: "Meeting records" })).toBeTruthy();
    expect(screen.getByTestId("new-meeting").textContent).toContain("New meeting");
    expect(screen.getByLabelText("Search")).toBe(screen.getByTestId("search"));
    const row = screen.getByTestId("record-row");
    expect(row.textContent).toContain("Employee–manager meeting");
    expect(row.textContent).toContain("Finished");
    expect(row.textContent).toContain("(no subject)");
    expect(row.querySelector("time")?.textContent).toMatch(/^\d{1,2} [A-Z][a-z]{2} \d{4}, \d\d:\d\d$/);
    expect(document.documentElement.lang).toBe("en");
    expect(localStorage.getItem("samtalenotat.lang")).toBe("en");
    expect(sw.textContent?.trim()).toBe("Dansk");

    await fireEvent.click(sw);
    expect(screen.getByRole("heading", { level: 2, name: "Mødenotater" })).toBeTruthy();
    expect(document.documentElement.lang).toBe("da");
  });

  it("starts in the stored language", async () => {
    localStorage.setItem("samtalenotat.lang", "en");
    loadLang();
    fakeBackend([]);
    render(App);
    const empty = await screen.findByTestId("empty-state");
    expect(empty.textContent).toContain("No meeting records yet.");
  });
});
