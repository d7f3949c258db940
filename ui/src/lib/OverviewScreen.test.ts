import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appError } from "../testdata";
import { loadLang } from "./i18n.svelte";
import type { Counts, OverviewView } from "./ipc";
import OverviewScreen from "./OverviewScreen.svelte";

const counts = (allowed: number, refused: number): Counts => ({
  notes: allowed + refused,
  requests: allowed + refused,
  allowed,
  refused,
  ground_a: refused,
  ground_b: 0,
  ground_c: 0,
  unannounced_open: 0,
  unannounced_hidden: 0,
  video_requested: 0,
  video_allowed: 0,
  oral_decisions: 0,
  incidents: 0,
});

const VIEW: OverviewView = {
  aggregate: {
    rows: [
      { unit: "Borgerservice", period: "alle", counts: counts(18, 2) },
      { unit: "Jobcenter", period: "alle", counts: counts(4, 12) },
    ],
    units: [
      { unit: "Borgerservice", counts: counts(18, 2), refusal_rate: 0.1, rest_refusal_rate: 0.75, z: -4.4, stands_out: true },
      { unit: "Jobcenter", counts: counts(4, 12), refusal_rate: 0.75, rest_refusal_rate: 0.1, z: 4.4, stands_out: true },
    ],
    municipality: counts(22, 14),
  },
  scan: {
    folders: 37,
    verified: 37,
    reused: 0,
    trusted: 36,
    problems: [
      { kind: "unknown_key", note_id: "01JCZ3K8QA0000000000000006", path: "samtalenotat/v1/notes/2026/11/01JCZ3K8QA0000000000000006", detail: "x" },
    ],
  },
  scanned_at: "2026-11-28T13:05:00Z",
  share_dir: "/mnt/faelles",
};

let calls: { cmd: string; args: unknown }[] = [];
let answer: () => unknown = () => VIEW;

beforeEach(() => {
  localStorage.clear();
  loadLang();
  calls = [];
  answer = () => VIEW;
  mockIPC((cmd, args) => {
    calls.push({ cmd, args });
    if (cmd === "overview") return answer();
    if (cmd === "export_overview_csv") return "/home/hr/overblik-2026-11-28-excel.csv";
    throw `command ${cmd} not found`;
  });
});

afterEach(() => {
  cleanup();
  clearMocks();
});

describe("Overblik", () => {
  it("reads the share and shows the units beside the municipality, the outliers and the problems in Danish", async () => {
    render(OverviewScreen);
    await fireEvent.input(screen.getByTestId("ov-from"), { target: { value: "2026-01" } });
    await fireEvent.click(screen.getByTestId("ov-run"));
    await screen.findByTestId("ov-units");
    const q = calls.find((c) => c.cmd === "overview")?.args as { query: unknown };
    expect(q.query).toEqual({ period: "all", from: "2026-01" });
    expect(screen.getByTestId("ov-basis").textContent).toContain("Baseret på 36 godkendte notater");
    const rows = screen.getAllByTestId("ov-unit");
    expect(rows).toHaveLength(2);
    expect(within(rows[1]!).getByTestId("ov-stands-out").textContent).toContain("skiller sig ud");
    expect(rows[1]!.textContent).toContain("75 %");
    const problem = screen.getByTestId("ov-problem");
    expect(problem.getAttribute("data-kind")).toBe("unknown_key");
    expect(problem.textContent).toContain("ikke har godkendt");
    expect(screen.getByTestId("ov-chart").getAttribute("data-units")).toBe("2");
  });

  it("exports CSV for Danish Excel through the folder dialog", async () => {
    render(OverviewScreen);
    await fireEvent.click(screen.getByTestId("ov-run"));
    await fireEvent.click(await screen.findByTestId("ov-csv-excel"));
    expect((await screen.findByTestId("ov-csv-result")).textContent).toContain("overblik-2026-11-28-excel.csv");
    expect(calls.find((c) => c.cmd === "export_overview_csv")?.args).toEqual({ query: { period: "all" }, danish_excel: true });
  });

  it("says what to do without the administration key, from the code", async () => {
    answer = () => {
      throw appError("admin_key_missing", null, {}, "needs the key");
    };
    render(OverviewScreen);
    await fireEvent.click(screen.getByTestId("ov-run"));
    const err = await screen.findByTestId("ov-error");
    expect(err.getAttribute("data-error-code")).toBe("admin_key_missing");
    expect(err.textContent).toContain("administrationens nøgle");
  });

  it("refuses a month that is not one before asking Rust", async () => {
    render(OverviewScreen);
    await fireEvent.input(screen.getByTestId("ov-to"), { target: { value: "11-2026" } });
    expect((screen.getByTestId("ov-run") as HTMLButtonElement).disabled).toBe(true);
    expect(calls).toHaveLength(0);
  });
});
