// Typed dictionaries. Danish is the default and the source of truth for the
// set of keys; English must have exactly the same keys (a missing or extra
// key is a type error).
//
// The words for coded values from Rust (error codes, verification codes, sync
// error kinds) are kept apart, in `Record<Code, string>` dictionaries: a code
// added on the Rust side (bindings.ts) without words here is a type error.

import type { ErrorCode, VerifyCode } from "./bindings";
import type { SyncErrorKind } from "./ipc";

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

  "error.retry": "Prøv igen",

  "nav.records": "Mødenotater",
  "nav.settings": "Indstillinger",
  "nav.main": "Hovedmenu",
  "nav.back": "Til oversigten",

  "common.yes": "Ja",
  "common.no": "Nej",
  "common.cancel": "Annuller",
  "common.now": "Nu",
  "common.nowFor": "Sæt »{label}« til nu",
  "common.clear": "Ryd",
  "common.none": "–",
  "common.close": "Luk",

  "sync.label": "Afsendelse til det fælles drev",
  "sync.allSent": "Alle afsluttede notater er sendt til det fælles drev.",
  "sync.allSentLocal":
    "Alle afsluttede notater er gemt i standardmappen på denne computer. Der er ikke valgt en fælles mappe under Indstillinger.",
  "sync.pending.one": "1 notat venter på at blive sendt",
  "sync.pending.many": "{count} notater venter på at blive sendt",
  "sync.oldest": "det ældste har ventet {age}",
  "sync.lastSuccess": "Sidst sendt {time}.",
  "sync.lastError": "Seneste forsøg mislykkedes: {kind}.",
  "sync.kindUnknown": "ukendt fejl",
  "sync.conflicts":
    "{count} fil(er) findes allerede på det fælles drev med et andet indhold. De overskrives ikke. Kontakt IT-support.",
  "sync.now": "Synkronisér nu",
  "sync.running": "Synkroniserer …",

  "editor.loading": "Henter mødenotatet …",
  "editor.saved": "Gemt kl. {time}",
  "editor.saving": "Gemmer …",
  "editor.unsaved": "Ikke gemt endnu",
  "editor.saveFailed": "Ændringen er ikke gemt. Teksten er bevaret her; ret det markerede felt.",
  "editor.fieldElsewhere": "Gå til feltet",
  "editor.steps": "Trin",
  "editor.stepMissing": "{count} mangler",
  "editor.next": "Næste",
  "editor.prev": "Tilbage",

  "step.meeting": "Mødet",
  "step.recording": "Optagelse",
  "step.details": "Oplysninger",
  "step.refusal": "Afvisning",
  "step.review": "Gennemse",

  "meeting.kind.legend": "Hvilken slags møde?",
  "meeting.kind.change": "Skift mødetype",
  "meeting.channel.legend": "Hvordan holdes mødet?",
  "meeting.startsAt": "Mødet begyndte",
  "meeting.endsAt": "Mødet sluttede (kan udfyldes bagefter)",
  "meeting.subject": "Emne (kort)",
  "meeting.caseNumber": "Sagsnummer",
  "meeting.caseNumber.hint": "Notatet noteres i sagen, så sagsnummeret skal med.",
  "meeting.kle": "KLE-nummer (valgfrit)",
  "meeting.unit": "Enhed",
  "meeting.room": "Mødelokale",
  "meeting.listHint": "Vælg fra listen eller skriv selv.",
  "meeting.lead.legend": "Ansvarlig {staff}",
  "meeting.lead.name": "Navn",
  "meeting.lead.initials": "Initialer",
  "meeting.counterpart": "{Counterpart} (navn eller reference)",
  "meeting.counterpart.hint": "Skriv ikke CPR-nummer.",
  "meeting.bisidder": "Der er en bisidder med",
  "meeting.bisidderName": "Bisidderens navn",
  "meeting.othersMatters": "Andre personers personlige forhold drøftes på mødet",
  "meeting.othersMatters.hint": "Fx familiemedlemmers eller kollegers forhold.",
  "meeting.outside.heading": "Uden for retningslinjerne",

  "recording.origin.legend": "Hvordan kom optagelsen på tale?",
  "recording.medium.legend": "Hvad ønskes optaget?",
  "recording.decision.legend": "Beslutning",
  "recording.refuse": "Afvis optagelse …",
  "recording.refused": "Optagelsen er afvist. Udfyld afvisningen i næste trin, »Afvisning«.",
  "recording.undoRefusal": "Fortryd afvisningen",
  "recording.refuseConfirm.title": "Afvis optagelsen?",
  "recording.refuseConfirm.body":
    "Udgangspunktet er, at optagelsen er tilladt. En afvisning er en undtagelse, som kræver en saglig grund, en skriftlig konkret vurdering, din nærmeste leder og en begrundelse til {counterpartDefinite}. Du udfylder det i næste trin.",
  "recording.refuseConfirm.confirm": "Ja, afvis optagelsen",
  "recording.videoScope.legend": "{CounterpartDefinite} beder om at optage video. Hvad er tilladt?",
  "recording.unannounced.heading": "Optagelse uden at spørge først",
  "recording.encouraged": "Jeg har opfordret {counterpartDefinite} til at oplyse om optagelsen",
  "recording.encouragedAt": "Opfordret kl. {time}",
  "recording.reasons.legend": "Grund, hvis {counterpartDefinite} selv nævner en (valgfrit)",
  "recording.reasons.hint": "{CounterpartDefinite} behøver ikke give en grund. Skriv aldrig helbredsoplysninger.",

  "details.none":
    "Der er ingen optagelse, så der er ingen oplysninger at give. Vælg under »Optagelse«, hvis optagelsen kommer på tale.",
  "details.notices.heading": "Det skal du fortælle {counterpartDefinite}",
  "details.notices.hint": "Sæt flueben, når det er sagt. Tidspunktet gemmes.",
  "details.notice.recommended": "Anbefalet",
  "details.notice.givenAt": "Givet kl. {time}",
  "details.oral.legend": "Vejledning eller afgørelse?",
  "details.oral.guidance": "Kun vejledning – der er ikke truffet en mundtlig afgørelse",
  "details.oral.decision": "Der er truffet en mundtlig afgørelse",
  "details.oral.what": "Hvad blev afgjort?",

  "refusal.heading": "Afvisning af optagelse",
  "refusal.nature": "Procesbeslutning",
  "refusal.grounds.legend": "Saglig grund",
  "refusal.otherGround": "Beskriv den anden saglige grund",
  "refusal.assessment": "Konkret vurdering",
  "refusal.assessment.guide":
    "Skriv konkret om netop dette møde: hvorfor kommunen ikke ønsker optagelsen, hvilket behov {counterpartDefinite} har for at optage ud fra sine personlige forhold, ved grund b også {counterpartDefinite}s mulighed for at varetage sine interesser på anden vis og de andres interesser – og hvorfor det ene vejer tungest.",
  "refusal.assessment.count": "{count} tegn (mindst {min})",
  "refusal.coDecider.legend": "Nærmeste leder, der har truffet beslutningen sammen med dig",
  "refusal.coDecider.hint": "Må ikke være den, der leder mødet.",
  "refusal.reasonGivenAt": "Begrundelsen blev givet til {counterpartDefinite}",
  "refusal.reasonText": "Hvad fik {counterpartDefinite} at vide?",
  "refusal.room": "Jakker, tasker, mobiltelefoner mv. skal blive uden for mødelokalet (valgfrit)",
  "refusal.legal": "HR/Jura er konsulteret om vurderingen",
  "refusal.legalNote": "Bemærkning om HR/Jura (valgfrit)",
  "refusal.legalAt": "Konsulteret kl. {time}",
  "refusal.caseNotice.heading": "Noteres i sagen",

  "equal.heading": "Sådan er lignende ønsker afgjort før",
  "equal.unit": "Enheden {unit}",
  "equal.unitUnknown": "Denne enhed (angiv enheden under »Mødet«)",
  "equal.municipality": "Hele kommunen (notater på denne computer)",
  "equal.requests": "Ønsker",
  "equal.allowed": "Tilladt",
  "equal.refused": "Afvist",
  "equal.unannounced": "Uden at spørge",
  "equal.unavailable": "Oversigten kunne ikke hentes.",

  "review.heading": "Gennemse og afslut",
  "review.violations.heading": "Det mangler, før notatet kan afsluttes",
  "review.advisory.heading": "Anbefalinger (blokerer ikke)",
  "review.ok": "Alt nødvendigt er udfyldt. Notatet kan afsluttes.",
  "review.advisory": "Anbefaling",
  "review.goTo": "Gå til feltet",
  "review.finish": "Afslut og underskriv",
  "review.finishBlocked": "»Afslut og underskriv« kan vælges, når intet mangler.",
  "review.finishing": "Afslutter …",

  "summary.heading": "Notatets indhold",
  "summary.meeting": "Mødet",
  "summary.recording": "Optagelse",
  "summary.notices": "Oplysninger givet",
  "summary.oral": "Vejledning eller afgørelse",
  "summary.refusal": "Afvisning",
  "summary.kind": "Mødetype",
  "summary.official": "Tjenstlig karakter",
  "summary.channel": "Form",
  "summary.time": "Tidspunkt",
  "summary.subject": "Emne",
  "summary.caseNumber": "Sagsnummer",
  "summary.kle": "KLE-nummer",
  "summary.unit": "Enhed",
  "summary.room": "Mødelokale",
  "summary.lead": "Ansvarlig {staff}",
  "summary.counterpart": "{Counterpart}",
  "summary.bisidder": "Bisidder",
  "summary.othersMatters": "Andres personlige forhold drøftes",
  "summary.origin": "Hvordan optagelsen kom på tale",
  "summary.medium": "Ønske",
  "summary.decision": "Beslutning",
  "summary.videoScope": "Video",
  "summary.reasons": "Grund",
  "summary.encouraged": "Opfordret til at oplyse om optagelsen",
  "summary.grounds": "Grund",
  "summary.assessment": "Konkret vurdering",
  "summary.coDecider": "Besluttet sammen med",
  "summary.reasonGiven": "Begrundelse givet",
  "summary.roomInstruction": "Anvisning om mødelokalet",
  "summary.legalHelp": "HR/Jura",
  "summary.notGiven": "Ikke givet",
  "summary.notAnswered": "Ikke besvaret",
  "summary.guidanceOnly": "Kun vejledning",
  "summary.oralMade": "Mundtlig afgørelse: {what}",

  "sign.title": "Afslut og underskriv",
  "sign.body": "Notatet underskrives med din nøgle og kan derefter ikke ændres.",
  "sign.signer": "Underskrives af {name} ({initials}).",
  "sign.passphrase": "Adgangssætning til din nøgle",
  "sign.submit": "Underskriv",
  "sign.noKey.title": "Du har ingen nøgle endnu",
  "sign.noKey.body":
    "For at underskrive notater skal du oprette en nøgle med en adgangssætning under Indstillinger. Kladden er gemt.",
  "sign.noKey.go": "Gå til indstillinger",

  "finished.heading": "Afsluttet notat",
  "finished.readonly": "Notatet er afsluttet {time} og kan ikke ændres.",
  "finished.export": "Eksportér notat …",
  "finished.exporting": "Eksporterer …",
  "finished.exported": "Notatet er gemt i mappen",
  "finished.files": "Filer",
  "finished.exportCancelled": "Eksporten blev annulleret.",
  "finished.unsigned":
    "Notatet blev afsluttet uden underskrift af en tidligere version af programmet. Det kan ikke eksporteres som underskrevet notat.",

  "settings.heading": "Indstillinger",
  "settings.staff.legend": "Hvem arbejder på denne computer?",
  "settings.staff.name": "Dit navn",
  "settings.staff.initials": "Dine initialer",
  "settings.staff.hint": "Bruges som ansvarlig i nye møder og ved underskrift. Huskes på denne computer.",
  "settings.units": "Enheder (én pr. linje)",
  "settings.rooms": "Mødelokaler (ét pr. linje)",
  "settings.language": "Sprog",
  "settings.dataDir": "Datamappe på denne computer",
  "settings.shareDir": "Fælles mappe (afsluttede notater sendes hertil)",
  "settings.shareDir.hint": "Lad feltet stå tomt for standardmappen. En fælles mappe skal være tilsluttet, når du gemmer: Samtalenotat opretter mappen »samtalenotat« i den og sender kun dertil. Lige nu bruges: {dir}",
  "settings.shareDir.local":
    "Det er standardmappen på denne computer, ikke et fælles drev: notaterne når ikke ud til andre, før du angiver en fælles mappe.",
  "settings.save": "Gem indstillinger",
  "settings.saved": "Indstillingerne er gemt.",
  "settings.notSaved": "Indstillingerne er ikke gemt. Ret det markerede felt.",
  "settings.key.heading": "Nøgle til underskrift",
  "settings.key.exists": "Der er en nøgle til underskrift på denne computer.",
  "settings.key.id": "Nøgle-id",
  "settings.key.signer": "Tilhører",
  "settings.key.publicPath": "Offentlig nøgle",
  "settings.key.none": "Der er ingen nøgle endnu. Opret en for at kunne underskrive notater.",
  "settings.key.needStaff": "Gem dit navn og dine initialer, før du opretter en nøgle.",
  "settings.key.passphrase": "Adgangssætning (mindst 8 tegn)",
  "settings.key.repeat": "Gentag adgangssætningen",
  "settings.key.create": "Opret nøgle",
  "settings.key.created": "Nøglen er oprettet.",
  "settings.key.tooShort": "Adgangssætningen skal være mindst 8 tegn.",
  "settings.key.mismatch": "De to adgangssætninger er ikke ens.",
  "settings.verify.heading": "Kontrollér et notat",
  "settings.verify.hint": "Vælg mappen med et eksporteret notat. Hver fil og dens underskrift kontrolleres.",
  "settings.verify.button": "Kontrollér et notat …",
  "settings.verify.ok": "Notatet er i orden: alle filer og underskrifter stemmer.",
  "settings.verify.failed": "Notatet er ikke i orden. Se nedenfor, hvilke filer der fejler.",
  "settings.verify.fileOk": "i orden",
  "settings.verify.fileFailed": "fejler",
  "settings.verify.detail": "Teknisk forklaring",
  "settings.verify.signerKnown": "Underskriveren er kendt: nøglen er denne computers egen eller offentliggjort på det fælles drev.",
  "settings.verify.signerUnknown": "Filerne er uændrede, men nøglen findes kun i mappen selv. Hvem der underskrev, er ikke bekræftet: kontrollér med de offentliggjorte nøgler (samtalenotat-cli verify --keys).",
  "settings.verify.cancelled": "Kontrollen blev annulleret.",

  "cpr.warning": "Det ligner et CPR-nummer. Skriv ikke CPR-numre i notatet.",

  // Names of fields in error messages ("Teksten i «Emne» er for lang"), where no
  // label above fits; errors.ts maps every field path to a label.
  "field.lead.name": "Navn på ansvarlig {staff}",
  "field.lead.initials": "Initialer på ansvarlig {staff}",
  "field.coDecider.name": "Navn på nærmeste leder",
  "field.coDecider.initials": "Initialer på nærmeste leder",
  "field.otherGround": "Anden saglig grund",
  "field.reasonText": "Begrundelse givet til {counterpartDefinite}",
  "field.legalNote": "Bemærkning om HR/Jura",
  "field.endsAt": "Mødet sluttede",
  "field.units": "Enheder",
  "field.rooms": "Mødelokaler",
  "field.shareDir": "Fælles mappe",
  "field.passphrase": "Adgangssætning",
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

  "error.retry": "Try again",

  "nav.records": "Meeting records",
  "nav.settings": "Settings",
  "nav.main": "Main menu",
  "nav.back": "Back to the list",

  "common.yes": "Yes",
  "common.no": "No",
  "common.cancel": "Cancel",
  "common.now": "Now",
  "common.nowFor": "Set “{label}” to now",
  "common.clear": "Clear",
  "common.none": "–",
  "common.close": "Close",

  "sync.label": "Sending to the shared folder",
  "sync.allSent": "All finished notes have been sent to the shared folder.",
  "sync.allSentLocal":
    "All finished notes are stored in the default folder on this computer. No shared folder has been chosen under Settings.",
  "sync.pending.one": "1 note is waiting to be sent",
  "sync.pending.many": "{count} notes are waiting to be sent",
  "sync.oldest": "the oldest has waited {age}",
  "sync.lastSuccess": "Last sent {time}.",
  "sync.lastError": "The last attempt failed: {kind}.",
  "sync.kindUnknown": "unknown error",
  "sync.conflicts":
    "{count} file(s) already exist in the shared folder with different content. They are not overwritten. Contact IT support.",
  "sync.now": "Sync now",
  "sync.running": "Syncing …",

  "editor.loading": "Loading the meeting record …",
  "editor.saved": "Saved at {time}",
  "editor.saving": "Saving …",
  "editor.unsaved": "Not saved yet",
  "editor.saveFailed": "The change is not saved. Your text is kept here; correct the marked field.",
  "editor.fieldElsewhere": "Go to the field",
  "editor.steps": "Steps",
  "editor.stepMissing": "{count} missing",
  "editor.next": "Next",
  "editor.prev": "Back",

  "step.meeting": "Meeting",
  "step.recording": "Recording",
  "step.details": "Notices",
  "step.refusal": "Refusal",
  "step.review": "Review",

  "meeting.kind.legend": "What kind of meeting?",
  "meeting.kind.change": "Change kind",
  "meeting.channel.legend": "How is the meeting held?",
  "meeting.startsAt": "The meeting started",
  "meeting.endsAt": "The meeting ended (can be filled in afterwards)",
  "meeting.subject": "Subject (short)",
  "meeting.caseNumber": "Case number",
  "meeting.caseNumber.hint": "The note is filed in the case, so the case number is needed.",
  "meeting.kle": "KLE number (optional)",
  "meeting.unit": "Unit",
  "meeting.room": "Meeting room",
  "meeting.listHint": "Choose from the list or type.",
  "meeting.lead.legend": "Responsible {staff}",
  "meeting.lead.name": "Name",
  "meeting.lead.initials": "Initials",
  "meeting.counterpart": "{Counterpart} (name or reference)",
  "meeting.counterpart.hint": "Do not write a CPR number.",
  "meeting.bisidder": "A bisidder (support person) is present",
  "meeting.bisidderName": "The bisidder's name",
  "meeting.othersMatters": "Other people's personal matters are discussed at the meeting",
  "meeting.othersMatters.hint": "For example family members' or colleagues' matters.",
  "meeting.outside.heading": "Outside the guideline",

  "recording.origin.legend": "How did the recording come up?",
  "recording.medium.legend": "What is to be recorded?",
  "recording.decision.legend": "Decision",
  "recording.refuse": "Refuse recording …",
  "recording.refused": "The recording is refused. Fill in the refusal in the next step, “Refusal”.",
  "recording.undoRefusal": "Undo the refusal",
  "recording.refuseConfirm.title": "Refuse the recording?",
  "recording.refuseConfirm.body":
    "By default the recording is allowed. A refusal is an exception that needs an objective ground, a written concrete assessment, your nearest manager and a reason given to {counterpartDefinite}. You fill this in in the next step.",
  "recording.refuseConfirm.confirm": "Yes, refuse the recording",
  "recording.videoScope.legend": "{CounterpartDefinite} asks to record video. What is allowed?",
  "recording.unannounced.heading": "Recording without asking first",
  "recording.encouraged": "I have encouraged {counterpartDefinite} to say that the meeting is being recorded",
  "recording.encouragedAt": "Encouraged at {time}",
  "recording.reasons.legend": "Reason, if {counterpartDefinite} mentions one (optional)",
  "recording.reasons.hint": "{CounterpartDefinite} need not give a reason. Never write health details.",

  "details.none":
    "There is no recording, so there are no notices to give. Choose under “Recording” if a recording comes up.",
  "details.notices.heading": "What you tell {counterpartDefinite}",
  "details.notices.hint": "Tick each item once it has been said. The time is saved.",
  "details.notice.recommended": "Recommended",
  "details.notice.givenAt": "Given at {time}",
  "details.oral.legend": "Guidance or decision?",
  "details.oral.guidance": "Guidance only – no oral decision was made",
  "details.oral.decision": "An oral decision was made",
  "details.oral.what": "What was decided?",

  "refusal.heading": "Refusing the recording",
  "refusal.nature": "Procedural decision",
  "refusal.grounds.legend": "Objective ground",
  "refusal.otherGround": "Describe the other objective ground",
  "refusal.assessment": "Concrete assessment",
  "refusal.assessment.guide":
    "Write concretely about this meeting: why the municipality does not want it recorded, what need {counterpartDefinite} has to record it given their personal circumstances, for ground b also {counterpartDefinite}'s ability to safeguard their interests in other ways and the other people's interests – and why one outweighs the other.",
  "refusal.assessment.count": "{count} characters (at least {min})",
  "refusal.coDecider.legend": "The nearest manager who decided this together with you",
  "refusal.coDecider.hint": "Must not be the person leading the meeting.",
  "refusal.reasonGivenAt": "The reason was given to {counterpartDefinite}",
  "refusal.reasonText": "What was {counterpartDefinite} told?",
  "refusal.room": "Jackets, bags, phones etc. must stay outside the meeting room (optional)",
  "refusal.legal": "HR/Jura was consulted on the assessment",
  "refusal.legalNote": "Note about HR/Jura (optional)",
  "refusal.legalAt": "Consulted at {time}",
  "refusal.caseNotice.heading": "Noted in the case",

  "equal.heading": "How similar requests were decided before",
  "equal.unit": "The unit {unit}",
  "equal.unitUnknown": "This unit (enter the unit under “Meeting”)",
  "equal.municipality": "The whole municipality (notes on this computer)",
  "equal.requests": "Requests",
  "equal.allowed": "Allowed",
  "equal.refused": "Refused",
  "equal.unannounced": "Without asking",
  "equal.unavailable": "The overview could not be loaded.",

  "review.heading": "Review and finish",
  "review.violations.heading": "Missing before the note can be finished",
  "review.advisory.heading": "Recommendations (not blocking)",
  "review.ok": "Everything required is filled in. The note can be finished.",
  "review.advisory": "Recommendation",
  "review.goTo": "Go to the field",
  "review.finish": "Finish and sign",
  "review.finishBlocked": "“Finish and sign” becomes available when nothing is missing.",
  "review.finishing": "Finishing …",

  "summary.heading": "What the note says",
  "summary.meeting": "Meeting",
  "summary.recording": "Recording",
  "summary.notices": "Notices given",
  "summary.oral": "Guidance or decision",
  "summary.refusal": "Refusal",
  "summary.kind": "Kind of meeting",
  "summary.official": "Official character",
  "summary.channel": "Held as",
  "summary.time": "Time",
  "summary.subject": "Subject",
  "summary.caseNumber": "Case number",
  "summary.kle": "KLE number",
  "summary.unit": "Unit",
  "summary.room": "Meeting room",
  "summary.lead": "Responsible {staff}",
  "summary.counterpart": "{Counterpart}",
  "summary.bisidder": "Bisidder",
  "summary.othersMatters": "Others' personal matters discussed",
  "summary.origin": "How the recording came up",
  "summary.medium": "Request",
  "summary.decision": "Decision",
  "summary.videoScope": "Video",
  "summary.reasons": "Reason",
  "summary.encouraged": "Encouraged to say that they record",
  "summary.grounds": "Ground",
  "summary.assessment": "Concrete assessment",
  "summary.coDecider": "Decided together with",
  "summary.reasonGiven": "Reason given",
  "summary.roomInstruction": "Meeting-room instruction",
  "summary.legalHelp": "HR/Jura",
  "summary.notGiven": "Not given",
  "summary.notAnswered": "Not answered",
  "summary.guidanceOnly": "Guidance only",
  "summary.oralMade": "Oral decision: {what}",

  "sign.title": "Finish and sign",
  "sign.body": "The note is signed with your key and cannot be changed afterwards.",
  "sign.signer": "Signed by {name} ({initials}).",
  "sign.passphrase": "Passphrase of your key",
  "sign.submit": "Sign",
  "sign.noKey.title": "You have no key yet",
  "sign.noKey.body": "To sign notes, create a key with a passphrase under Settings. The draft is saved.",
  "sign.noKey.go": "Go to Settings",

  "finished.heading": "Finished note",
  "finished.readonly": "The note was finished {time} and cannot be changed.",
  "finished.export": "Export note …",
  "finished.exporting": "Exporting …",
  "finished.exported": "The note was saved in the folder",
  "finished.files": "Files",
  "finished.exportCancelled": "The export was cancelled.",
  "finished.unsigned":
    "The note was finished without a signature by an earlier version of the app. It cannot be exported as a signed note.",

  "settings.heading": "Settings",
  "settings.staff.legend": "Who is working on this computer?",
  "settings.staff.name": "Your name",
  "settings.staff.initials": "Your initials",
  "settings.staff.hint": "Used as the responsible person in new meetings and when signing. Remembered on this computer.",
  "settings.units": "Units (one per line)",
  "settings.rooms": "Meeting rooms (one per line)",
  "settings.language": "Language",
  "settings.dataDir": "Data folder on this computer",
  "settings.shareDir": "Shared folder (finished notes are sent here)",
  "settings.shareDir.hint": "Leave empty for the default folder. A shared folder must be connected when you save: Samtalenotat creates a »samtalenotat« folder in it and only ever sends there. Currently used: {dir}",
  "settings.shareDir.local":
    "This is the default folder on this computer, not a shared drive: the notes reach no one else until you enter a shared folder.",
  "settings.save": "Save settings",
  "settings.saved": "The settings were saved.",
  "settings.notSaved": "The settings were not saved. Correct the marked field.",
  "settings.key.heading": "Signing key",
  "settings.key.exists": "There is a signing key on this computer.",
  "settings.key.id": "Key id",
  "settings.key.signer": "Belongs to",
  "settings.key.publicPath": "Public key",
  "settings.key.none": "There is no key yet. Create one to be able to sign notes.",
  "settings.key.needStaff": "Save your name and initials before creating a key.",
  "settings.key.passphrase": "Passphrase (at least 8 characters)",
  "settings.key.repeat": "Repeat the passphrase",
  "settings.key.create": "Create key",
  "settings.key.created": "The key was created.",
  "settings.key.tooShort": "The passphrase must be at least 8 characters.",
  "settings.key.mismatch": "The two passphrases differ.",
  "settings.verify.heading": "Check a note",
  "settings.verify.hint": "Choose the folder of an exported note. Every file and its signature are checked.",
  "settings.verify.button": "Check a note …",
  "settings.verify.ok": "The note is in order: all files and signatures match.",
  "settings.verify.failed": "The note is not in order. See below which files fail.",
  "settings.verify.fileOk": "in order",
  "settings.verify.fileFailed": "fails",
  "settings.verify.detail": "Technical explanation",
  "settings.verify.signerKnown": "The signer is known: the key is this computer's own or published on the shared folder.",
  "settings.verify.signerUnknown": "The files are unchanged, but the key is only the one inside the folder. Who signed is not confirmed: check against the published keys (samtalenotat-cli verify --keys).",
  "settings.verify.cancelled": "The check was cancelled.",

  "cpr.warning": "This looks like a CPR number. Do not write CPR numbers in the note.",

  "field.lead.name": "Name of the responsible {staff}",
  "field.lead.initials": "Initials of the responsible {staff}",
  "field.coDecider.name": "Name of the nearest manager",
  "field.coDecider.initials": "Initials of the nearest manager",
  "field.otherGround": "Other objective ground",
  "field.reasonText": "Reason given to {counterpartDefinite}",
  "field.legalNote": "Note about HR/Jura",
  "field.endsAt": "The meeting ended",
  "field.units": "Units",
  "field.rooms": "Meeting rooms",
  "field.shareDir": "Shared folder",
  "field.passphrase": "Passphrase",
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

/**
 * Placeholders `{name}` and optional parts `[a|b]`: `a` when every placeholder
 * in it has a value, otherwise `b` (which may be left out: `[a]`). Optional parts
 * are resolved on the template before values are filled in, so a value's own
 * brackets or braces are never read as syntax.
 */
export function fillTemplate(text: string, values: Readonly<Record<string, string | number | undefined>>): string {
  const has = (name: string): boolean => {
    const v = values[name];
    return v !== undefined && String(v) !== "";
  };
  const complete = (part: string): boolean => [...part.matchAll(/\{(\w+)\}/g)].every((m) => has(m[1] ?? ""));
  const resolved = text.replace(/\[([^[\]|]*)(?:\|([^[\]]*))?\]/g, (_whole, a: string, b: string | undefined) =>
    complete(a) ? a : (b ?? ""),
  );
  return resolved.replace(/\{(\w+)\}/g, (whole, name: string) => (has(name) ? String(values[name]) : whole));
}

/** Words for the coded values Rust answers with. */
export interface CodedWords {
  /**
   * One text per `AppError` code. Placeholders: `{field}` (the field's name in
   * words, when the error names a field the UI knows) and the error's params
   * (`{min}`, `{max}`, `{actual}`, `{code_point}`, `{character}`, `{path}`).
   */
  error: Record<ErrorCode, string>;
  /** What is wrong with a file of a checked note (after "note.pdf: "). */
  verify: Record<VerifyCode, string>;
  /** Why the last sync attempt failed (inside "Seneste forsøg mislykkedes: …"). */
  syncKind: Record<SyncErrorKind, string>;
}

export const daCoded: CodedWords = {
  error: {
    invalid_input:
      "[«{field}» har et indhold, der ikke kan godkendes|Oplysningerne kunne ikke godkendes]. Kontrollér det indtastede, og prøv igen.",
    unknown_field: "Programmet sendte et felt, der ikke findes. Det er en fejl i programmet: kontakt IT-support.",
    text_empty: "[«{field}»|Feltet] skal udfyldes.",
    text_too_long: "Teksten[ i «{field}»] er for lang[: højst {max} tegn][ (nu {actual})].",
    text_control_character:
      "Teksten[ i «{field}»] indeholder et usynligt tegn eller et kontroltegn[ ({code_point})], som ikke kan gemmes. Skriv teksten igen i stedet for at indsætte den.",
    time_out_of_range: "Tidspunktet[ i «{field}»] er ikke muligt[: det skal ligge fra {min} og før {max}].",
    out_of_range: "[«{field}»|En værdi] er over grænsen[: højst {max}].",
    bad_id: "Mødenotatets id er ugyldigt. Det er en fejl i programmet: kontakt IT-support.",
    bad_date: "Datoen[ i «{field}»] er ugyldig, eller slutdatoen ligger før startdatoen.",
    bad_path: "[«{field}»|Mappen] skal være den fulde sti til en mappe, fx S:\\Samtalenotat eller /mnt/faelles.",
    not_found: "Mødenotatet blev ikke fundet. Det kan være blevet slettet.",
    record_finished: "Mødenotatet er afsluttet og kan ikke ændres.",
    record_not_finished: "Mødenotatet er ikke afsluttet og underskrevet endnu.",
    rule_violation: "Mødenotatet opfylder ikke retningslinjernes krav endnu. Se under «Gennemse», hvad der mangler.",
    no_staff: "Dit navn og dine initialer er ikke gemt på denne computer. Gem dem under Indstillinger først.",
    no_key: "Der er ingen nøgle til underskrift. Opret en under Indstillinger.",
    key_exists: "Der er allerede en nøgle til underskrift på denne computer.",
    wrong_passphrase: "Adgangssætningen er forkert. Prøv igen.",
    passphrase_too_short: "Adgangssætningen er for kort[: mindst {min} tegn].",
    passphrase_too_long: "Adgangssætningen er for lang[: højst {max} tegn].",
    missing_glyph:
      "Notatet kan ikke vise tegnet[ «{character}»][ ({code_point})]. Fjern eller erstat tegnet i teksten, og prøv igen.",
    export_conflict:
      "Der findes allerede en anden fil med samme navn i den valgte mappe[ ({path})]. Den overskrives ikke: vælg en anden mappe.",
    file_access: "En fil eller mappe på denne computer kunne ikke læses eller skrives[: {path}]. Kontrollér adgangen, og prøv igen.",
    share_missing: "Den fælles mappe kunne ikke findes. Kontrollér, at drevet er tilsluttet, og at stien[ i «{field}»] er rigtig.",
    share_permission: "Samtalenotat har ikke lov til at skrive i den fælles mappe[ i «{field}»]. Kontakt IT-support om adgangen.",
    share_disk_full: "Den fælles mappe[ i «{field}»] er fuld. Kontakt IT-support.",
    share_timeout: "Den fælles mappe[ i «{field}»] svarede ikke i tide. Kontrollér netværket, og prøv igen.",
    share_io:
      "Den fælles mappe[ i «{field}»] kunne ikke læses eller skrives. Prøv igen, og kontakt IT-support, hvis fejlen bliver ved.",
    storage:
      "Data kunne ikke læses eller gemmes på denne computer. Prøv igen, og kontakt IT-support, hvis fejlen bliver ved.",
    internal: "Der opstod en uventet fejl i programmet. Prøv igen, og kontakt IT-support, hvis fejlen bliver ved.",
  },
  verify: {
    missing: "filen mangler i mappen",
    unreadable: "filen kan ikke læses",
    not_a_public_key: "filen er ikke en offentlig nøgle",
    not_canonical: "filen er ændret: den har ikke præcis den form, Samtalenotat skriver",
    key_differs_from_trusted: "nøglen er ikke den kendte nøgle med samme id – notatet kan være forfalsket",
    key_not_trusted: "nøglen, der har underskrevet, er ikke en af de kendte nøgler",
    note_invalid: "filen er ikke et notat fra Samtalenotat",
    folder_mismatch: "notatets id passer ikke til mappens navn",
    signer_mismatch: "notatet nævner en anden nøgle end den, der har underskrevet",
    signature_malformed: "underskriftsfilen er ikke en gyldig underskrift",
    content_changed: "indholdet er ændret, efter at det blev underskrevet",
    signature_invalid: "underskriften passer ikke: den er ændret eller hører til en anden fil",
    comment_invalid: "underskriftens kommentar er ikke en, Samtalenotat skriver, eller den nævner en anden fil",
    other_note: "underskriften hører til et andet notat",
    pdf_not_bound: "PDF-filen hører ikke til dette notat",
  },
  syncKind: {
    share_missing: "det fælles drev kunne ikke findes",
    permission: "ingen adgang til det fælles drev",
    disk_full: "det fælles drev er fuldt",
    timeout: "det fælles drev svarede ikke",
    io: "det fælles drev kunne ikke læses eller skrives",
    invalid_artifact: "et notat kunne ikke lægges på det fælles drev (kontakt IT-support)",
  },
};

export const enCoded: CodedWords = {
  error: {
    invalid_input:
      "[The content of “{field}” cannot be accepted|The information could not be accepted]. Check what you entered and try again.",
    unknown_field: "The program sent a field that does not exist. This is a fault in the program: contact IT support.",
    text_empty: "[“{field}”|The field] must be filled in.",
    text_too_long: "The text[ in “{field}”] is too long[: at most {max} characters][ (now {actual})].",
    text_control_character:
      "The text[ in “{field}”] contains an invisible or control character[ ({code_point})] that cannot be saved. Type the text again instead of pasting it.",
    time_out_of_range: "The time[ in “{field}”] is not possible[: it must be from {min} and before {max}].",
    out_of_range: "[“{field}”|A value] is over the limit[: at most {max}].",
    bad_id: "The meeting record's id is invalid. This is a fault in the program: contact IT support.",
    bad_date: "The date[ in “{field}”] is invalid, or the end date is before the start date.",
    bad_path: "[“{field}”|The folder] must be the full path of a folder, e.g. S:\\Samtalenotat or /mnt/shared.",
    not_found: "The meeting record was not found. It may have been deleted.",
    record_finished: "The meeting record is finished and cannot be changed.",
    record_not_finished: "The meeting record has not been finished and signed yet.",
    rule_violation: "The meeting record does not meet the guideline's requirements yet. See under “Review” what is missing.",
    no_staff: "Your name and initials are not saved on this computer. Save them under Settings first.",
    no_key: "There is no signing key. Create one under Settings.",
    key_exists: "There is already a signing key on this computer.",
    wrong_passphrase: "The passphrase is wrong. Try again.",
    passphrase_too_short: "The passphrase is too short[: at least {min} characters].",
    passphrase_too_long: "The passphrase is too long[: at most {max} characters].",
    missing_glyph:
      "The note cannot show the character[ “{character}”][ ({code_point})]. Remove or replace the character in the text and try again.",
    export_conflict:
      "A different file with the same name already exists in the chosen folder[ ({path})]. It is not overwritten: choose another folder.",
    file_access: "A file or folder on this computer could not be read or written[: {path}]. Check the access and try again.",
    share_missing: "The shared folder could not be found. Check that the drive is connected and that the path[ in “{field}”] is right.",
    share_permission: "Samtalenotat is not allowed to write in the shared folder[ in “{field}”]. Contact IT support about the access.",
    share_disk_full: "The shared folder[ in “{field}”] is full. Contact IT support.",
    share_timeout: "The shared folder[ in “{field}”] did not answer in time. Check the network and try again.",
    share_io:
      "The shared folder[ in “{field}”] could not be read or written. Try again, and contact IT support if the problem persists.",
    storage:
      "Data could not be read or saved on this computer. Try again, and contact IT support if the problem persists.",
    internal: "An unexpected error occurred in the program. Try again, and contact IT support if the problem persists.",
  },
  verify: {
    missing: "the file is missing from the folder",
    unreadable: "the file cannot be read",
    not_a_public_key: "the file is not a public key",
    not_canonical: "the file was changed: it is not exactly in the form Samtalenotat writes",
    key_differs_from_trusted: "the key is not the known key with the same id – the note may be forged",
    key_not_trusted: "the key that signed is not one of the known keys",
    note_invalid: "the file is not a note from Samtalenotat",
    folder_mismatch: "the note's id does not match the folder's name",
    signer_mismatch: "the note names another key than the one that signed",
    signature_malformed: "the signature file is not a valid signature",
    content_changed: "the content was changed after it was signed",
    signature_invalid: "the signature does not match: it was changed or belongs to another file",
    comment_invalid: "the signature's comment is not one Samtalenotat writes, or it names another file",
    other_note: "the signature belongs to another note",
    pdf_not_bound: "the PDF file does not belong to this note",
  },
  syncKind: {
    share_missing: "the shared folder could not be found",
    permission: "no access to the shared folder",
    disk_full: "the shared folder is full",
    timeout: "the shared folder did not answer",
    io: "the shared folder could not be read or written",
    invalid_artifact: "a note could not be placed in the shared folder (contact IT support)",
  },
};

export const codedWords: Record<Lang, CodedWords> = { da: daCoded, en: enCoded };
