import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { appError } from "../testdata";
import { loadLang } from "./i18n.svelte";
import type { AppError, KeyStatus, Settings, SettingsView, SyncStatusView, VerifyReport } from "./ipc";
import SettingsScreen from "./SettingsScreen.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

interface Fake {
  calls: Call[];
  settings: Settings;
  saveError: AppError | null;
  key: KeyStatus;
  keyStatusError: AppError | string | null;
  createKeyError: AppError | null;
  verify: VerifyReport | null;
}

const NO_KEY: KeyStatus = { exists: false, key_id: null, signer_name: null, signer_initials: null, public_key_path: null };

function settingsView(settings: Settings): SettingsView {
  return {
    settings,
    data_dir: "/home/mette/.local/share/samtalenotat",
    effective_share_dir: settings.share_dir === "" ? "/home/mette/.local/share/samtalenotat/share" : settings.share_dir,
    share_is_local_default: settings.share_dir === "",
  };
}

function fakeBackend(over: Partial<Fake> = {}): Fake {
  const f: Fake = {
    calls: [],
    settings: { staff: { name: "Mette Sørensen", initials: "MESO" }, units: ["Borgerservice"], rooms: [], language: "da", share_dir: "" },
    saveError: null,
    key: NO_KEY,
    keyStatusError: null,
    createKeyError: null,
    verify: null,
    ...over,
  };
  mockIPC((cmd, args) => {
    f.calls.push({ cmd, args: (args ?? {}) as Record<string, unknown> });
    switch (cmd) {
      case "get_settings":
        return settingsView(f.settings);
      case "save_settings":
        if (f.saveError) throw f.saveError;
        f.settings = (args as { settings: Settings }).settings;
        return settingsView(f.settings);
      case "key_status":
        if (f.keyStatusError) throw f.keyStatusError;
        return f.key;
      case "create_key":
        if (f.createKeyError) throw f.createKeyError;
        f.key = { exists: true, key_id: "ABCD1234", signer_name: "Mette Sørensen", signer_initials: "MESO", public_key_path: "/k.pub" };
        return f.key;
      case "verify_note_folder":
        return f.verify;
      case "sync_status":
        return {
          pending: 0,
          oldest_pending_age_seconds: null,
          last_success_at: null,
          last_error: null,
          conflicts: [],
          running: false,
          share_dir: f.settings.share_dir,
          share_is_local_default: f.settings.share_dir === "",
        } as unknown as SyncStatusView;
      default:
        throw `command ${cmd} not found`;
    }
  });
  return f;
}

beforeEach(() => {
  localStorage.clear();
  loadLang();
});

afterEach(() => {
  clearMocks();
});

async function open(): Promise<void> {
  render(SettingsScreen);
  await screen.findByTestId("settings-form");
}

describe("settings", () => {
  it("shows the folders from the snake_case view and says the default folder is local", async () => {
    fakeBackend();
    await open();
    expect((screen.getByTestId("data-dir") as HTMLInputElement).value).toBe("/home/mette/.local/share/samtalenotat");
    expect(screen.getByTestId("settings").textContent).toContain("Lige nu bruges: /home/mette/.local/share/samtalenotat/share");
    expect(screen.getByTestId("share-dir-local").textContent).toContain("standardmappen på denne computer");
  });

  it("saves the settings with share_dir", async () => {
    const f = fakeBackend();
    await open();
    await fireEvent.input(screen.getByTestId("share-dir"), { target: { value: "/mnt/faelles" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    await waitFor(() => expect(screen.getByTestId("settings-status").textContent).toContain("Indstillingerne er gemt."));
    const saved = f.calls.find((c) => c.cmd === "save_settings")?.args["settings"] as Settings;
    expect(saved.share_dir).toBe("/mnt/faelles");
    expect(Object.keys(saved).sort()).toEqual(["language", "rooms", "share_dir", "staff", "units"]);
    expect(screen.queryByTestId("share-dir-local")).toBeNull();
  });

  it("says a missing share in Danish at the share field, never Rust's English", async () => {
    fakeBackend({
      saveError: appError("share_missing", "share_dir", {}, "/mnt/faelles: No such file or directory (os error 2)"),
    });
    await open();
    const share = screen.getByTestId("share-dir") as HTMLInputElement;
    await fireEvent.input(share, { target: { value: "/mnt/faelles" } });
    await fireEvent.click(screen.getByTestId("settings-save"));
    const error = await screen.findByTestId("share-dir-error");
    expect(error.textContent).toBe(
      "Den fælles mappe kunne ikke findes. Kontrollér, at drevet er tilsluttet, og at stien i «Fælles mappe» er rigtig.",
    );
    expect(error.getAttribute("data-error-code")).toBe("share_missing");
    expect(share.getAttribute("aria-invalid")).toBe("true");
    expect(share.getAttribute("aria-describedby")).toContain("share-dir-error");
    expect(share.value).toBe("/mnt/faelles");
    expect(screen.getByTestId("settings-error").textContent).toContain("Indstillingerne er ikke gemt. Ret det markerede felt.");
    expect(document.body.textContent).not.toContain("No such file");
    expect(screen.getByTestId("staff-name").getAttribute("aria-invalid")).toBeNull();
  });

  it("says the other share problems at the share field too", async () => {
    const expected: Array<[AppError["code"], string]> = [
      ["share_permission", "Samtalenotat har ikke lov til at skrive i den fælles mappe i «Fælles mappe»."],
      ["share_disk_full", "Den fælles mappe i «Fælles mappe» er fuld."],
      ["share_timeout", "Den fælles mappe i «Fælles mappe» svarede ikke i tide."],
      ["share_io", "Den fælles mappe i «Fælles mappe» kunne ikke læses eller skrives."],
      ["bad_path", "«Fælles mappe» skal være den fulde sti til en mappe"],
    ];
    for (const [code, words] of expected) {
      fakeBackend({ saveError: appError(code, "share_dir", {}, "English") });
      const { unmount } = render(SettingsScreen);
      await fireEvent.click(await screen.findByTestId("settings-save"));
      expect((await screen.findByTestId("share-dir-error")).textContent).toContain(words);
      unmount();
      clearMocks();
    }
  });

  it("marks the staff field Rust names, with the numbers", async () => {
    fakeBackend({ saveError: appError("text_too_long", "staff.name", { max: "200", actual: "250" }) });
    await open();
    await fireEvent.click(screen.getByTestId("settings-save"));
    const error = await screen.findByTestId("staff-name-error");
    expect(error.textContent).toBe("Teksten i «Dit navn» er for lang: højst 200 tegn (nu 250).");
    expect(screen.getByTestId("staff-name").getAttribute("aria-invalid")).toBe("true");
    expect(screen.queryByTestId("share-dir-error")).toBeNull();
  });

  it("names a list by its field when one of its lines is refused", async () => {
    fakeBackend({ saveError: appError("text_control_character", "units", { code_point: "U+0000" }) });
    await open();
    await fireEvent.click(screen.getByTestId("settings-save"));
    expect((await screen.findByTestId("units-error")).textContent).toContain("Teksten i «Enheder» indeholder");
  });

  it("says an error without a field below the form", async () => {
    fakeBackend({ saveError: appError("storage", null, {}, "SQLITE_BUSY") });
    await open();
    await fireEvent.click(screen.getByTestId("settings-save"));
    const error = await screen.findByTestId("settings-error");
    expect(error.textContent).toContain("Data kunne ikke læses eller gemmes på denne computer.");
    expect(error.getAttribute("role")).toBe("alert");
  });
});

describe("signing key", () => {
  it("says Rust's refusal to create a key from its code", async () => {
    fakeBackend({ createKeyError: appError("no_staff", "staff", {}, "no staff identity") });
    await open();
    const form = await screen.findByTestId("key-form");
    await fireEvent.input(within(form).getByTestId("key-pass1"), { target: { value: "hemmelig kode" } });
    await fireEvent.input(within(form).getByTestId("key-pass2"), { target: { value: "hemmelig kode" } });
    await fireEvent.click(within(form).getByTestId("key-create"));
    const error = await screen.findByTestId("key-error");
    expect(error.textContent).toContain("Dit navn og dine initialer er ikke gemt på denne computer.");
  });

  it("shows the key from the snake_case KeyStatus once created", async () => {
    fakeBackend();
    await open();
    const form = await screen.findByTestId("key-form");
    await fireEvent.input(within(form).getByTestId("key-pass1"), { target: { value: "hemmelig kode" } });
    await fireEvent.input(within(form).getByTestId("key-pass2"), { target: { value: "hemmelig kode" } });
    await fireEvent.click(within(form).getByTestId("key-create"));
    await screen.findByTestId("key-exists");
    const section = screen.getByTestId("key-section");
    expect(section.textContent).toContain("Mette Sørensen (MESO)");
    expect(section.textContent).toContain("ABCD1234");
  });

  it("says when the key status cannot be read, instead of hiding the section", async () => {
    fakeBackend({ keyStatusError: "command key_status not allowed" });
    await open();
    const error = await screen.findByTestId("key-status-error");
    expect(error.textContent).toContain("Der opstod en uventet fejl i programmet.");
    expect(screen.queryByTestId("key-form")).toBeNull();
  });
});

describe("checking a note", () => {
  it("says in Danish what fails in each file, from the code", async () => {
    fakeBackend({
      verify: {
        ok: false,
        note_id: "01JCZ3K8QA0000000000000005",
        signer_known: false,
        checks: [
          { file: "note.json", ok: true, code: null, reason: null },
          { file: "note.pdf", ok: false, code: "content_changed", reason: "note.pdf: the content hash differs (sha256 ab12… ≠ cd34…)" },
          { file: "note.pdf", ok: false, code: "pdf_not_bound", reason: "note.pdf: not bound to note.json" },
          { file: "note.json.minisig", ok: false, code: "key_not_trusted", reason: "key 0123ABCD is not trusted" },
        ],
      },
    });
    await open();
    await fireEvent.click(screen.getByTestId("verify"));
    const result = await screen.findByTestId("verify-result");
    await waitFor(() => expect(result.getAttribute("data-outcome")).toBe("done"));
    expect(result.textContent).toContain("Notatet er ikke i orden. Se nedenfor, hvilke filer der fejler.");
    const checks = within(result).getAllByTestId("verify-check");
    expect(checks.map((c) => c.getAttribute("data-file"))).toEqual(["note.json", "note.pdf", "note.pdf", "note.json.minisig"]);
    const words = checks.map((c) => within(c).getByTestId("verify-words").textContent);
    expect(words).toEqual([
      "i orden",
      "indholdet er ændret, efter at det blev underskrevet",
      "PDF-filen hører ikke til dette notat",
      "nøglen, der har underskrevet, er ikke en af de kendte nøgler",
    ]);
    // Rust's English reason is at most a small technical detail beside the Danish words.
    const detail = within(checks[1]!).getByTestId("verify-reason");
    expect(detail.getAttribute("lang")).toBe("en");
    expect(within(checks[0]!).queryByTestId("verify-reason")).toBeNull();
  });

  it("says that a sound note is in order and whether the signer is known", async () => {
    fakeBackend({
      verify: {
        ok: true,
        note_id: "01JCZ3K8QA0000000000000005",
        signer_known: true,
        checks: [
          { file: "note.json", ok: true, code: null, reason: null },
          { file: "note.pdf", ok: true, code: null, reason: null },
        ],
      },
    });
    await open();
    await fireEvent.click(screen.getByTestId("verify"));
    await screen.findByTestId("verify-signer");
    expect(screen.getByTestId("verify-result").textContent).toContain("Notatet er i orden");
    expect(screen.getByTestId("verify-signer").getAttribute("data-known")).toBe("true");
  });

  it("says a cancelled check", async () => {
    fakeBackend({ verify: null });
    await open();
    await fireEvent.click(screen.getByTestId("verify"));
    await waitFor(() => expect(screen.getByTestId("verify-result").getAttribute("data-outcome")).toBe("cancelled"));
    expect(screen.getByTestId("verify-result").textContent).toContain("Kontrollen blev annulleret.");
  });
});
