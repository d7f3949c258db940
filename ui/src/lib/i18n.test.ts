import { beforeEach, describe, expect, it } from "vitest";
import { da, DEFAULT_LANG, en, isLang, translate, type MessageKey } from "./i18n";
import { getLang, LANG_STORAGE_KEY, loadLang, setLang, t } from "./i18n.svelte";

describe("dictionaries", () => {
  it("en has exactly the keys of da", () => {
    expect(Object.keys(en).sort()).toEqual(Object.keys(da).sort());
  });

  it("has no empty texts", () => {
    for (const dict of [da, en] as const) {
      for (const [key, value] of Object.entries(dict)) {
        expect(value.trim(), key).not.toBe("");
      }
    }
  });

  it("uses the same placeholders in both languages", () => {
    const placeholders = (s: string): string[] => (s.match(/\{\w+\}/g) ?? []).sort();
    for (const key of Object.keys(da) as MessageKey[]) {
      expect(placeholders(en[key]), key).toEqual(placeholders(da[key]));
    }
  });

  it("has the agreed Danish wording", () => {
    expect(da["start.heading"]).toBe("Mødenotater");
    expect(da["start.empty"]).toBe("Ingen mødenotater endnu. Tryk på »Nyt møde« for at begynde.");
    expect(da["kind.citizen"]).toBe("Borgermøde");
    expect(da["kind.employee"]).toBe("Samtale mellem ansat og leder");
    expect(da["state.draft"]).toBe("Kladde");
    expect(da["state.finished"]).toBe("Afsluttet");
    expect(da["record.noSubject"]).toBe("(uden emne)");
    expect(da["error.retry"]).toBe("Prøv igen");
    expect(en["kind.employee"]).toBe("Employee–manager meeting");
  });
});

describe("translate", () => {
  it("substitutes placeholders", () => {
    expect(translate("da", "start.count.many", { count: 3 })).toBe("3 mødenotater");
    expect(translate("en", "start.count.many", { count: 3 })).toBe("3 meeting records");
  });

  it("leaves unknown placeholders alone", () => {
    expect(translate("da", "start.count.many")).toBe("{count} mødenotater");
  });

  it("recognises languages", () => {
    expect(isLang("da")).toBe(true);
    expect(isLang("en")).toBe(true);
    expect(isLang("de")).toBe(false);
    expect(isLang(null)).toBe(false);
  });
});

describe("language store", () => {
  beforeEach(() => {
    localStorage.clear();
    loadLang();
  });

  it("defaults to Danish", () => {
    expect(getLang()).toBe(DEFAULT_LANG);
    expect(document.documentElement.lang).toBe("da");
    expect(t("start.heading")).toBe("Mødenotater");
  });

  it("persists the choice and updates <html lang>", () => {
    setLang("en");
    expect(t("start.heading")).toBe("Meeting records");
    expect(localStorage.getItem(LANG_STORAGE_KEY)).toBe("en");
    expect(document.documentElement.lang).toBe("en");
    loadLang();
    expect(getLang()).toBe("en");
  });

  it("ignores a garbage stored value", () => {
    localStorage.setItem(LANG_STORAGE_KEY, "klingon");
    loadLang();
    expect(getLang()).toBe("da");
  });
});
