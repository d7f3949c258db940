// Typed dictionaries. Danish is the default and the source of truth for the
// set of keys; English must have exactly the same keys (a missing or extra
// key is a type error).

export const LANGS = ["da", "en"] as const;
export type Lang = (typeof LANGS)[number];
export const DEFAULT_LANG: Lang = "da";

export const da = {
  "app.name": "Samtalenotat",
  "lang.switch.label": "Sprog",
  "lang.switch.toOther": "English",
  "lang.switch.title": "Switch to English",

  "start.heading": "Mødenotater",
  "start.search.label": "Søg",
  "start.search.placeholder": "Emne, sagsnummer, enhed eller navn",
  "start.newMeeting": "Nyt møde",
  "start.loading": "Henter mødenotater …",
  "start.empty": "Ingen mødenotater endnu. Tryk på »Nyt møde« for at begynde.",
  "start.noMatch": "Ingen mødenotater matcher søgningen.",
  "start.count.one": "1 mødenotat",
  "start.count.many": "{count} mødenotater",
  "start.created": "Ny kladde oprettet.",
  "start.creating": "Opretter kladde …",

  "choice.heading": "Hvilken slags møde?",
  "choice.citizen.title": "Borgermøde",
  "choice.citizen.parties": "Borger ↔ medarbejder",
  "choice.citizen.desc": "Møde mellem en borger og en medarbejder i kommunen, fx om en sag eller en ydelse.",
  "choice.employee.title": "Tjenstlig samtale",
  "choice.employee.parties": "Ansat ↔ leder",
  "choice.employee.desc":
    "Samtale af tjenstlig karakter: en samtale hvor den ansatte normalt kan tage en bisidder med, fx sygefraværssamtale.",
  "choice.cancel": "Annuller",

  "kind.citizen": "Borgermøde",
  "kind.employee": "Tjenstlig samtale",
  "state.draft": "Kladde",
  "state.finished": "Afsluttet",

  "record.noSubject": "(uden emne)",
  "record.caseNumber": "Sagsnr.",
  "record.unit": "Enhed",
  "record.created": "Oprettet",

  "error.invalid_input": "Oplysningerne kunne ikke godkendes. Kontrollér det indtastede, og prøv igen.",
  "error.not_found": "Mødenotatet blev ikke fundet. Det kan være blevet slettet.",
  "error.storage":
    "Data kunne ikke læses eller gemmes på denne computer. Prøv igen, og kontakt IT-support, hvis fejlen bliver ved.",
  "error.rule_violation": "Handlingen er ikke tilladt for dette mødenotat.",
  "error.internal": "Der opstod en uventet fejl i programmet. Prøv igen, og kontakt IT-support, hvis fejlen bliver ved.",
  "error.retry": "Prøv igen",
} as const;

export type MessageKey = keyof typeof da;
export type Dictionary = Record<MessageKey, string>;

export const en: Dictionary = {
  "app.name": "Samtalenotat",
  "lang.switch.label": "Language",
  "lang.switch.toOther": "Dansk",
  "lang.switch.title": "Skift til dansk",

  "start.heading": "Meeting records",
  "start.search.label": "Search",
  "start.search.placeholder": "Subject, case number, unit or name",
  "start.newMeeting": "New meeting",
  "start.loading": "Loading meeting records …",
  "start.empty": "No meeting records yet. Press “New meeting” to begin.",
  "start.noMatch": "No meeting records match the search.",
  "start.count.one": "1 meeting record",
  "start.count.many": "{count} meeting records",
  "start.created": "New draft created.",
  "start.creating": "Creating draft …",

  "choice.heading": "What kind of meeting?",
  "choice.citizen.title": "Citizen meeting",
  "choice.citizen.parties": "Citizen ↔ staff member",
  "choice.citizen.desc": "A meeting between a citizen and a member of municipal staff, e.g. about a case or a benefit.",
  "choice.employee.title": "Employee meeting (official)",
  "choice.employee.parties": "Employee ↔ manager",
  "choice.employee.desc":
    "A meeting of an official nature: one where the employee can normally bring a companion, e.g. a sickness absence meeting.",
  "choice.cancel": "Cancel",

  "kind.citizen": "Citizen meeting",
  "kind.employee": "Employee meeting (official)",
  "state.draft": "Draft",
  "state.finished": "Finished",

  "record.noSubject": "(no subject)",
  "record.caseNumber": "Case no.",
  "record.unit": "Unit",
  "record.created": "Created",

  "error.invalid_input": "The information could not be accepted. Check what you entered and try again.",
  "error.not_found": "The meeting record was not found. It may have been deleted.",
  "error.storage":
    "Data could not be read or saved on this computer. Try again, and contact IT support if the problem persists.",
  "error.rule_violation": "This action is not allowed for this meeting record.",
  "error.internal": "An unexpected error occurred in the program. Try again, and contact IT support if the problem persists.",
  "error.retry": "Try again",
};

export const dictionaries: Record<Lang, Dictionary> = { da, en };

export function isLang(value: unknown): value is Lang {
  return typeof value === "string" && (LANGS as readonly string[]).includes(value);
}

export type Params = Record<string, string | number>;

/** Pure lookup with `{name}` placeholder substitution. */
export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const text = dictionaries[lang][key];
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    return value === undefined ? whole : String(value);
  });
}
