import { beforeEach, describe, expect, it } from "vitest";
import { appError, policyTexts } from "../testdata";
import { describeError, errorText, fieldLabel, syncKindText, verifyCheckText } from "./errors";
import { codedWords, fillTemplate, LANGS } from "./i18n";
import { loadLang, setLang } from "./i18n.svelte";
import { ERROR_CODES, SYNC_ERROR_KINDS, type VerifyCode } from "./ipc";

const texts = policyTexts("citizen");
const ctx = { roles: texts.roles, notices: texts.notices };

beforeEach(() => {
  localStorage.clear();
  loadLang();
});

describe("fillTemplate", () => {
  it("fills placeholders and keeps an optional part only when all its values are there", () => {
    expect(fillTemplate("Teksten[ i «{field}»] er for lang.", { field: "Emne" })).toBe("Teksten i «Emne» er for lang.");
    expect(fillTemplate("Teksten[ i «{field}»] er for lang.", {})).toBe("Teksten er for lang.");
    expect(fillTemplate("[«{field}»|Feltet] skal udfyldes.", {})).toBe("Feltet skal udfyldes.");
    expect(fillTemplate("[«{field}»|Feltet] skal udfyldes.", { field: "Emne" })).toBe("«Emne» skal udfyldes.");
    expect(fillTemplate("højst {max}[ (nu {actual})]", { max: 3 })).toBe("højst 3");
  });

  it("never reads a value as syntax", () => {
    expect(fillTemplate("Mappen[ {path}] mangler", { path: "/x/[a|b]/{field}" })).toBe("Mappen /x/[a|b]/{field} mangler");
  });
});

describe("the coded dictionaries", () => {
  const placeholders = (s: string): string[] => [...new Set(s.match(/\{\w+\}/g) ?? [])].sort();
  const optionals = (s: string): number => (s.match(/\[/g) ?? []).length;

  it("have words for every error code, verification code and sync kind, in both languages", () => {
    for (const lang of LANGS) {
      for (const code of ERROR_CODES) expect(codedWords[lang].error[code]?.trim(), `${lang} ${code}`).toBeTruthy();
      for (const kind of SYNC_ERROR_KINDS) expect(codedWords[lang].syncKind[kind]?.trim(), `${lang} ${kind}`).toBeTruthy();
    }
    expect(Object.keys(codedWords.da.error).sort()).toEqual([...ERROR_CODES].sort());
    expect(Object.keys(codedWords.en.verify).sort()).toEqual(Object.keys(codedWords.da.verify).sort());
  });

  it("use the same placeholders and optional parts in both languages", () => {
    for (const group of ["error", "verify", "syncKind"] as const) {
      const da = codedWords.da[group] as Record<string, string>;
      const en = codedWords.en[group] as Record<string, string>;
      for (const key of Object.keys(da)) {
        expect(placeholders(en[key] ?? ""), `${group}.${key}`).toEqual(placeholders(da[key] ?? ""));
        expect(optionals(en[key] ?? ""), `${group}.${key}`).toEqual(optionals(da[key] ?? ""));
      }
    }
  });

  it("only use placeholders an AppError can fill", () => {
    const known = ["{field}", "{min}", "{max}", "{actual}", "{code_point}", "{character}", "{path}"];
    for (const lang of LANGS) {
      for (const code of ERROR_CODES) {
        for (const p of placeholders(codedWords[lang].error[code])) expect(known, `${lang} ${code}`).toContain(p);
      }
    }
  });

  it("never leave a placeholder or bracket in the words, whatever params are missing", () => {
    for (const lang of LANGS) {
      for (const code of ERROR_CODES) {
        for (const field of [null, "meeting.subject", "no.such.field"]) {
          const words = describeError(lang, appError(code, field), ctx);
          expect(words, `${lang} ${code}`).not.toMatch(/[[\]|]/);
          expect(words, `${lang} ${code}`).not.toMatch(/\{\w+\}/);
        }
      }
    }
  });
});

describe("fieldLabel", () => {
  it("names record and settings fields in words, with the role words", () => {
    expect(fieldLabel("da", "meeting.subject", ctx)).toBe("Emne");
    expect(fieldLabel("da", "meeting.counterpart", ctx)).toBe("Borger");
    expect(fieldLabel("da", "meeting.lead.name", ctx)).toBe("Navn på ansvarlig medarbejder");
    expect(fieldLabel("da", "refusal.co_decider.name", ctx)).toBe("Navn på nærmeste leder");
    expect(fieldLabel("da", "notices.legal", ctx)).toBe("Optagelsen er ikke et juridisk grundlag");
    expect(fieldLabel("da", "share_dir")).toBe("Fælles mappe");
    expect(fieldLabel("da", "units[2]")).toBe("Enheder");
    expect(fieldLabel("en", "meeting.subject", ctx)).toBe("Subject");
  });

  it("gives no name for an unknown path, nor for one that needs role words it does not have", () => {
    expect(fieldLabel("da", "meeting.casenumber", ctx)).toBeNull();
    expect(fieldLabel("da", "meeting.counterpart")).toBeNull();
    expect(fieldLabel("da", "notices.nope", ctx)).toBeNull();
  });
});

describe("describeError", () => {
  it("names the field and fills in the numbers", () => {
    const e = appError("text_too_long", "meeting.subject", { max: "300", actual: "301" });
    expect(describeError("da", e, ctx)).toBe("Teksten i «Emne» er for lang: højst 300 tegn (nu 301).");
    expect(describeError("en", e, ctx)).toBe("The text in “Subject” is too long: at most 300 characters (now 301).");
  });

  it("does without the field when it has no name, and never shows the English message", () => {
    const e = appError("text_empty", "meeting.casenumber", {}, "meeting.casenumber: must not be empty");
    expect(describeError("da", e, ctx)).toBe("Feltet skal udfyldes.");
    expect(describeError("da", e, ctx)).not.toContain("must not");
  });

  it("says a control character with its code point", () => {
    const e = appError("text_control_character", "refusal.assessment", { code_point: "U+200B" });
    expect(describeError("da", e, ctx)).toContain("Teksten i «Konkret vurdering» indeholder et usynligt tegn eller et kontroltegn (U+200B)");
  });

  it("shows the bounds of a time as days", () => {
    const e = appError("time_out_of_range", "meeting.starts_at", { min: "2000-01-01T00:00:00+00:00", max: "2100-01-01T00:00:00+00:00" });
    expect(describeError("da", e, ctx)).toBe("Tidspunktet i «Mødet begyndte» er ikke muligt: det skal ligge fra 01.01.2000 og før 01.01.2100.");
  });

  it("says a refused CPR number at its field, and an already filed note", () => {
    expect(describeError("da", appError("text_cpr_number", "meeting.counterpart"), ctx)).toBe(
      "Teksten i «Borger» ligner et CPR-nummer og er ikke gemt. Skriv navn eller en anden reference i stedet – CPR-numre må ikke stå i notatet.",
    );
    expect(describeError("da", appError("already_filed"))).toBe("Notatet er allerede markeret som journaliseret.");
    expect(describeError("en", appError("already_filed"))).toBe("The note is already marked as filed.");
  });

  it("shows bounds that are moments (a filing: from the signing, until now) with their time", () => {
    const e = appError("time_out_of_range", "filed_at", { min: "2026-11-06T11:00:00.000Z", max: "2026-11-06T12:30:00.000Z" });
    expect(describeError("da", e, ctx)).toMatch(
      /^Tidspunktet i «Journaliseret» er ikke muligt: det skal ligge fra 06\.11\.2026 kl\. \d\d\.00 og før 06\.11\.2026 kl\. \d\d\.30\.$/,
    );
  });

  it("names the fields of the new commands and the interesseafvejning", () => {
    expect(fieldLabel("da", "recording.interest_weighing", ctx)).toBe("Interesseafvejning");
    expect(fieldLabel("da", "addendum_to.reason", ctx)).toBe("Grund til rettelsen");
    expect(fieldLabel("da", "reason")).toBe("Grund");
    expect(fieldLabel("da", "filed_at")).toBe("Journaliseret");
    expect(fieldLabel("da", "document_number")).toBe("Dokumentnummer");
  });

  it("says share problems at the share field", () => {
    expect(describeError("da", appError("share_missing", "share_dir"))).toBe(
      "Den fælles mappe kunne ikke findes. Kontrollér, at drevet er tilsluttet, og at stien i «Fælles mappe» er rigtig.",
    );
    expect(describeError("da", appError("share_missing"))).toBe(
      "Den fælles mappe kunne ikke findes. Kontrollér, at drevet er tilsluttet, og at stien er rigtig.",
    );
  });

  it("follows the current language", () => {
    const e = appError("wrong_passphrase", "passphrase");
    expect(errorText(e)).toBe("Adgangssætningen er forkert. Prøv igen.");
    setLang("en");
    expect(errorText(e)).toBe("The passphrase is wrong. Try again.");
  });
});

describe("verification and sync words", () => {
  it("says what is wrong with a file from its code", () => {
    const check = (code: VerifyCode | null, ok = false) => ({ file: "note.pdf", ok, code, reason: "English detail" });
    expect(verifyCheckText(check("content_changed"))).toBe("indholdet er ændret, efter at det blev underskrevet");
    expect(verifyCheckText(check(null, true))).toBe("i orden");
    expect(verifyCheckText(check(null))).toBe("fejler");
  });

  it("says every sync kind, and something general for one it does not know", () => {
    expect(syncKindText("disk_full")).toBe("det fælles drev er fuldt");
    expect(syncKindText("io")).toBe("det fælles drev kunne ikke læses eller skrives");
    expect(syncKindText("brand_new_kind")).toBe("ukendt fejl");
  });
});
