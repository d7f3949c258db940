import { clearMocks, mockIPC } from "@tauri-apps/api/mocks";
import { cleanup, fireEvent, render, screen, waitFor, within } from "@testing-library/svelte";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BUILTIN_POLICY_STATUS, appError } from "../testdata";
import { loadLang } from "./i18n.svelte";
import type {
  PolicyStatus,
  AdminKeyStatus,
  AppError,
  Endorsement,
  FolderVerification,
  KeyStatus,
  Settings,
  SettingsView,
  SyncStatusView,
  VerifyReport,
} from "./ipc";
import SettingsScreen from "./SettingsScreen.svelte";

type Call = { cmd: string; args: Record<string, unknown> };

interface Fake {
  calls: Call[];
  settings: Settings;
  saveError: AppError | null;
  key: KeyStatus;
  keyStatusError: AppError | string | null;
  createKeyError: AppError | null;
  verify: FolderVerification | null;
  admin: AdminKeyStatus;
  /** The fingerprint `confirm_admin_key` accepts (compared as Rust does: spaces and case aside). */
  adminFingerprint: string;
  /** Where this PC's key stands once an administration key is confirmed. */
  endorsementAfterConfirm: Endorsement;
}

const NO_ADMIN_KEY: AdminKeyStatus = { source: "none", key_id: null, fingerprint: null, deployed_problem: null };
const ADMIN_KEY_ID = "4A5D6F0B2C9E8D71";
const ADMIN_FINGERPRINT = `${ADMIN_KEY_ID} 9F3C 0B12 77AE 51D0 C4E8 2A6B 1F90 3D47`;
const ADMIN_PUB = `untrusted comment: minisign public key ${ADMIN_KEY_ID}\nRWRxjZ4sDG9dSqXbT0m5Q2VZ4c6p1pF8Yy9kJ3sN7wD8cE2aQ1uL0vT\n`;

const sameFingerprint = (a: string, b: string): boolean => {
  const norm = (x: string): string => x.replace(/[^0-9a-z]/gi, "").toUpperCase();
  return norm(a) !== "" && norm(a) === norm(b);
};

/** This PC's key, as key_status answers it, with the given standing. */
function ownKey(endorsement: Endorsement | null): KeyStatus {
  return {
    exists: true,
    key_id: "ABCD1234",
    signer_name: "Mette Sørensen",
    signer_initials: "MESO",
    public_key_path: "/k.pub",
    endorsement,
  };
}

const NO_KEY: KeyStatus = { exists: false, key_id: null, signer_name: null, signer_initials: null, public_key_path: null, endorsement: null };

/** A verification as Rust answers it without an administration key on this PC. */
function withoutAdminKey(report: VerifyReport): FolderVerification {
  return { report, signer: null, basis: { basis: "no_admin_key" } };
}

let policyStatus: PolicyStatus = BUILTIN_POLICY_STATUS;

function settingsView(settings: Settings): SettingsView {
  return {
    settings,
    data_dir: "/home/mette/.local/share/samtalenotat",
    effective_share_dir: settings.share_dir === "" ? "/home/mette/.local/share/samtalenotat/share" : settings.share_dir,
    share_is_local_default: settings.share_dir === "",
    policy: policyStatus,
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
    admin: NO_ADMIN_KEY,
    adminFingerprint: ADMIN_FINGERPRINT,
    endorsementAfterConfirm: { state: "pending" },
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
        f.key = {
          exists: true,
          key_id: "ABCD1234",
          signer_name: "Mette Sørensen",
          signer_initials: "MESO",
          public_key_path: "/k.pub",
          endorsement: { state: "pending" },
        };
        return f.key;
      case "replace_key":
        if (f.key?.exists !== true) throw appError("no_key", null, {}, "no key");
        f.key = {
          exists: true,
          key_id: "EF015678",
          signer_name: "Mette Sørensen",
          signer_initials: "MESO",
          public_key_path: "/k.pub",
          endorsement: { state: "pending" },
        };
        return f.key;
      case "verify_note_folder":
        return f.verify;
      case "admin_key_status":
        return f.admin;
      case "confirm_admin_key": {
        const { public_key, fingerprint } = args as { public_key: string; fingerprint: string };
        if (f.admin.source === "deployed") {
          throw appError("admin_key_deployed", "admin_key", {}, "IT has installed the administration key on this PC");
        }
        if (!public_key.trim().startsWith("untrusted comment:")) {
          throw appError("invalid_input", "admin_key", {}, "not a minisign public key: missing comment line");
        }
        if (!sameFingerprint(fingerprint, f.adminFingerprint)) {
          throw appError(
            "fingerprint_mismatch",
            "admin_fingerprint",
            {},
            `the fingerprint typed does not match the key's (${f.adminFingerprint})`,
          );
        }
        f.admin = { source: "confirmed", key_id: ADMIN_KEY_ID, fingerprint: f.adminFingerprint, deployed_problem: null };
        if (f.key.exists) f.key = { ...f.key, endorsement: f.endorsementAfterConfirm };
        return f.admin;
      }
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
  policyStatus = BUILTIN_POLICY_STATUS;
});

async function open(): Promise<void> {
  render(SettingsScreen);
  await screen.findByTestId("settings-form");
}

describe("the policy in use", () => {
  it("shows a policy the administration published, and files it did not take, in Danish", async () => {
    policyStatus = {
      municipality: "Hvidovre Kommune",
      id: "hvidovre",
      version: "2027.1",
      hash: "a".repeat(64),
      source: "administration",
      in_effect_since: "2026-11-02T09:00:00.000Z",
      problems: [
        { path: "samtalenotat/v1/policy/hvidovre-2027.2.toml", code: "signature_invalid", detail: "the signature does not verify" },
        { path: "samtalenotat/v1/policy/hvidovre-2027.3.toml", code: "not_a_policy", detail: "missing field roles" },
      ],
    };
    fakeBackend();
    await open();
    expect(screen.getByTestId("policy-municipality").textContent).toBe("Hvidovre Kommune");
    expect(screen.getByTestId("policy-version").textContent).toContain("hvidovre 2027.1");
    expect(screen.getByTestId("policy-source").textContent).toContain("Udgivet af administrationen");
    const problems = screen.getAllByTestId("policy-problem");
    expect(problems.map((p) => p.getAttribute("data-code"))).toEqual(["signature_invalid", "not_a_policy"]);
    expect(problems[0]?.textContent).toContain("er ikke underskrevet af administrationen");
    expect(screen.getByTestId("policy-problems").textContent).toContain("De seneste gyldige retningslinjer bruges fortsat");
  });

  it("says the built-in policy is the default", async () => {
    fakeBackend();
    await open();
    expect(screen.getByTestId("policy-source").textContent).toContain("Indbygget");
    expect(screen.queryByTestId("policy-problems")).toBeNull();
  });
});

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
    // Refused before the name was saved: the passphrases stay, so only the name is left to do.
    expect((within(form).getByTestId("key-pass1") as HTMLInputElement).value).toBe("hemmelig kode");
    expect((within(form).getByTestId("key-pass2") as HTMLInputElement).value).toBe("hemmelig kode");
    expect(within(form).getByTestId("key-warning").textContent).toContain("kan ikke genskabes");
  });

  it("replaces a lost key: the old one is put aside and the new one awaits endorsement", async () => {
    const f = fakeBackend();
    await open();
    const form = await screen.findByTestId("key-form");
    await fireEvent.input(within(form).getByTestId("key-pass1"), { target: { value: "hemmelig kode" } });
    await fireEvent.input(within(form).getByTestId("key-pass2"), { target: { value: "hemmelig kode" } });
    await fireEvent.click(within(form).getByTestId("key-create"));
    await screen.findByTestId("key-exists");
    await fireEvent.click(screen.getByTestId("key-replace"));
    expect(screen.getByTestId("key-replace-intro").textContent).toContain("tilbagekalde den gamle nøgle");
    const replace = screen.getByTestId("key-replace-form");
    await fireEvent.input(within(replace).getByTestId("key-pass1"), { target: { value: "en helt ny sætning" } });
    await fireEvent.input(within(replace).getByTestId("key-pass2"), { target: { value: "en helt ny sætning" } });
    await fireEvent.click(within(replace).getByTestId("key-replace-submit"));
    await screen.findByTestId("key-replaced");
    expect(screen.getByTestId("key-section").textContent).toContain("EF015678");
    expect(f.calls.filter((c) => c.cmd === "replace_key").map((c) => c.args)).toEqual([{ passphrase: "en helt ny sætning" }]);
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
      verify: withoutAdminKey({
        ok: false,
        note_id: "01JCZ3K8QA0000000000000005",
        signer_known: false, signer_key_id: "0123456789ABCDEF",
        checks: [
          { file: "note.json", ok: true, code: null, reason: null },
          { file: "note.pdf", ok: false, code: "content_changed", reason: "note.pdf: the content hash differs (sha256 ab12… ≠ cd34…)" },
          { file: "note.pdf", ok: false, code: "pdf_not_bound", reason: "note.pdf: not bound to note.json" },
          { file: "note.json.minisig", ok: false, code: "key_not_trusted", reason: "key 0123ABCD is not trusted" },
        ],
      }),
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
      verify: withoutAdminKey({
        ok: true,
        note_id: "01JCZ3K8QA0000000000000005",
        signer_known: true, signer_key_id: "0123456789ABCDEF",
        checks: [
          { file: "note.json", ok: true, code: null, reason: null },
          { file: "note.pdf", ok: true, code: null, reason: null },
        ],
      }),
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

describe("where the signing key stands with the administration", () => {
  it("says that a key waits for the administration's endorsement, and can check again", async () => {
    const f = fakeBackend({ key: ownKey({ state: "pending" }) });
    await open();
    const standing = await screen.findByTestId("key-endorsement");
    expect(standing.getAttribute("data-state")).toBe("pending");
    expect(standing.textContent).toContain("Afventer godkendelse");
    expect(standing.textContent).toContain("Din nøgle venter på godkendelse hos administrationen (IT/HR-Jura).");
    expect(standing.textContent).toContain("kan andre ikke se, at dine notater er underskrevet af dig");
    // Endorsed meanwhile: "Kontrollér igen" asks again.
    f.key = ownKey({ state: "endorsed", valid_from: "2026-11-06T09:00:00Z" });
    await fireEvent.click(within(standing).getByTestId("key-endorsement-recheck"));
    await waitFor(() => expect(screen.getByTestId("key-endorsement").getAttribute("data-state")).toBe("endorsed"));
    expect(f.calls.filter((c) => c.cmd === "key_status")).toHaveLength(2);
    expect(screen.getByTestId("key-endorsement").textContent).toContain("Administrationen har godkendt din nøgle fra 06.11.2026");
    expect(screen.queryByTestId("key-endorsement-recheck")).toBeNull();
  });

  it("says from when a key is revoked, why, and that a new key is needed", async () => {
    fakeBackend({
      key: ownKey({ state: "revoked", from: "2026-12-01T08:00:00Z", reason: "Bærbar stjålet 30.11.2026" }),
    });
    await open();
    const standing = await screen.findByTestId("key-endorsement");
    expect(standing.getAttribute("data-state")).toBe("revoked");
    expect(standing.textContent).toContain("Tilbagekaldt");
    expect(standing.textContent).toContain("tilbagekaldt din nøgle fra 01.12.2026");
    expect(within(standing).getByTestId("key-endorsement-reason").textContent).toBe("Bærbar stjålet 30.11.2026");
    expect(standing.textContent).toContain("Du skal have en ny nøgle");
  });

  it("says that the administration key must be set up, or that the share cannot be read now", async () => {
    fakeBackend({ key: ownKey({ state: "no_admin_key" }) });
    const { unmount } = render(SettingsScreen);
    let standing = await screen.findByTestId("key-endorsement");
    expect(standing.getAttribute("data-state")).toBe("no_admin_key");
    expect(standing.textContent).toContain("administrationens nøgle ikke er sat op på denne computer");
    expect(standing.textContent).toContain("»Administrationens nøgle« nedenfor");
    unmount();
    clearMocks();

    fakeBackend({ key: ownKey({ state: "share_unavailable" }) });
    render(SettingsScreen);
    standing = await screen.findByTestId("key-endorsement");
    expect(standing.getAttribute("data-state")).toBe("share_unavailable");
    expect(standing.textContent).toContain("Det fælles drev kan ikke læses lige nu");
    expect(within(standing).getByTestId("key-endorsement-recheck")).toBeTruthy();
  });

  it("shows no standing without a key", async () => {
    fakeBackend();
    await open();
    await screen.findByTestId("key-form");
    expect(screen.queryByTestId("key-endorsement")).toBeNull();
  });
});

describe("the administration's key", () => {
  async function typeAdminKey(text: string, fingerprint: string): Promise<void> {
    const section = await screen.findByTestId("admin-key-form");
    await fireEvent.input(within(section).getByTestId("admin-key-text"), { target: { value: text } });
    await fireEvent.input(within(section).getByTestId("admin-key-fingerprint"), { target: { value: fingerprint } });
    await fireEvent.click(within(section).getByTestId("admin-key-confirm"));
  }

  it("offers to enter the key and the fingerprint from IT when there is none", async () => {
    fakeBackend();
    await open();
    const section = await screen.findByTestId("admin-key-section");
    await waitFor(() => expect(section.getAttribute("data-source")).toBe("none"));
    expect(within(section).getByRole("heading").textContent).toBe("Administrationens nøgle");
    expect(within(section).getByTestId("admin-key-source").textContent).toBe("Ikke sat op");
    // Labelled controls, each with its hint.
    const text = within(section).getByLabelText("Administrationens offentlige nøgle");
    expect(text.getAttribute("data-testid")).toBe("admin-key-text");
    expect(text.getAttribute("aria-describedby")).toBe("admin-key-text-hint");
    const fingerprint = within(section).getByLabelText("Fingeraftryk fra IT");
    expect(fingerprint.getAttribute("data-testid")).toBe("admin-key-fingerprint");
    expect(within(section).getByTestId("admin-key-confirm").textContent?.trim()).toBe("Bekræft nøglen");
    expect(within(section).queryByTestId("admin-key-shown-fingerprint")).toBeNull();
  });

  it("says a wrong fingerprint in Danish at the fingerprint field, and keeps what was typed", async () => {
    const f = fakeBackend();
    await open();
    await typeAdminKey(ADMIN_PUB, "4A5D6F0B2C9E8D71 0000 0000 0000 0000 0000 0000 0000 0000");
    const error = await screen.findByTestId("admin-key-fingerprint-error");
    expect(error.textContent?.trim()).toBe(
      "Fingeraftrykket passer ikke til nøglen. Kontrollér, at du har indsat hele nøglen, og at du har skrevet fingeraftrykket præcis, som IT har givet dig det. Passer det stadig ikke, må nøglen ikke bruges: kontakt IT.",
    );
    expect(error.getAttribute("data-error-code")).toBe("fingerprint_mismatch");
    const input = screen.getByTestId("admin-key-fingerprint") as HTMLInputElement;
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.getAttribute("aria-describedby")).toBe("admin-key-fingerprint-hint admin-key-fingerprint-error");
    expect(input.value).toBe("4A5D6F0B2C9E8D71 0000 0000 0000 0000 0000 0000 0000 0000");
    await waitFor(() => expect(document.activeElement).toBe(input));
    expect(screen.getByTestId("admin-key-text").getAttribute("aria-invalid")).toBeNull();
    expect(screen.queryByTestId("admin-key-text-error")).toBeNull();
    expect(document.body.textContent).not.toContain("does not match");
    expect(screen.getByTestId("admin-key-section").getAttribute("data-source")).toBe("none");
    // Sent under Rust's snake_case names.
    expect(f.calls.find((c) => c.cmd === "confirm_admin_key")?.args).toEqual({
      public_key: ADMIN_PUB,
      fingerprint: "4A5D6F0B2C9E8D71 0000 0000 0000 0000 0000 0000 0000 0000",
    });
  });

  it("says at the key field when the text is not a key", async () => {
    fakeBackend();
    await open();
    await typeAdminKey("RWRxjZ4sDG9dSqXbT0m5Q2", ADMIN_FINGERPRINT);
    const error = await screen.findByTestId("admin-key-text-error");
    expect(error.textContent).toContain("Teksten er ikke en offentlig nøgle. Indsæt hele indholdet af .pub-filen fra IT");
    const text = screen.getByTestId("admin-key-text");
    expect(text.getAttribute("aria-invalid")).toBe("true");
    expect(text.getAttribute("aria-describedby")).toBe("admin-key-text-hint admin-key-text-error");
    expect(screen.queryByTestId("admin-key-fingerprint-error")).toBeNull();
  });

  it("shows the fingerprint once confirmed, and where this PC's key now stands", async () => {
    const f = fakeBackend({ key: ownKey({ state: "no_admin_key" }), endorsementAfterConfirm: { state: "pending" } });
    await open();
    expect((await screen.findByTestId("key-endorsement")).getAttribute("data-state")).toBe("no_admin_key");
    // Typed the way people do: lower case, other spacing.
    await typeAdminKey(ADMIN_PUB, ADMIN_FINGERPRINT.toLowerCase().replace(/ /g, "  "));
    const shown = await screen.findByTestId("admin-key-shown-fingerprint");
    expect(shown.textContent).toBe(ADMIN_FINGERPRINT);
    const section = screen.getByTestId("admin-key-section");
    expect(section.getAttribute("data-source")).toBe("confirmed");
    expect(within(section).getByTestId("admin-key-id").textContent).toBe(ADMIN_KEY_ID);
    expect(within(section).getByTestId("admin-key-source").textContent).toBe("Bekræftet på denne computer med fingeraftrykket fra IT");
    expect(within(section).getByTestId("admin-key-state").textContent).toContain("Nøglen er bekræftet: fingeraftrykket passer.");
    expect(within(section).queryByTestId("admin-key-form")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(section).getByTestId("admin-key-state")));
    await waitFor(() => expect(screen.getByTestId("key-endorsement").getAttribute("data-state")).toBe("pending"));
    expect(f.calls.filter((c) => c.cmd === "key_status")).toHaveLength(2);
  });

  it("says that IT installed it, read-only", async () => {
    fakeBackend({ admin: { source: "deployed", key_id: ADMIN_KEY_ID, fingerprint: ADMIN_FINGERPRINT, deployed_problem: null } });
    await open();
    const section = await screen.findByTestId("admin-key-section");
    await waitFor(() => expect(section.getAttribute("data-source")).toBe("deployed"));
    expect(within(section).getByTestId("admin-key-state").textContent).toBe(
      "IT har installeret administrationens nøgle på denne computer. Den kan ikke ændres her.",
    );
    expect(within(section).getByTestId("admin-key-source").textContent).toBe("Installeret af IT");
    expect(within(section).getByTestId("admin-key-shown-fingerprint").textContent).toBe(ADMIN_FINGERPRINT);
    expect(within(section).queryByTestId("admin-key-form")).toBeNull();
    expect(within(section).queryByRole("textbox")).toBeNull();
    expect(within(section).queryByTestId("admin-key-deployed-problem")).toBeNull();
  });

  it("says when IT's installed file cannot be read, with the detail small", async () => {
    fakeBackend({ admin: { ...NO_ADMIN_KEY, deployed_problem: "/etc/samtalenotat/admin.pub: invalid base64" } });
    await open();
    const problem = await screen.findByTestId("admin-key-deployed-problem");
    expect(problem.textContent).toContain("IT har lagt en fil med administrationens nøgle på denne computer, men den kan ikke læses som en nøgle.");
    const detail = problem.querySelector(".detail");
    expect(detail?.getAttribute("lang")).toBe("en");
    expect(detail?.textContent).toBe("/etc/samtalenotat/admin.pub: invalid base64");
  });

  it("shows IT's key when IT installed one meanwhile, instead of an error", async () => {
    const f = fakeBackend();
    await open();
    await screen.findByTestId("admin-key-form");
    f.admin = { source: "deployed", key_id: ADMIN_KEY_ID, fingerprint: ADMIN_FINGERPRINT, deployed_problem: null };
    await typeAdminKey(ADMIN_PUB, ADMIN_FINGERPRINT);
    await waitFor(() => expect(screen.getByTestId("admin-key-section").getAttribute("data-source")).toBe("deployed"));
    expect(screen.queryByTestId("admin-key-error")).toBeNull();
    expect(screen.queryByTestId("admin-key-form")).toBeNull();
  });

  it("says in English when the language is English", async () => {
    localStorage.setItem("samtalenotat.lang", "en");
    loadLang();
    fakeBackend();
    await open();
    await typeAdminKey(ADMIN_PUB, "FFFF");
    expect((await screen.findByTestId("admin-key-fingerprint-error")).textContent).toContain(
      "The fingerprint does not match the key.",
    );
  });
});

describe("who signed a checked note", () => {
  const sound: VerifyReport = {
    ok: true,
    note_id: "01JCZ3K8QA0000000000000005",
    signer_key_id: "ABCD1234",
    signer_known: true,
    checks: [
      { file: "note.json", ok: true, code: null, reason: null },
      { file: "note.json.minisig", ok: true, code: null, reason: null },
    ],
  };
  const administration = { basis: "administration", endorsed_keys: 12, problems: 0 } as const;

  async function check(verify: FolderVerification): Promise<HTMLElement> {
    fakeBackend({ verify });
    await open();
    await fireEvent.click(screen.getByTestId("verify"));
    await waitFor(() => expect(screen.getByTestId("verify-result").getAttribute("data-outcome")).toBe("done"));
    return screen.getByTestId("verify-signer");
  }

  it("names the endorsed signer", async () => {
    const signer = await check({
      report: sound,
      signer: { standing: "endorsed", name: "Mette Sørensen", initials: "MESO" },
      basis: administration,
    });
    expect(signer.textContent?.trim()).toBe("Underskrevet af Mette Sørensen (MESO), godkendt af administrationen.");
    expect(signer.getAttribute("data-standing")).toBe("endorsed");
    expect(signer.getAttribute("data-basis")).toBe("administration");
    expect(screen.getByTestId("verify-result").textContent).toContain("Notatet er i orden");
    expect(screen.getAllByTestId("verify-check")).toHaveLength(2);
    expect(screen.queryByTestId("verify-trust-problems")).toBeNull();
  });

  it("does not vouch for an endorsed signer's note that is not in order", async () => {
    const signer = await check({
      report: {
        ...sound,
        ok: false,
        checks: [
          {
            file: "note.json",
            ok: false,
            code: "signer_mismatch",
            reason: "note.json names the signer Jens Hansen (JEHA), but the key is endorsed for Mette Sørensen (MESO)",
          },
        ],
      },
      signer: { standing: "endorsed", name: "Mette Sørensen", initials: "MESO" },
      basis: administration,
    });
    expect(signer.textContent).toContain("tilhører Mette Sørensen (MESO) ifølge administrationen, men notatet er ikke i orden");
    expect(signer.textContent).not.toContain("Underskrevet af");
    expect(screen.getByTestId("verify-words").textContent).toBe(
      "notatet nævner en anden underskriver end den, nøglen tilhører (en anden nøgle eller en anden person)",
    );
  });

  it("says that an unknown signer cannot be confirmed", async () => {
    const signer = await check({
      report: { ...sound, signer_known: false },
      signer: { standing: "unknown" },
      basis: { basis: "administration", endorsed_keys: 12, problems: 2 },
    });
    expect(signer.textContent?.trim()).toBe(
      "Nøglen er ikke godkendt af administrationen – hvem der har underskrevet, kan ikke bekræftes.",
    );
    expect(signer.getAttribute("data-standing")).toBe("unknown");
    expect(screen.getByTestId("verify-trust-problems").textContent).toContain(
      "2 filer i administrationens mappe på det fælles drev er ikke gyldige og er ikke brugt.",
    );
  });

  it("says that the files are intact but who signed cannot be confirmed without an administration key", async () => {
    const signer = await check({ report: sound, signer: null, basis: { basis: "no_admin_key" } });
    expect(signer.textContent?.trim()).toBe(
      "Filerne er uændrede, men hvem der har underskrevet, kan ikke bekræftes: administrationens nøgle er ikke sat op på denne computer (se »Administrationens nøgle« ovenfor).",
    );
    expect(signer.getAttribute("data-basis")).toBe("no_admin_key");
    expect(signer.getAttribute("data-standing")).toBeNull();
    // Kept for the end-to-end tests: the key is among those checked against (this PC's own).
    expect(signer.getAttribute("data-known")).toBe("true");
  });

  it("says that who signed cannot be confirmed either, when the files are not intact", async () => {
    const signer = await check({
      report: { ...sound, ok: false, checks: [{ file: "note.pdf", ok: false, code: "content_changed", reason: "hash differs" }] },
      signer: null,
      basis: { basis: "share_unavailable" },
    });
    expect(screen.getByTestId("verify-result").textContent).toContain("Notatet er ikke i orden.");
    expect(signer.textContent).toContain("Hvem der har underskrevet, kan heller ikke bekræftes lige nu");
    expect(signer.textContent).not.toContain("Filerne er uændrede");
    expect(signer.getAttribute("data-basis")).toBe("share_unavailable");
  });

  it("says when a note was signed before the endorsement or after the revocation, with the reason", async () => {
    let signer = await check({ report: sound, signer: { standing: "signed_before_endorsement" }, basis: administration });
    expect(signer.textContent).toContain("Notatet er underskrevet, før administrationens godkendelse af nøglen gjaldt");
    expect(signer.getAttribute("data-standing")).toBe("signed_before_endorsement");
    cleanup();
    clearMocks();

    signer = await check({
      report: sound,
      signer: { standing: "signed_after_revocation", reason: "Nøglen er kompromitteret" },
      basis: administration,
    });
    expect(signer.textContent).toContain("Notatet er underskrevet, efter at administrationen tilbagekaldte nøglen");
    expect(within(signer).getByTestId("verify-signer-reason").textContent).toBe("Nøglen er kompromitteret");
    expect(signer.getAttribute("data-standing")).toBe("signed_after_revocation");
  });
});
