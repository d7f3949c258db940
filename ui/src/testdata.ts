// Test data for the UI's unit tests: a draft record as `get_record` returns
// it, the policy texts as `policy_texts` returns them (abridged, same shape,
// real Danish wording from policy/albertslund.toml), and `AppError`s as Rust
// rejects with them. Every type is the generated one (bindings.ts).

import type { AppError, ErrorCode, ErrorParams, MeetingKind, MeetingRecord, PolicyStatus, PolicyTexts, RecordView } from "./lib/ipc";
import { applicableNotices, situation } from "./lib/workflow";

export const RECORD_ID = "01JCZ3K8QA0000000000000005";

export function draftRecord(kind: MeetingKind = "citizen"): MeetingRecord {
  return {
    format_version: 2,
    id: RECORD_ID,
    state: "draft",
    created_at: "2026-11-06T09:55:00Z",
    updated_at: "2026-11-06T09:55:00Z",
    finished_at: null,
    policy: { id: "albertslund", version: "2026.1", hash: "eb1b" },
    meeting: {
      kind,
      official_character: null,
      channel: null,
      starts_at: "2026-11-06T10:00:00Z",
      ends_at: null,
      room: "",
      unit: "",
      subject: "",
      case_number: "",
      kle_number: "",
      lead: { name: "Mette Sørensen", initials: "MESO" },
      counterpart: "",
      bisidder_present: false,
      bisidder_name: "",
      others_matters_discussed: false,
    },
    recording: {
      // Nothing is preselected: staff choose how the recording came up, "no recording" too.
      origin: null,
      medium: "sound",
      decision: null,
      video_scope: null,
      reasons: [],
      disclosure_encouraged_at: null,
      interest_weighing: "",
    },
    notices: {},
    oral_decision: { made: null, what: "" },
    refusal: {
      grounds: [],
      other_ground: "",
      assessment: "",
      co_decider: { name: "", initials: "" },
      reason_given_at: null,
      reason_text: "",
      room_instruction: false,
    },
    legal_help: { consulted_at: null, note: "" },
    addendum_to: null,
    discarded: null,
  };
}

/** A `RecordView` as Rust answers: the situation and notices follow from the record. */
export function view(record: MeetingRecord, over: Partial<RecordView> = {}): RecordView {
  const sit = situation(record);
  return {
    record,
    violations: [],
    situation: sit,
    applicable_notices: applicableNotices(policyTexts(record.meeting.kind).notices, sit, {}).map((n) => n.id),
    cpr_warnings: [],
    signed: record.state === "finished",
    equal_treatment: null,
    equal_treatment_share: null,
    filing: null,
    ...over,
  };
}

/** An `AppError` as Rust serializes it (the English message is for logs only). */
export function appError(code: ErrorCode, field: string | null = null, params: ErrorParams = {}, message = `${code} (English, for logs)`): AppError {
  return { code, field, params, message };
}

const ROLES = {
  citizen: {
    counterpart: "borger",
    counterpart_definite: "borgeren",
    staff: "medarbejder",
    staff_definite: "medarbejderen",
  },
  employee: { counterpart: "ansat", counterpart_definite: "den ansatte", staff: "leder", staff_definite: "lederen" },
} as const;

export function policyTexts(kind: MeetingKind = "citizen"): PolicyTexts {
  const Cd = kind === "citizen" ? "Borgeren" : "Den ansatte";
  const cd = kind === "citizen" ? "borgeren" : "den ansatte";
  return {
    policy_id: "albertslund",
    policy_version: "2026.1",
    municipality: "Albertslund Kommune",
    roles: { ...ROLES[kind] },
    min_assessment_chars: 80,
    notices: [
      {
        id: "legal",
        rule: "G-NOTICE-LEGAL",
        level: "required",
        applies_to: ["recorded"],
        title: "Optagelsen er ikke et juridisk grundlag",
        text_recorded: `${Cd} er gjort opmærksom på, at optagelsen ikke alene kan bruges som juridisk grundlag.`,
        text_refused: null,
        say_recorded: "Det er fint, at du optager. Optagelsen kan dog ikke alene bruges som juridisk grundlag.",
        say_refused: null,
      },
      {
        id: "disclosure",
        rule: "G-NOTICE-DISCLOSURE",
        level: "required",
        applies_to: ["recorded"],
        title: "Videregivelse kan være strafbar",
        text_recorded: `${Cd} er gjort opmærksom på, at det kan være strafbart at videregive oplysninger uden samtykke.`,
        text_refused: null,
        say_recorded: "Du må gerne optage samtalen. Men det kan være strafbart at give nogle af oplysningerne videre uden samtykke.",
        say_refused: null,
      },
      {
        id: "data",
        rule: "G-NOTICE-DATA",
        level: "recommended",
        applies_to: ["recorded"],
        title: "Reglerne om persondata",
        text_recorded: `${Cd} er gjort opmærksom på reglerne om persondata.`,
        text_refused: null,
        say_recorded: "Vær også opmærksom på, at optagelsen kan være i strid med reglerne om persondata.",
        say_refused: null,
      },
    ],
    grounds: [
      { ground: "harassment", label: "a", title: "Chikanøse formål", text: `Der er en historik med ${cd}.` },
      { ground: "others_matters", label: "b", title: "Andres personlige forhold", text: `Mødet handler ikke alene om ${cd}.` },
      { ground: "other", label: "c", title: "Anden saglig grund", text: "En anden saglig grund, som er beskrevet nedenfor." },
    ],
    texts: {
      default_sound_only: `Som udgangspunkt må ${cd} optage samtalen i lyd, men ikke i billeder eller video.`,
      official_character_question: "Er samtalen af tjenstlig karakter?",
      outside_guideline: "Samtalen er ikke af tjenstlig karakter og derfor uden for retningslinjerne.",
      unannounced: `Det er ikke strafbart at optage en samtale med kommunen. ${kind === "citizen" ? "Medarbejderen" : "Lederen"} kan kun opfordre ${cd} til at oplyse, at samtalen optages.`,
      procesbeslutning: `Afvisningen af at lade ${cd} optage samtalen er en procesbeslutning og ikke en afgørelse i forvaltningslovens forstand.`,
      room_instruction: `${Cd} blev anvist, at jakker, tasker, mobiltelefoner mv. ikke måtte være i mødelokalet.`,
      equal_treatment: `Har én ${ROLES[kind].counterpart} én gang fået lov til at optage, skal alle andre have lov.`,
      outside_guideline_municipality:
        "Det er kommunen, der ønsker at optage samtalen. Retningslinjerne omhandler ikke møder, hvor kommunen har et ønske om, at samtalen optages.",
    },
    labels: {
      kind: { citizen: "Borgermøde", employee: "Samtale mellem ansat og leder" },
      channel: { in_person: "Fremmøde", phone: "Telefon", video_call: "Videomøde", home_visit: "Hjemmebesøg" },
      origin: {
        none: "Ingen optagelse",
        asked_first: "Spurgte først om lov",
        open_without_asking: "Optog åbent uden at spørge",
        discovered_hidden: "Skjult optagelse opdaget",
        municipality_wants: "Kommunen ønsker at optage",
      },
      medium: { sound: "Lyd", video_requested: "Ønske om video" },
      decision: { allowed: "Tilladt", refused: "Afvist" },
      video_scope: { sound_only: "Kun lyd (udgangspunktet)", video_allowed: "Også video tilladt" },
      reason: {
        note_taking_difficulty: "Svært ved selv at tage notater",
        memory_or_concentration: "Problemer med hukommelse eller koncentration",
        for_absent_bisidder: "Til en bisidder, der ikke kan deltage",
        other: "Anden grund",
      },
    },
    messages: {
      channel_missing: "Angiv, hvordan mødet blev holdt.",
      counterpart_missing: `Angiv ${cd}s navn eller en reference (ikke et CPR-nummer).`,
      notice_missing: "Punktet »{notice}« er ikke markeret som udført.",
      notice_recommended: "Det anbefales at vejlede om »{notice}«.",
      refusal_leader_is_lead: "Den nærmeste leder må ikke være den samme person som den, der leder mødet.",
      video_scope_missing: `${Cd} har bedt om at optage video. Angiv, hvad der er tilladt.`,
      decision_missing: "Angiv, om optagelsen er tilladt eller afvist.",
      origin_missing: "Angiv, hvordan optagelsen kom på tale – eller ingen optagelse.",
      interest_weighing_missing: "Andres personlige forhold drøftes, og optagelsen er tilladt. Skriv interesseafvejningen.",
      municipality_records: "Det er kommunen, der ønsker at optage. Det er uden for retningslinjerne.",
      refusal_details_without_refusal: "Optagelsen er ikke afvist, men der står grunde for en afvisning.",
      addendum_reason_missing: "Skriv, hvorfor notatet rettes.",
    },
  };
}

/** The policy status a settings view carries: the built-in policy, no problems. */
export const BUILTIN_POLICY_STATUS: PolicyStatus = {
  municipality: "Albertslund Kommune",
  id: "albertslund",
  version: "2026.2",
  hash: "0".repeat(64),
  source: "builtin",
  in_effect_since: null,
  problems: [],
};
