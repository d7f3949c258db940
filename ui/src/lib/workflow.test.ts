import { describe, expect, it } from "vitest";
import { draftRecord, policyTexts } from "../testdata";
import type { Violation } from "./ipc";
import {
  applicableNotices,
  chooseMedium,
  chooseOrigin,
  clearRefusalDetails,
  countByStep,
  fieldId,
  hasControl,
  hasRefusalDetails,
  isoNow,
  outsideGuideline,
  refuse,
  roleParams,
  setNotice,
  setTextAt,
  situation,
  stepFor,
  textAt,
  undoRefusal,
  violationMessage,
  violationsByField,
  weighingRequired,
} from "./workflow";

const v = (
  rule: Violation["rule"],
  field: string,
  code: Violation["code"],
  severity: Violation["severity"] = "blocking",
): Violation => ({
  rule,
  field,
  code,
  severity,
});

describe("situation (mirrors rules::situation)", () => {
  it("starts with nothing chosen: no origin, no situation", () => {
    const r = draftRecord();
    expect(r.recording.origin).toBeNull();
    expect(r.recording.decision).toBeNull();
    expect(situation(r)).toBeNull();
  });

  it("has no situation for no recording, nor when the municipality wants to record (outside the guideline)", () => {
    const r = draftRecord();
    r.recording.origin = "none";
    expect(situation(r)).toBeNull();
    r.recording.origin = "municipality_wants";
    r.recording.decision = "allowed";
    expect(situation(r)).toBeNull();
    expect(outsideGuideline(r)).toBe(true);
    const e = draftRecord("employee");
    e.recording.origin = "asked_first";
    e.recording.decision = "allowed";
    expect(situation(e)).toBe("recorded");
    e.meeting.official_character = false;
    expect(outsideGuideline(e)).toBe(true);
    expect(situation(e)).toBeNull();
  });

  it("follows the decision, and unannounced recordings are recorded by default", () => {
    const r = draftRecord();
    expect(situation(r)).toBeNull();
    r.recording.origin = "asked_first";
    expect(situation(r)).toBeNull();
    r.recording.origin = "open_without_asking";
    expect(situation(r)).toBe("recorded");
    r.recording.origin = "discovered_hidden";
    expect(situation(r)).toBe("recorded");
    r.recording.decision = "refused";
    expect(situation(r)).toBe("refused");
    r.recording.decision = "allowed";
    expect(situation(r)).toBe("recorded");
  });
});

describe("applicableNotices", () => {
  const texts = policyTexts();

  it("lists no notices without a recording", () => {
    expect(applicableNotices(texts.notices, null, {})).toEqual([]);
  });

  it("lists legal, disclosure and (recommended) data when recorded, with what to say and what the note states", () => {
    const items = applicableNotices(texts.notices, "recorded", { legal: "2026-11-06T10:05:00Z" });
    expect(items.map((i) => i.id)).toEqual(["legal", "disclosure", "data"]);
    expect(items.map((i) => i.recommended)).toEqual([false, false, true]);
    expect(items[0]?.givenAt).toBe("2026-11-06T10:05:00Z");
    expect(items[1]?.givenAt).toBeNull();
    expect(items[0]?.say).toBe("Det er fint, at du optager. Optagelsen kan dog ikke alene bruges som juridisk grundlag.");
    expect(items[0]?.text).toBe("Borgeren er gjort opmærksom på, at optagelsen ikke alene kan bruges som juridisk grundlag.");
  });

  it("lists no notice when refused (noting it in the case is not something said), and no 'case' notice at all", () => {
    expect(applicableNotices(texts.notices, "refused", {})).toEqual([]);
    expect(texts.notices.map((n) => n.id)).not.toContain("case");
  });

  it("lists the ids Rust says apply, in the policy's order", () => {
    const items = applicableNotices(texts.notices, "recorded", {}, ["data", "legal"]);
    expect(items.map((i) => i.id)).toEqual(["legal", "data"]);
  });
});

describe("violation → field", () => {
  it("builds DOM ids from field paths", () => {
    expect(fieldId("refusal.co_decider.name")).toBe("f-refusal-co-decider-name");
    expect(fieldId("notices.legal")).toBe("f-notices-legal");
    expect(fieldId("meeting.official_character")).toBe("f-meeting-official-character");
  });

  it("maps each field to the step that holds it", () => {
    expect(stepFor("meeting.channel")).toBe("meeting");
    expect(stepFor("meeting.others_matters_discussed")).toBe("meeting");
    expect(stepFor("recording.video_scope")).toBe("recording");
    expect(stepFor("recording.disclosure_encouraged_at")).toBe("recording");
    expect(stepFor("notices.legal")).toBe("details");
    expect(stepFor("recording.interest_weighing")).toBe("recording");
    expect(stepFor("addendum_to.reason")).toBe("review");
    expect(hasControl("addendum_to.reason")).toBe(true);
    expect(hasControl("addendum_to.content_hash")).toBe(false);
    expect(stepFor("oral_decision.made")).toBe("details");
    expect(stepFor("refusal.co_decider.name")).toBe("details");
    expect(stepFor("legal_help.consulted_at")).toBe("details");
    expect(stepFor("created_at")).toBe("review");
    expect(hasControl("format_version")).toBe(false);
    expect(hasControl("refusal.reason_text")).toBe(true);
  });

  it("counts blocking violations per step and ignores advisory ones", () => {
    const counts = countByStep([
      v("G-RECORD", "meeting.channel", "channel_missing"),
      v("G-RECORD", "meeting.counterpart", "counterpart_missing"),
      v("G-NOTICE-DATA", "notices.data", "notice_recommended", "advisory"),
      v("G-REFUSE-LEADER", "refusal.co_decider.name", "refusal_leader_is_lead"),
    ]);
    expect(counts).toEqual({ meeting: 2, recording: 0, details: 1, review: 0 });
  });

  it("keeps the first blocking violation per field", () => {
    const map = violationsByField([
      v("G-EQUAL", "recording.decision", "equal_treatment_prior_allowed", "advisory"),
      v("G-DEFAULT", "recording.decision", "decision_missing"),
    ]);
    expect(map.get("recording.decision")?.code).toBe("decision_missing");
  });

  it("takes the message from the policy and fills in the notice's title", () => {
    const texts = policyTexts();
    expect(violationMessage(texts, v("G-NOTICE-LEGAL", "notices.legal", "notice_missing"))).toBe(
      "Punktet »Optagelsen er ikke et juridisk grundlag« er ikke markeret som udført.",
    );
    expect(violationMessage(texts, v("G-RECORD", "meeting.channel", "channel_missing"))).toBe(
      "Angiv, hvordan mødet blev holdt.",
    );
    // An unknown code shows the code rather than nothing.
    expect(violationMessage(texts, v("G-RECORD", "x", "brand_new_code" as Violation["code"]))).toBe("brand_new_code");
  });
});

describe("role words", () => {
  it("gives borger/medarbejder for citizen meetings and ansat/leder for employee meetings", () => {
    const c = roleParams(policyTexts("citizen").roles);
    expect(c).toMatchObject({ counterpart: "borger", Counterpart: "Borger", counterpartDefinite: "borgeren", staff: "medarbejder" });
    const e = roleParams(policyTexts("employee").roles);
    expect(e).toMatchObject({
      counterpart: "ansat",
      Counterpart: "Ansat",
      counterpartDefinite: "den ansatte",
      CounterpartDefinite: "Den ansatte",
      staff: "leder",
      Staff: "Leder",
    });
  });
});

describe("record edits", () => {
  it("pre-selects allowed once a recording comes up, and clears it for no recording", () => {
    const r = draftRecord();
    expect(r.recording.origin).toBeNull();
    chooseOrigin(r, "asked_first");
    expect(r.recording.decision).toBe("allowed");
    refuse(r);
    chooseOrigin(r, "open_without_asking");
    expect(r.recording.decision).toBe("refused"); // a made choice is kept
    r.recording.disclosure_encouraged_at = "2026-11-06T10:01:00Z";
    chooseOrigin(r, "asked_first");
    expect(r.recording.disclosure_encouraged_at).toBeNull();
    r.refusal.room_instruction = true;
    chooseOrigin(r, "none");
    expect(r.recording.decision).toBeNull();
    expect(r.refusal.room_instruction).toBe(false);
  });

  it("never assumes a video scope", () => {
    const r = draftRecord();
    chooseOrigin(r, "asked_first");
    chooseMedium(r, "video_requested");
    expect(r.recording.video_scope).toBeNull();
    r.recording.video_scope = "sound_only";
    chooseMedium(r, "sound");
    expect(r.recording.video_scope).toBeNull();
    r.recording.medium = "video_requested";
    r.recording.video_scope = "video_allowed";
    refuse(r);
    expect(r.recording.video_scope).toBeNull();
  });

  it("undoing a refusal drops the room instruction", () => {
    const r = draftRecord();
    refuse(r);
    r.refusal.room_instruction = true;
    undoRefusal(r);
    expect(r.recording.decision).toBe("allowed");
    expect(r.refusal.room_instruction).toBe(false);
  });

  it("a decision away from refused clears grounds, assessment, co-decider and reason (refusal_details_without_refusal)", () => {
    const fill = (r: ReturnType<typeof draftRecord>): void => {
      chooseOrigin(r, "asked_first");
      refuse(r);
      r.refusal.grounds = ["others_matters"];
      r.refusal.other_ground = "x";
      r.refusal.assessment = "En konkret vurdering.";
      r.refusal.co_decider = { name: "Lars Holm", initials: "LAHO" };
      r.refusal.reason_given_at = "2026-11-06T10:10:00Z";
      r.refusal.reason_text = "Andre personers forhold drøftes.";
      r.legal_help = { consulted_at: "2026-11-06T09:00:00Z", note: "Ringede til HR/Jura." };
    };
    const allowed = draftRecord();
    fill(allowed);
    expect(hasRefusalDetails(allowed)).toBe(true);
    undoRefusal(allowed);
    expect(allowed.recording.decision).toBe("allowed");
    expect(allowed.refusal).toEqual(draftRecord().refusal);
    expect(hasRefusalDetails(allowed)).toBe(false);
    // HR/Jura is not a refusal detail: it stays.
    expect(allowed.legal_help.note).toBe("Ringede til HR/Jura.");

    for (const origin of ["none", "municipality_wants"] as const) {
      const r = draftRecord();
      fill(r);
      chooseOrigin(r, origin);
      expect(r.recording.decision).toBeNull();
      expect(r.refusal).toEqual(draftRecord().refusal);
    }
    const r = draftRecord();
    fill(r);
    clearRefusalDetails(r);
    expect(hasRefusalDetails(r)).toBe(false);
  });

  it("G-WEIGH: the interesseafvejning is required when others' matters are discussed and the recording goes ahead", () => {
    const r = draftRecord();
    r.meeting.others_matters_discussed = true;
    expect(weighingRequired(r)).toBe(false);
    chooseOrigin(r, "asked_first");
    expect(weighingRequired(r)).toBe(true);
    refuse(r);
    expect(weighingRequired(r)).toBe(false);
    undoRefusal(r);
    r.meeting.others_matters_discussed = false;
    expect(weighingRequired(r)).toBe(false);
    const hidden = draftRecord();
    hidden.meeting.others_matters_discussed = true;
    hidden.recording.origin = "discovered_hidden";
    expect(weighingRequired(hidden)).toBe(true);
  });

  it("reads and writes a text by its dotted path, and nothing else", () => {
    const r = draftRecord();
    expect(setTextAt(r, "meeting.counterpart", "Jens")).toBe(true);
    expect(textAt(r, "meeting.counterpart")).toBe("Jens");
    expect(textAt(r, "meeting.lead.initials")).toBe("MESO");
    expect(textAt(r, "meeting.starts_at")).toBe("2026-11-06T10:00:00Z");
    expect(textAt(r, "meeting.bisidder_present")).toBeNull();
    expect(textAt(r, "meeting.nope.x")).toBeNull();
    expect(setTextAt(r, "meeting.bisidder_present", "x")).toBe(false);
    expect(setTextAt(r, "nope.x", "x")).toBe(false);
  });

  it("ticking a notice stores the time in UTC; unticking removes it", () => {
    const r = draftRecord();
    setNotice(r, "legal", true, new Date("2026-11-06T10:05:07.891Z"));
    expect(r.notices).toEqual({ legal: "2026-11-06T10:05:07Z" });
    setNotice(r, "legal", false);
    expect(r.notices).toEqual({});
    expect(isoNow(new Date("2026-01-02T03:04:05.000Z"))).toBe("2026-01-02T03:04:05Z");
  });
});
