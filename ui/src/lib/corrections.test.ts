import { describe, expect, it } from "vitest";
import { policyTexts } from "../testdata";
import { correctionLines, correctionValue } from "./corrections";

const texts = policyTexts("citizen");

describe("an addendum's corrected fields in words", () => {
  it("names the field and says both values as the summary does", () => {
    const lines = correctionLines(
      "da",
      [
        { field: "meeting.subject", old: "Bolig", new: "Boligstøtte" },
        { field: "recording.origin", old: "none", new: "asked_first" },
        { field: "meeting.bisidder_present", old: "false", new: "true" },
        { field: "refusal.grounds", old: "[]", new: '["harassment","other"]' },
        { field: "recording.reasons", old: '["note_taking_difficulty"]', new: "[]" },
        { field: "notices.legal", old: "2026-11-06T10:05:00Z", new: "" },
        { field: "meeting.counterpart", old: "Jens", new: "Jens Ærø" },
        { field: "some.new_field", old: "", new: "x" },
      ],
      texts,
    );
    expect(lines.map((l) => [l.label, l.before, l.now])).toEqual([
      ["Emne", "Bolig", "Boligstøtte"],
      ["Hvordan optagelsen kom på tale", "Ingen optagelse", "Spurgte først om lov"],
      ["Bisidder", "Nej", "Ja"],
      ["Grund", "–", "a) Chikanøse formål, c) Anden saglig grund"],
      ["Grund", "Svært ved selv at tage notater", "–"],
      ["Optagelsen er ikke et juridisk grundlag", expect.stringMatching(/^06\.11\.2026 kl\. \d\d\.05$/), "–"],
      ["Borger", "Jens", "Jens Ærø"],
      ["some.new_field", "–", "x"],
    ]);
  });

  it("says values in English too", () => {
    expect(correctionValue("en", "meeting.others_matters_discussed", "true", texts)).toBe("Yes");
    expect(correctionValue("en", "meeting.case_number", "", texts)).toBe("–");
    expect(correctionValue("da", "meeting.subject", "[ikke JSON", texts)).toBe("[ikke JSON");
  });
});
