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
  "setup.heading": "Før du kan afslutte et notat",
  "setup.intro": "Denne computer skal kende dig, have din nøgle til underskrift og vide, hvor det fælles drev er.",
  "setup.name": "Dit navn og dine initialer",
  "setup.key": "Din nøgle til underskrift (med adgangssætning)",
  "setup.share": "Det fælles drev, notaterne sendes til",
  "setup.done": "Klar",
  "setup.missing": "Mangler",
  "setup.go": "Gå til Indstillinger",
  "start.creating": "Opretter kladde …",

  "choice.heading": "Hvilken slags møde?",
  "choice.citizen.title": "Borgermøde",
  "choice.citizen.parties": "Borger ↔ medarbejder",
  "choice.citizen.desc": "Møde mellem en borger og en medarbejder i kommunen, fx om en sag eller en ydelse.",
  "choice.employee.title": "Samtale mellem ansat og leder",
  "choice.employee.parties": "Ansat ↔ leder",
  "choice.employee.desc":
    "Samtale mellem en ansat og dennes leder. Retningslinjerne gælder samtaler af tjenstlig karakter, hvor den ansatte normalt kan have en bisidder med: det bliver du spurgt om bagefter.",
  "choice.cancel": "Annuller",

  "kind.citizen": "Borgermøde",
  "kind.employee": "Samtale mellem ansat og leder",
  "state.draft": "Kladde",
  "state.finished": "Afsluttet",

  "record.noSubject": "(uden emne)",
  "record.caseNumber": "Sagsnr.",
  "record.unit": "Enhed",
  "record.created": "Oprettet",
  "record.meetingAt": "Mødet",
  "record.decision.allowed": "Optagelse tilladt",
  "record.decision.refused": "Optagelse afvist",
  "record.filed": "Journaliseret {time}",
  "record.notFiled": "Ikke journaliseret",
  "record.sync.on_share": "Sendt til det fælles drev",
  "record.sync.on_this_pc": "Kun i en mappe på denne computer",
  "record.sync.pending": "Venter på afsendelse",
  "record.sync.conflict": "Konflikt på det fælles drev",

  "error.retry": "Prøv igen",

  "nav.records": "Mødenotater",
  "nav.settings": "Indstillinger",
  "nav.main": "Hovedmenu",
  "nav.back": "Til oversigten",

  "common.yes": "Ja",
  "common.no": "Nej",
  "common.cancel": "Annuller",
  "common.now": "Nu",
  "text.count": "{count} af højst {max} tegn",
  "text.overLimit":
    "Teksten er {over} tegn for lang: {count} tegn, højst {max}. Den gemmes ikke, før den er kortet ned; den bliver stående her så længe.",
  "datetime.placeholder": "dd.mm.åååå tt.mm",
  "datetime.hint": "Fx 28.11.2026 14.05, eller kun klokkeslættet.",
  "datetime.unreadable":
    "Det kan ikke læses som dato og klokkeslæt. Skriv fx 28.11.2026 14.05 (dag.måned.år time.minut). Intet er gemt fra feltet.",
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
  "editor.savedExceptCpr": "Gemt kl. {time} – undtagen det markerede felt, som ligner et CPR-nummer",
  "editor.cprHeld": "«{field}» ligner et CPR-nummer og er ikke gemt. Ret teksten, så gemmes den.",
  "editor.addendum": "Tillæg",
  "editor.addendumOf": "Tillægget retter et underskrevet notat. Det oprindelige notat er uændret; ret oplysningerne her, og underskriv tillægget.",
  "editor.discard": "Kassér kladden …",
  "discard.title": "Kassér kladden?",
  "discard.body":
    "Kladden forsvinder fra oversigten og kan ikke afsluttes bagefter. Skriv kort, hvorfor den kasseres: grunden gemmes i kladdens historik.",
  "discard.reason": "Hvorfor kasseres kladden?",
  "discard.confirm": "Kassér kladden",

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
  "recording.origin.hint": "Intet er valgt på forhånd. Vælg også, hvis der ikke er nogen optagelse.",
  "recording.municipality.heading": "Uden for retningslinjerne",
  "recording.municipality.noNote":
    "Der laves ikke et notat efter retningslinjerne. Skal mødet ikke noteres her, så kassér kladden.",
  "recording.weighing.label": "Interesseafvejning",
  "recording.weighing.guideline":
    "Retningslinjerne: »Hvis samtalen ikke kun handler om {counterpartDefinite}, skal der dog ske en interesseafvejning.«",
  "recording.weighing.guide":
    "Andres personlige forhold drøftes på mødet. Skriv, hvordan {counterpartDefinite}s interesse i at optage samtalen er afvejet over for de andres interesse i, at deres personlige forhold ikke optages, og hvorfor optagelsen er tilladt.",
  "recording.undoRefusalConfirm.title": "Fortryd afvisningen?",
  "recording.undoRefusalConfirm.body":
    "Optagelsen bliver tilladt. Det, der er skrevet om afvisningen (grunde, vurdering, nærmeste leder og begrundelse), slettes: et tilladt ønske kan ikke have en afvisnings oplysninger.",
  "recording.undoRefusalConfirm.confirm": "Ja, fortryd afvisningen",

  "details.none":
    "Der er ingen optagelse, så der er ingen oplysninger at give. Vælg under »Optagelse«, hvis optagelsen kommer på tale.",
  "details.noneChosen":
    "Vælg først under »Optagelse«, hvordan optagelsen kom på tale – også hvis der ikke er nogen optagelse. Så ses det her, hvad du skal fortælle.",
  "details.outside": "Mødet er uden for retningslinjerne, så der er ingen oplysninger at give.",
  "details.notices.heading": "Det skal du fortælle {counterpartDefinite}",
  "details.notices.hint": "Sig det med dine egne ord, eller læs op. Sæt flueben, når det er sagt. Tidspunktet gemmes.",
  "details.notice.say": "Sig fx",
  "details.notice.note": "I notatet står",
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
  "refusal.legalNote": "Bemærkning om HR/Jura (valgfrit)",

  "legal.heading": "HR/Jura",
  "legal.consulted": "HR/Jura er konsulteret",
  "legal.consulted.desc": "Du kan altid søge juridisk bistand hos HR/Jura – om optagelsen, en afvisning eller noget andet ved mødet.",
  "legal.consultedAt": "Hvornår blev HR/Jura konsulteret?",

  "equal.heading": "Sådan er sammenlignelige ønsker afgjort før",
  "equal.period": "Periode: {from} – {to}",
  "equal.basis":
    "Sammenlignelige sager: samme mødetype, samme ønske (lyd eller video), samme svar på, om andres personlige forhold drøftes, og samme måde, optagelsen kom på tale. Afsluttede notater på denne computer, i hele kommunen.",
  "equal.counts": "{allowed} tilladt, {refused} afvist",
  "equal.none": "Der er ingen sammenlignelige sager i perioden.",
  "equal.priorAllowed.one":
    "I 1 sammenlignelig sag er optagelse tilladt. Se sagen, og kontrollér, at afvisningen hviler på forhold, der er særlige for denne sag.",
  "equal.priorAllowed.many":
    "I {count} sammenlignelige sager er optagelse tilladt. Se sagerne, og kontrollér, at afvisningen hviler på forhold, der er særlige for denne sag.",
  "equal.col.date": "Dato",
  "equal.col.unit": "Enhed",
  "equal.col.decision": "Beslutning",
  "equal.col.grounds": "Grund",
  "equal.noUnit": "(ingen enhed)",
  "equal.more": "Viser de {shown} nyeste af {total} sager.",
  "equal.pending": "De sammenlignelige sager vises, når afvisningen er gemt.",

  "review.heading": "Gennemse og afslut",
  "review.violations.heading": "Det mangler, før notatet kan afsluttes",
  "review.advisory.heading": "Anbefalinger (blokerer ikke)",
  "review.ok": "Alt nødvendigt er udfyldt. Notatet kan afsluttes.",
  "review.advisory": "Anbefaling",
  "review.goTo": "Gå til feltet",
  "review.finish": "Afslut og underskriv",
  "review.finishBlocked": "»Afslut og underskriv« kan vælges, når intet mangler.",
  "review.finishing": "Afslutter …",
  "review.addendum.heading": "Tillæg til et underskrevet notat",
  "review.addendum.reason": "Hvorfor rettes notatet?",
  "review.changes.heading": "Rettede oplysninger",
  "review.changes.none": "Ingen oplysninger er rettet endnu.",
  "review.changes.before": "før",
  "review.changes.now": "nu",
  "review.cprHeld": "Et felt ligner et CPR-nummer og er ikke gemt. Ret det, før notatet afsluttes.",

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
  "summary.weighing": "Interesseafvejning",
  "summary.addendumReason": "Grund til rettelsen",

  "sign.title": "Afslut og underskriv",
  "sign.body": "Notatet underskrives med din nøgle og kan derefter ikke ændres.",
  "sign.signer": "Underskrives af {name} ({initials}).",
  "sign.passphrase": "Adgangssætning til din nøgle",
  "sign.endsAt": "Mødet sluttede",
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
  "finished.openPdf": "Åbn PDF",
  "finished.openFolder": "Åbn mappe",
  "finished.exportCancelled": "Eksporten blev annulleret.",
  "finished.unsigned":
    "Notatet blev afsluttet uden underskrift af en tidligere version af programmet. Det kan ikke eksporteres som underskrevet notat.",
  "finished.caseNote":
    "Det underskrevne notat er noteringen i sagen. Journalisér det på sagen i sagssystemet, og markér det her bagefter.",
  "finished.markFiled": "Markér som journaliseret …",
  "finished.filed": "Journaliseret {time}",
  "finished.filedDoc": "Journaliseret {time} (dok. nr. {doc})",
  "finished.notFiled": "Ikke journaliseret endnu.",
  "finished.addendum": "Ret notatet (tillæg) …",
  "finished.addendumOf": "Dette notat er et tillæg, der retter et tidligere underskrevet notat.",
  "filing.title": "Markér som journaliseret",
  "filing.body":
    "Notér, hvornår notatet blev journaliseret på sagen. Oplysningen underskrives med din nøgle og sendes med notatet til det fælles drev.",
  "filing.filedAt": "Journaliseret (dato og tid)",
  "filing.filedAt.hint": "Skriv som dd.mm.åååå tt.mm, fx 06.11.2026 14.05.",
  "filing.filedAt.invalid": "Skriv dato og tid som dd.mm.åååå tt.mm, fx 06.11.2026 14.05.",
  "filing.documentNumber": "Dokumentnummer i sagssystemet (valgfrit)",
  "filing.submit": "Markér som journaliseret",
  "addendum.title": "Ret notatet (tillæg)",
  "addendum.body":
    "Et underskrevet notat ændres aldrig. En rettelse laves som et tillæg: en ny kladde med notatets oplysninger, som du retter og underskriver. Tillægget henviser til det oprindelige notat.",
  "addendum.reason": "Hvorfor rettes notatet?",
  "addendum.confirm": "Opret tillæg",

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
  "settings.key.warning":
    "Skriv adgangssætningen et sikkert sted. En glemt adgangssætning kan ikke genskabes af nogen, heller ikke af IT: så skal der laves en ny nøgle.",
  "settings.key.replace": "Erstat nøglen …",
  "settings.key.replaceIntro":
    "Har du glemt adgangssætningen, eller kan andre have fået fat i nøglen? Den nuværende nøgle lægges til side (notater, du allerede har underskrevet, kan stadig kontrolleres), og en ny oprettes og sendes til godkendelse hos administrationen. Bed IT/HR-Jura om at tilbagekalde den gamle nøgle.",
  "settings.key.replaceSubmit": "Læg den gamle nøgle til side og opret en ny",
  "settings.key.replaced": "Den gamle nøgle er lagt til side, og den nye er oprettet. Den afventer godkendelse.",
  "settings.key.created": "Nøglen er oprettet.",
  "settings.key.tooShort": "Adgangssætningen skal være mindst 8 tegn.",
  "settings.key.mismatch": "De to adgangssætninger er ikke ens.",
  "settings.key.endorsement.label": "Godkendelse",
  "settings.key.endorsement.pending.title": "Afventer godkendelse",
  "settings.key.endorsement.pending":
    "Din nøgle venter på godkendelse hos administrationen (IT/HR-Jura). Indtil den er godkendt, kan andre ikke se, at dine notater er underskrevet af dig. Administrationen finder nøglen på det fælles drev, når dit første afsluttede notat er sendt dertil. Kontakt IT/HR-Jura, hvis godkendelsen trækker ud.",
  "settings.key.endorsement.endorsed.title": "Godkendt",
  "settings.key.endorsement.endorsed":
    "Administrationen har godkendt din nøgle fra {from}. Andre kan se, at de notater, du underskriver, er underskrevet af dig.",
  "settings.key.endorsement.revoked.title": "Tilbagekaldt",
  "settings.key.endorsement.revoked":
    "Administrationen har tilbagekaldt din nøgle fra {from}. Notater, du underskriver med den fra da af, regnes ikke for underskrevet af dig. Du skal have en ny nøgle: underskriv ikke flere notater med denne, og kontakt IT/HR-Jura.",
  "settings.key.endorsement.reason": "Begrundelse",
  "settings.key.endorsement.noAdminKey.title": "Kan ikke ses",
  "settings.key.endorsement.noAdminKey":
    "Det kan ikke ses, om din nøgle er godkendt, fordi administrationens nøgle ikke er sat op på denne computer. Sæt den op under »Administrationens nøgle« nedenfor.",
  "settings.key.endorsement.shareUnavailable.title": "Kan ikke kontrolleres nu",
  "settings.key.endorsement.shareUnavailable":
    "Det fælles drev kan ikke læses lige nu, så det kan ikke kontrolleres, om din nøgle er godkendt. Kontrollér, at drevet er tilsluttet, og prøv igen.",
  "settings.key.endorsement.recheck": "Kontrollér igen",
  "settings.policy.heading": "Retningslinjer i brug",
  "settings.policy.municipality": "Kommune",
  "settings.policy.version": "Politik og version",
  "settings.policy.source": "Kilde",
  "settings.policy.builtin": "Indbygget i programmet (standard, indtil administrationen udgiver sin egen)",
  "settings.policy.administration": "Udgivet af administrationen på det fælles drev, underskrift kontrolleret",
  "settings.policy.since": "i brug siden",
  "settings.policy.problemsIntro": "Disse filer på det fælles drev er ikke taget i brug. De seneste gyldige retningslinjer bruges fortsat. Kontakt IT-support.",
  "settings.policy.problem.signature_invalid": "er ikke underskrevet af administrationen, eller filen er ændret efter underskriften",
  "settings.policy.problem.not_a_policy": "er underskrevet, men er ikke en gyldig politikfil",
  "settings.policy.problem.unsigned": "har ingen underskrift",
  "settings.adminKey.heading": "Administrationens nøgle",
  "settings.adminKey.intro":
    "Med administrationens nøgle kan denne computer se, hvilke medarbejdernøgler administrationen (IT/HR-Jura) har godkendt, og dermed bekræfte, hvem der har underskrevet et notat. En nøgle troes aldrig, blot fordi den ligger på det fælles drev: IT installerer den, eller du bekræfter den her med det fingeraftryk, IT har givet dig.",
  "settings.adminKey.source": "Kilde",
  "settings.adminKey.source.none": "Ikke sat op",
  "settings.adminKey.source.deployed": "Installeret af IT",
  "settings.adminKey.source.confirmed": "Bekræftet på denne computer med fingeraftrykket fra IT",
  "settings.adminKey.id": "Nøgle-id",
  "settings.adminKey.fingerprint": "Fingeraftryk",
  "settings.adminKey.deployed": "IT har installeret administrationens nøgle på denne computer. Den kan ikke ændres her.",
  "settings.adminKey.confirmed": "Administrationens nøgle er bekræftet på denne computer.",
  "settings.adminKey.justConfirmed":
    "Nøglen er bekræftet: fingeraftrykket passer. Den bruges nu til at kontrollere administrationens godkendelser på det fælles drev.",
  "settings.adminKey.none":
    "Administrationens nøgle er ikke sat op på denne computer. Indtil den er det, kan det ikke bekræftes, hvem der har underskrevet et notat.",
  "settings.adminKey.text": "Administrationens offentlige nøgle",
  "settings.adminKey.text.hint": "Åbn .pub-filen fra IT i Notesblok, og indsæt hele teksten her.",
  "settings.adminKey.fingerprintInput": "Fingeraftryk fra IT",
  "settings.adminKey.fingerprintInput.hint":
    "Skriv det fingeraftryk, IT har givet dig direkte (fx på telefon eller på papir) – ikke et, der står i en fil på det fælles drev. Mellemrum og store eller små bogstaver er ligegyldige.",
  "settings.adminKey.confirm": "Bekræft nøglen",
  "settings.adminKey.notAKey":
    "Teksten er ikke en offentlig nøgle. Indsæt hele indholdet af .pub-filen fra IT: en linje med en kommentar og en linje med selve nøglen.",
  "settings.adminKey.deployedProblem":
    "IT har lagt en fil med administrationens nøgle på denne computer, men den kan ikke læses som en nøgle. Kontakt IT-support, så de kan rette den.",
  "settings.verify.heading": "Kontrollér et notat",
  "settings.verify.hint": "Vælg mappen med et eksporteret notat. Hver fil og dens underskrift kontrolleres.",
  "settings.verify.button": "Kontrollér et notat …",
  "settings.verify.ok": "Notatet er i orden: alle filer og underskrifter stemmer.",
  "settings.verify.failed": "Notatet er ikke i orden. Se nedenfor, hvilke filer der fejler.",
  "settings.verify.fileOk": "i orden",
  "settings.verify.fileFailed": "fejler",
  "settings.verify.detail": "Teknisk forklaring",
  "settings.verify.signer.endorsed": "Underskrevet af {name} ({initials}), godkendt af administrationen.",
  "settings.verify.signer.endorsedNotOk":
    "Nøglen, der har underskrevet, tilhører {name} ({initials}) ifølge administrationen, men notatet er ikke i orden – se nedenfor.",
  "settings.verify.signer.unknown": "Nøglen er ikke godkendt af administrationen – hvem der har underskrevet, kan ikke bekræftes.",
  "settings.verify.signer.signedBeforeEndorsement":
    "Notatet er underskrevet, før administrationens godkendelse af nøglen gjaldt – hvem der har underskrevet, kan ikke bekræftes.",
  "settings.verify.signer.signedAfterRevocation":
    "Notatet er underskrevet, efter at administrationen tilbagekaldte nøglen – underskriften gælder ikke som underskrift fra en kendt medarbejder.",
  "settings.verify.signer.reason": "Begrundelse for tilbagekaldelsen",
  "settings.verify.signer.noAdminKey":
    "Filerne er uændrede, men hvem der har underskrevet, kan ikke bekræftes: administrationens nøgle er ikke sat op på denne computer (se »Administrationens nøgle« ovenfor).",
  "settings.verify.signer.noAdminKeyNotOk":
    "Hvem der har underskrevet, kan heller ikke bekræftes: administrationens nøgle er ikke sat op på denne computer (se »Administrationens nøgle« ovenfor).",
  "settings.verify.signer.shareUnavailable":
    "Filerne er uændrede, men hvem der har underskrevet, kan ikke bekræftes lige nu: det fælles drev med administrationens godkendelser kan ikke læses. Kontrollér, at drevet er tilsluttet, og kontrollér notatet igen.",
  "settings.verify.signer.shareUnavailableNotOk":
    "Hvem der har underskrevet, kan heller ikke bekræftes lige nu: det fælles drev med administrationens godkendelser kan ikke læses.",
  "settings.verify.trustProblems.one":
    "1 fil i administrationens mappe på det fælles drev er ikke gyldig og er ikke brugt. Giv IT-support besked.",
  "settings.verify.trustProblems.many":
    "{count} filer i administrationens mappe på det fælles drev er ikke gyldige og er ikke brugt. Giv IT-support besked.",
  "settings.verify.cancelled": "Kontrollen blev annulleret.",

  "cpr.warning": "Det ligner et CPR-nummer. Skriv ikke CPR-numre i notatet.",
  "cpr.refused":
    "Det ligner et CPR-nummer, så teksten er ikke gemt. Skriv navn eller en anden reference i stedet – så gemmes den.",

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
  "field.adminKey": "Administrationens offentlige nøgle",
  "field.adminFingerprint": "Fingeraftryk fra IT",
  "field.addendumReason": "Grund til rettelsen",
  "field.reason": "Grund",
  "field.filedAt": "Journaliseret",
  "field.documentNumber": "Dokumentnummer",
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
  "setup.heading": "Before you can finish a note",
  "setup.intro": "This computer must know you, hold your signing key and know where the shared folder is.",
  "setup.name": "Your name and initials",
  "setup.key": "Your signing key (with a passphrase)",
  "setup.share": "The shared folder the notes are sent to",
  "setup.done": "Ready",
  "setup.missing": "Missing",
  "setup.go": "Go to Settings",
  "start.creating": "Creating draft …",

  "choice.heading": "What kind of meeting?",
  "choice.citizen.title": "Citizen meeting",
  "choice.citizen.parties": "Citizen ↔ staff member",
  "choice.citizen.desc": "A meeting between a citizen and a member of municipal staff, e.g. about a case or a benefit.",
  "choice.employee.title": "Employee–manager meeting",
  "choice.employee.parties": "Employee ↔ manager",
  "choice.employee.desc":
    "A meeting between an employee and their manager. The guideline applies to meetings of official character, where the employee can normally bring a companion (bisidder): you are asked about that next.",
  "choice.cancel": "Cancel",

  "kind.citizen": "Citizen meeting",
  "kind.employee": "Employee–manager meeting",
  "state.draft": "Draft",
  "state.finished": "Finished",

  "record.noSubject": "(no subject)",
  "record.caseNumber": "Case no.",
  "record.unit": "Unit",
  "record.created": "Created",
  "record.meetingAt": "Meeting",
  "record.decision.allowed": "Recording allowed",
  "record.decision.refused": "Recording refused",
  "record.filed": "Filed {time}",
  "record.notFiled": "Not filed",
  "record.sync.on_share": "On the shared folder",
  "record.sync.on_this_pc": "Only in a folder on this computer",
  "record.sync.pending": "Waiting to be sent",
  "record.sync.conflict": "Conflict on the shared folder",

  "error.retry": "Try again",

  "nav.records": "Meeting records",
  "nav.settings": "Settings",
  "nav.main": "Main menu",
  "nav.back": "Back to the list",

  "common.yes": "Yes",
  "common.no": "No",
  "common.cancel": "Cancel",
  "common.now": "Now",
  "text.count": "{count} of at most {max} characters",
  "text.overLimit":
    "The text is {over} characters too long: {count}, at most {max}. It is not saved until it is shortened; it stays here meanwhile.",
  "datetime.placeholder": "dd.mm.yyyy hh:mm",
  "datetime.hint": "E.g. 28.11.2026 14:05, or just the time.",
  "datetime.unreadable":
    "This cannot be read as a date and time. Write e.g. 28.11.2026 14:05 (day.month.year hour:minute). Nothing from the field was saved.",
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
  "editor.savedExceptCpr": "Saved at {time} – except the marked field, which looks like a CPR number",
  "editor.cprHeld": "“{field}” looks like a CPR number and has not been saved. Correct the text and it will be saved.",
  "editor.addendum": "Addendum",
  "editor.addendumOf": "The addendum corrects a signed note. The original note is unchanged; correct the information here and sign the addendum.",
  "editor.discard": "Discard the draft …",
  "discard.title": "Discard the draft?",
  "discard.body":
    "The draft disappears from the list and cannot be finished afterwards. Write briefly why it is discarded: the reason is kept in the draft's history.",
  "discard.reason": "Why is the draft discarded?",
  "discard.confirm": "Discard the draft",

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
  "recording.origin.hint": "Nothing is chosen in advance. Choose also when there is no recording.",
  "recording.municipality.heading": "Outside the guideline",
  "recording.municipality.noNote":
    "No note is made under the guideline. If the meeting is not to be noted here, discard the draft.",
  "recording.weighing.label": "Weighing of interests (interesseafvejning)",
  "recording.weighing.guideline":
    "The guideline: “If the meeting is not only about {counterpartDefinite}, a weighing of interests must be made.”",
  "recording.weighing.guide":
    "Other people's personal matters are discussed at the meeting. Write how {counterpartDefinite}'s interest in recording the meeting was weighed against the others' interest in their personal matters not being recorded, and why the recording is allowed.",
  "recording.undoRefusalConfirm.title": "Undo the refusal?",
  "recording.undoRefusalConfirm.body":
    "The recording becomes allowed. What was written about the refusal (grounds, assessment, nearest manager and reason) is deleted: an allowed request cannot carry a refusal's details.",
  "recording.undoRefusalConfirm.confirm": "Yes, undo the refusal",

  "details.none":
    "There is no recording, so there are no notices to give. Choose under “Recording” if a recording comes up.",
  "details.noneChosen":
    "First choose under “Recording” how the recording came up – also when there is no recording. Then this step shows what to tell.",
  "details.outside": "The meeting is outside the guideline, so there are no notices to give.",
  "details.notices.heading": "What you tell {counterpartDefinite}",
  "details.notices.hint": "Say it in your own words, or read it out. Tick each item once it has been said. The time is saved.",
  "details.notice.say": "You can say",
  "details.notice.note": "The note states",
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
  "refusal.legalNote": "Note about HR/Jura (optional)",

  "legal.heading": "HR/Jura",
  "legal.consulted": "HR/Jura was consulted",
  "legal.consulted.desc": "You can always ask HR/Jura for legal advice – about the recording, a refusal or anything else about the meeting.",
  "legal.consultedAt": "When was HR/Jura consulted?",

  "equal.heading": "How comparable requests were decided before",
  "equal.period": "Period: {from} – {to}",
  "equal.basis":
    "Comparable cases: the same meeting type, the same request (sound or video), the same answer on whether other people's personal matters are discussed, and the same way the recording came up. Finished notes on this computer, across the municipality.",
  "equal.counts": "{allowed} allowed, {refused} refused",
  "equal.none": "There are no comparable cases in the period.",
  "equal.priorAllowed.one":
    "In 1 comparable case recording was allowed. Look at the case and check that the refusal rests on circumstances particular to this case.",
  "equal.priorAllowed.many":
    "In {count} comparable cases recording was allowed. Look at the cases and check that the refusal rests on circumstances particular to this case.",
  "equal.col.date": "Date",
  "equal.col.unit": "Unit",
  "equal.col.decision": "Decision",
  "equal.col.grounds": "Ground",
  "equal.noUnit": "(no unit)",
  "equal.more": "Showing the {shown} newest of {total} cases.",
  "equal.pending": "The comparable cases are shown once the refusal is saved.",

  "review.heading": "Review and finish",
  "review.violations.heading": "Missing before the note can be finished",
  "review.advisory.heading": "Recommendations (not blocking)",
  "review.ok": "Everything required is filled in. The note can be finished.",
  "review.advisory": "Recommendation",
  "review.goTo": "Go to the field",
  "review.finish": "Finish and sign",
  "review.finishBlocked": "“Finish and sign” becomes available when nothing is missing.",
  "review.finishing": "Finishing …",
  "review.addendum.heading": "Addendum to a signed note",
  "review.addendum.reason": "Why is the note corrected?",
  "review.changes.heading": "Corrected information",
  "review.changes.none": "No information has been corrected yet.",
  "review.changes.before": "before",
  "review.changes.now": "now",
  "review.cprHeld": "A field looks like a CPR number and has not been saved. Correct it before finishing the note.",

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
  "summary.weighing": "Weighing of interests",
  "summary.addendumReason": "Reason for the correction",

  "sign.title": "Finish and sign",
  "sign.body": "The note is signed with your key and cannot be changed afterwards.",
  "sign.signer": "Signed by {name} ({initials}).",
  "sign.passphrase": "Passphrase of your key",
  "sign.endsAt": "The meeting ended",
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
  "finished.openPdf": "Open PDF",
  "finished.openFolder": "Open folder",
  "finished.exportCancelled": "The export was cancelled.",
  "finished.unsigned":
    "The note was finished without a signature by an earlier version of the app. It cannot be exported as a signed note.",
  "finished.caseNote":
    "The signed note is the notation in the case. File it on the case in the case system, and mark it here afterwards.",
  "finished.markFiled": "Mark as filed …",
  "finished.filed": "Filed {time}",
  "finished.filedDoc": "Filed {time} (doc. no. {doc})",
  "finished.notFiled": "Not filed yet.",
  "finished.addendum": "Correct the note (addendum) …",
  "finished.addendumOf": "This note is an addendum that corrects an earlier signed note.",
  "filing.title": "Mark as filed",
  "filing.body":
    "Record when the note was filed on the case. This is signed with your key and sent with the note to the shared folder.",
  "filing.filedAt": "Filed (date and time)",
  "filing.filedAt.hint": "Write as dd.mm.yyyy hh:mm, e.g. 06.11.2026 14:05.",
  "filing.filedAt.invalid": "Write the date and time as dd.mm.yyyy hh:mm, e.g. 06.11.2026 14:05.",
  "filing.documentNumber": "Document number in the case system (optional)",
  "filing.submit": "Mark as filed",
  "addendum.title": "Correct the note (addendum)",
  "addendum.body":
    "A signed note never changes. A correction is made as an addendum: a new draft with the note's information, which you correct and sign. The addendum refers to the original note.",
  "addendum.reason": "Why is the note corrected?",
  "addendum.confirm": "Create addendum",

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
  "settings.key.warning":
    "Write the passphrase down somewhere safe. A forgotten passphrase cannot be recovered by anyone, IT included: a new key must then be made.",
  "settings.key.replace": "Replace the key …",
  "settings.key.replaceIntro":
    "Forgot the passphrase, or may others have got hold of the key? The current key is put aside (notes you have signed can still be checked), and a new one is made and sent to the administration for endorsement. Ask IT/HR-Legal to revoke the old key.",
  "settings.key.replaceSubmit": "Put the old key aside and make a new one",
  "settings.key.replaced": "The old key is put aside and the new one is made. It awaits endorsement.",
  "settings.key.created": "The key was created.",
  "settings.key.tooShort": "The passphrase must be at least 8 characters.",
  "settings.key.mismatch": "The two passphrases differ.",
  "settings.key.endorsement.label": "Endorsement",
  "settings.key.endorsement.pending.title": "Awaiting endorsement",
  "settings.key.endorsement.pending":
    "Your key is waiting for endorsement by the administration (IT/HR-Jura). Until it is endorsed, others cannot see that your notes were signed by you. The administration finds the key on the shared folder once your first finished note has been sent there. Contact IT/HR-Jura if the endorsement takes long.",
  "settings.key.endorsement.endorsed.title": "Endorsed",
  "settings.key.endorsement.endorsed":
    "The administration has endorsed your key from {from}. Others can see that the notes you sign were signed by you.",
  "settings.key.endorsement.revoked.title": "Revoked",
  "settings.key.endorsement.revoked":
    "The administration has revoked your key from {from}. Notes you sign with it from then on do not count as signed by you. You need a new key: do not sign more notes with this one, and contact IT/HR-Jura.",
  "settings.key.endorsement.reason": "Reason",
  "settings.key.endorsement.noAdminKey.title": "Cannot be seen",
  "settings.key.endorsement.noAdminKey":
    "Whether your key is endorsed cannot be seen, because the administration key is not set up on this computer. Set it up under “The administration's key” below.",
  "settings.key.endorsement.shareUnavailable.title": "Cannot be checked now",
  "settings.key.endorsement.shareUnavailable":
    "The shared folder cannot be read right now, so whether your key is endorsed cannot be checked. Check that the drive is connected and try again.",
  "settings.key.endorsement.recheck": "Check again",
  "settings.policy.heading": "Guideline in use",
  "settings.policy.municipality": "Municipality",
  "settings.policy.version": "Policy and version",
  "settings.policy.source": "Source",
  "settings.policy.builtin": "Built into the app (the default until the administration publishes its own)",
  "settings.policy.administration": "Published by the administration in the shared folder, signature checked",
  "settings.policy.since": "in use since",
  "settings.policy.problemsIntro": "These files in the shared folder were not taken into use. The last valid guideline stays in use. Contact IT support.",
  "settings.policy.problem.signature_invalid": "is not signed by the administration, or was changed after it was signed",
  "settings.policy.problem.not_a_policy": "is signed but is not a valid policy file",
  "settings.policy.problem.unsigned": "has no signature",
  "settings.adminKey.heading": "The administration's key",
  "settings.adminKey.intro":
    "With the administration's key, this computer can see which staff keys the administration (IT/HR-Jura) has endorsed, and so confirm who signed a note. A key is never believed just because it lies on the shared folder: IT installs it, or you confirm it here with the fingerprint IT gave you.",
  "settings.adminKey.source": "Source",
  "settings.adminKey.source.none": "Not set up",
  "settings.adminKey.source.deployed": "Installed by IT",
  "settings.adminKey.source.confirmed": "Confirmed on this computer with the fingerprint from IT",
  "settings.adminKey.id": "Key id",
  "settings.adminKey.fingerprint": "Fingerprint",
  "settings.adminKey.deployed": "IT has installed the administration's key on this computer. It cannot be changed here.",
  "settings.adminKey.confirmed": "The administration's key is confirmed on this computer.",
  "settings.adminKey.justConfirmed":
    "The key is confirmed: the fingerprint matches. It is now used to check the administration's endorsements on the shared folder.",
  "settings.adminKey.none":
    "The administration's key is not set up on this computer. Until it is, who signed a note cannot be confirmed.",
  "settings.adminKey.text": "The administration's public key",
  "settings.adminKey.text.hint": "Open the .pub file from IT in Notepad and paste all of its text here.",
  "settings.adminKey.fingerprintInput": "Fingerprint from IT",
  "settings.adminKey.fingerprintInput.hint":
    "Type the fingerprint IT gave you directly (e.g. by phone or on paper) – not one written in a file on the shared folder. Spaces and upper or lower case do not matter.",
  "settings.adminKey.confirm": "Confirm the key",
  "settings.adminKey.notAKey":
    "The text is not a public key. Paste the whole content of the .pub file from IT: a line with a comment and a line with the key itself.",
  "settings.adminKey.deployedProblem":
    "IT has placed a file with the administration's key on this computer, but it cannot be read as a key. Contact IT support so they can fix it.",
  "settings.verify.heading": "Check a note",
  "settings.verify.hint": "Choose the folder of an exported note. Every file and its signature are checked.",
  "settings.verify.button": "Check a note …",
  "settings.verify.ok": "The note is in order: all files and signatures match.",
  "settings.verify.failed": "The note is not in order. See below which files fail.",
  "settings.verify.fileOk": "in order",
  "settings.verify.fileFailed": "fails",
  "settings.verify.detail": "Technical explanation",
  "settings.verify.signer.endorsed": "Signed by {name} ({initials}), endorsed by the administration.",
  "settings.verify.signer.endorsedNotOk":
    "The key that signed belongs to {name} ({initials}) according to the administration, but the note is not in order – see below.",
  "settings.verify.signer.unknown": "The key is not endorsed by the administration – who signed cannot be confirmed.",
  "settings.verify.signer.signedBeforeEndorsement":
    "The note was signed before the administration's endorsement of the key took effect – who signed cannot be confirmed.",
  "settings.verify.signer.signedAfterRevocation":
    "The note was signed after the administration revoked the key – the signature does not count as one by a known member of staff.",
  "settings.verify.signer.reason": "Reason for the revocation",
  "settings.verify.signer.noAdminKey":
    "The files are unchanged, but who signed cannot be confirmed: the administration's key is not set up on this computer (see “The administration's key” above).",
  "settings.verify.signer.noAdminKeyNotOk":
    "Who signed cannot be confirmed either: the administration's key is not set up on this computer (see “The administration's key” above).",
  "settings.verify.signer.shareUnavailable":
    "The files are unchanged, but who signed cannot be confirmed right now: the shared folder with the administration's endorsements cannot be read. Check that the drive is connected and check the note again.",
  "settings.verify.signer.shareUnavailableNotOk":
    "Who signed cannot be confirmed right now either: the shared folder with the administration's endorsements cannot be read.",
  "settings.verify.trustProblems.one":
    "1 file in the administration's folder on the shared folder is not valid and is not used. Let IT support know.",
  "settings.verify.trustProblems.many":
    "{count} files in the administration's folder on the shared folder are not valid and are not used. Let IT support know.",
  "settings.verify.cancelled": "The check was cancelled.",

  "cpr.warning": "This looks like a CPR number. Do not write CPR numbers in the note.",
  "cpr.refused":
    "This looks like a CPR number, so the text has not been saved. Write a name or another reference instead – then it is saved.",

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
  "field.adminKey": "The administration's public key",
  "field.adminFingerprint": "Fingerprint from IT",
  "field.addendumReason": "Reason for the correction",
  "field.reason": "Reason",
  "field.filedAt": "Filed",
  "field.documentNumber": "Document number",
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
    text_cpr_number:
      "Teksten[ i «{field}»] ligner et CPR-nummer og er ikke gemt. Skriv navn eller en anden reference i stedet – CPR-numre må ikke stå i notatet.",
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
    record_discarded: "Kladden er kasseret og kan ikke ændres længere.",
    already_filed: "Notatet er allerede markeret som journaliseret.",
    rule_violation: "Mødenotatet opfylder ikke retningslinjernes krav endnu. Se under «Gennemse», hvad der mangler.",
    no_staff: "Dit navn og dine initialer er ikke gemt på denne computer. Gem dem under Indstillinger først.",
    no_key: "Der er ingen nøgle til underskrift. Opret en under Indstillinger.",
    key_exists: "Der er allerede en nøgle til underskrift på denne computer.",
    wrong_passphrase: "Adgangssætningen er forkert. Prøv igen.",
    fingerprint_mismatch:
      "Fingeraftrykket passer ikke til nøglen. Kontrollér, at du har indsat hele nøglen, og at du har skrevet fingeraftrykket præcis, som IT har givet dig det. Passer det stadig ikke, må nøglen ikke bruges: kontakt IT.",
    admin_key_deployed: "IT har installeret administrationens nøgle på denne computer. Den kan ikke ændres her.",
    passphrase_too_short: "Adgangssætningen er for kort[: mindst {min} tegn].",
    passphrase_too_long: "Adgangssætningen er for lang[: højst {max} tegn].",
    missing_glyph:
      "Notatet kan ikke vise tegnet[ «{character}»][ ({code_point})]. Fjern eller erstat tegnet i teksten, og prøv igen.",
    export_conflict:
      "Der findes allerede en anden fil med samme navn i den valgte mappe[ ({path})]. Den overskrives ikke: vælg en anden mappe.",
    file_access: "En fil eller mappe på denne computer kunne ikke læses eller skrives[: {path}]. Kontrollér adgangen, og prøv igen.",
    admin_key_missing:
      "Overblikket kræver administrationens nøgle på denne computer. IT installerer den, eller du bekræfter den under Indstillinger med det fingeraftryk, IT har givet dig.",
    cancelled: "Indlæsningen blev afbrudt. Det, der nåede at blive læst, er gemt, så næste gang går det hurtigere.",
    open_failed: "Filen kunne ikke åbnes: der er måske ikke et program til PDF-filer på denne computer. Åbn mappen, eller kontakt IT-support.",
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
    signer_mismatch: "notatet nævner en anden underskriver end den, nøglen tilhører (en anden nøgle eller en anden person)",
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
    symlink: "en mappe på det fælles drev er en genvej (symbolsk link), så intet skrives gennem den (kontakt IT-support)",
  },
};

export const enCoded: CodedWords = {
  error: {
    invalid_input:
      "[The content of “{field}” cannot be accepted|The information could not be accepted]. Check what you entered and try again.",
    unknown_field: "The program sent a field that does not exist. This is a fault in the program: contact IT support.",
    text_empty: "[“{field}”|The field] must be filled in.",
    text_too_long: "The text[ in “{field}”] is too long[: at most {max} characters][ (now {actual})].",
    text_cpr_number:
      "The text[ in “{field}”] looks like a CPR number and has not been saved. Write a name or another reference instead – CPR numbers must not appear in the note.",
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
    record_discarded: "The draft was discarded and can no longer be changed.",
    already_filed: "The note is already marked as filed.",
    rule_violation: "The meeting record does not meet the guideline's requirements yet. See under “Review” what is missing.",
    no_staff: "Your name and initials are not saved on this computer. Save them under Settings first.",
    no_key: "There is no signing key. Create one under Settings.",
    key_exists: "There is already a signing key on this computer.",
    wrong_passphrase: "The passphrase is wrong. Try again.",
    fingerprint_mismatch:
      "The fingerprint does not match the key. Check that you pasted the whole key and typed the fingerprint exactly as IT gave it to you. If it still does not match, the key must not be used: contact IT.",
    admin_key_deployed: "IT has installed the administration key on this computer. It cannot be changed here.",
    passphrase_too_short: "The passphrase is too short[: at least {min} characters].",
    passphrase_too_long: "The passphrase is too long[: at most {max} characters].",
    missing_glyph:
      "The note cannot show the character[ “{character}”][ ({code_point})]. Remove or replace the character in the text and try again.",
    export_conflict:
      "A different file with the same name already exists in the chosen folder[ ({path})]. It is not overwritten: choose another folder.",
    file_access: "A file or folder on this computer could not be read or written[: {path}]. Check the access and try again.",
    admin_key_missing:
      "The overview needs the administration's key on this computer. IT installs it, or you confirm it under Settings with the fingerprint IT gave you.",
    cancelled: "Reading was cancelled. What was read is kept, so the next run is faster.",
    open_failed: "The file could not be opened: there may be no program for PDF files on this computer. Open the folder, or contact IT support.",
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
    signer_mismatch: "the note names another signer than the one the key belongs to (another key or another person)",
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
    symlink: "a folder in the shared folder is a symbolic link, so nothing is written through it (contact IT support)",
  },
};

export const codedWords: Record<Lang, CodedWords> = { da: daCoded, en: enCoded };
