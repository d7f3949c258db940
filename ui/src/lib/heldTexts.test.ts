import { describe, expect, it } from "vitest";
import { draftRecord } from "../testdata";
import { HeldTexts } from "./heldTexts";

describe("HeldTexts (a text Rust refused as a CPR number)", () => {
  it("sends the stored value in place of the held text, and leaves the record on screen alone", () => {
    const held = new HeldTexts();
    const r = draftRecord();
    r.meeting.counterpart = "Jens 070390-1234";
    r.meeting.subject = "Bolig";
    held.hold("meeting.counterpart", "Jens 070390-1234", "Jens");
    const sent = held.apply(r);
    expect(sent.meeting.counterpart).toBe("Jens");
    expect(sent.meeting.subject).toBe("Bolig");
    expect(r.meeting.counterpart).toBe("Jens 070390-1234");
    expect(held.isHeld("meeting.counterpart", r.meeting.counterpart)).toBe(true);
    expect(held.paths(r)).toEqual(["meeting.counterpart"]);
  });

  it("ends the hold once the text is changed: the new text is sent", () => {
    const held = new HeldTexts();
    const r = draftRecord();
    r.meeting.counterpart = "070390-1234";
    held.hold("meeting.counterpart", "070390-1234", "");
    r.meeting.counterpart = "Jens Ærø";
    expect(held.isHeld("meeting.counterpart", r.meeting.counterpart)).toBe(false);
    expect(held.paths(r)).toEqual([]);
    expect(held.apply(r).meeting.counterpart).toBe("Jens Ærø");
    expect(held.size).toBe(0);
  });

  it("holds several fields, each on its own", () => {
    const held = new HeldTexts();
    const r = draftRecord();
    r.meeting.counterpart = "070390-1234";
    r.legal_help.note = "Ringede om 010203-1234";
    held.hold("meeting.counterpart", r.meeting.counterpart, "");
    held.hold("legal_help.note", r.legal_help.note, "Ringede");
    const sent = held.apply(r);
    expect([sent.meeting.counterpart, sent.legal_help.note]).toEqual(["", "Ringede"]);
    r.legal_help.note = "Ringede til HR/Jura";
    expect(held.paths(r)).toEqual(["meeting.counterpart"]);
  });
});
