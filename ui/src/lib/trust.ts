// The words for trust: where this PC's signing key stands with the administration
// (`Endorsement`), where a verified note's signer stands (`SignerStanding`, or why
// nothing can be said: `TrustBasis`), and where the administration key comes from.
//
// Every function switches on the tag Rust sends, exhaustively: a state added on the
// Rust side (bindings.ts) without words here is a type error. Reasons for a
// revocation are the administration's own text and are shown as given, apart from
// the words around them.

import { formatDateTime } from "./datetime";
import { translate, type Lang, type MessageKey } from "./i18n";
import type { AdminKeySource, Endorsement, FolderVerification } from "./ipc";

function unreachable(value: never): never {
  throw new Error(`unhandled trust state ${JSON.stringify(value)}`);
}

export interface EndorsementWords {
  title: string;
  text: string;
  /** The administration's reason for a revocation, shown as given. */
  reason: string | null;
  /** Whether checking again may change the answer (the share may come back; a pending key may be endorsed). */
  recheck: boolean;
  tone: "ok" | "warn" | "bad";
}

/** What this PC's key's standing means and what to do about it. */
export function endorsementWords(lang: Lang, e: Endorsement): EndorsementWords {
  const tr = (key: MessageKey, params?: Record<string, string>): string => translate(lang, key, params);
  switch (e.state) {
    case "pending":
      return {
        title: tr("settings.key.endorsement.pending.title"),
        text: tr("settings.key.endorsement.pending"),
        reason: null,
        recheck: true,
        tone: "warn",
      };
    case "endorsed":
      return {
        title: tr("settings.key.endorsement.endorsed.title"),
        text: tr("settings.key.endorsement.endorsed", { from: formatDateTime(e.valid_from, lang) }),
        reason: null,
        recheck: false,
        tone: "ok",
      };
    case "revoked":
      return {
        title: tr("settings.key.endorsement.revoked.title"),
        text: tr("settings.key.endorsement.revoked", { from: formatDateTime(e.from, lang) }),
        reason: e.reason.trim() === "" ? null : e.reason,
        recheck: false,
        tone: "bad",
      };
    case "no_admin_key":
      return {
        title: tr("settings.key.endorsement.noAdminKey.title"),
        text: tr("settings.key.endorsement.noAdminKey"),
        reason: null,
        recheck: false,
        tone: "warn",
      };
    case "share_unavailable":
      return {
        title: tr("settings.key.endorsement.shareUnavailable.title"),
        text: tr("settings.key.endorsement.shareUnavailable"),
        reason: null,
        recheck: true,
        tone: "warn",
      };
    default:
      return unreachable(e);
  }
}

export interface SignerWords {
  text: string;
  /** The administration's reason for revoking the key that signed, shown as given. */
  reason: string | null;
  tone: "ok" | "warn" | "bad";
}

/**
 * The one line about who signed a verified note. Without a signer standing (no
 * administration key, or the share cannot be read) it says that who signed cannot be
 * confirmed, and why; whether the files are intact is said with it.
 */
export function signerWords(lang: Lang, v: FolderVerification): SignerWords {
  const ok = v.report.ok;
  const tr = (key: MessageKey, params?: Record<string, string>): string => translate(lang, key, params);
  const s = v.signer;
  if (s === null) {
    const basis = v.basis;
    switch (basis.basis) {
      case "no_admin_key":
        return { text: tr(ok ? "settings.verify.signer.noAdminKey" : "settings.verify.signer.noAdminKeyNotOk"), reason: null, tone: "warn" };
      case "share_unavailable":
        return {
          text: tr(ok ? "settings.verify.signer.shareUnavailable" : "settings.verify.signer.shareUnavailableNotOk"),
          reason: null,
          tone: "warn",
        };
      case "administration":
        // Rust always says where the signer stands when it has the administration's files;
        // should it not, nothing is claimed about the signer.
        return { text: tr("settings.verify.signer.unknown"), reason: null, tone: "warn" };
      default:
        return unreachable(basis);
    }
  }
  switch (s.standing) {
    case "endorsed": {
      const who = { name: s.name, initials: s.initials };
      return ok
        ? { text: tr("settings.verify.signer.endorsed", who), reason: null, tone: "ok" }
        : { text: tr("settings.verify.signer.endorsedNotOk", who), reason: null, tone: "bad" };
    }
    case "unknown":
      return { text: tr("settings.verify.signer.unknown"), reason: null, tone: "warn" };
    case "signed_before_endorsement":
      return { text: tr("settings.verify.signer.signedBeforeEndorsement"), reason: null, tone: "warn" };
    case "signed_after_revocation":
      return {
        text: tr("settings.verify.signer.signedAfterRevocation"),
        reason: s.reason.trim() === "" ? null : s.reason,
        tone: "bad",
      };
    default:
      return unreachable(s);
  }
}

/** How many files in the administration's folder on the share were not believed (0 without one). */
export function trustProblems(v: FolderVerification): number {
  return v.basis.basis === "administration" ? v.basis.problems : 0;
}

const SOURCE_WORDS: Readonly<Record<AdminKeySource, MessageKey>> = {
  none: "settings.adminKey.source.none",
  deployed: "settings.adminKey.source.deployed",
  confirmed: "settings.adminKey.source.confirmed",
};

/** Where the administration key in effect comes from, in words. */
export function adminKeySourceWords(lang: Lang, source: AdminKeySource): string {
  return translate(lang, SOURCE_WORDS[source]);
}
