import { describe, expect, it } from "vitest";
import { LANGS } from "./i18n";
import type { AdminKeySource, Endorsement, FolderVerification, SignerStanding, TrustBasis, VerifyReport } from "./ipc";
import { adminKeySourceWords, endorsementWords, signerWords, trustProblems } from "./trust";

const ENDORSEMENTS: Endorsement[] = [
  { state: "no_admin_key" },
  { state: "share_unavailable" },
  { state: "pending" },
  { state: "endorsed", valid_from: "2026-11-06T09:00:00Z" },
  { state: "revoked", from: "2026-12-01T08:00:00Z", reason: "Bærbar stjålet" },
];
const STANDINGS: SignerStanding[] = [
  { standing: "endorsed", name: "Mette Sørensen", initials: "MESO" },
  { standing: "unknown" },
  { standing: "signed_before_endorsement" },
  { standing: "signed_after_revocation", reason: "Nøglen er kompromitteret" },
];
const BASES: TrustBasis[] = [
  { basis: "no_admin_key" },
  { basis: "share_unavailable" },
  { basis: "administration", endorsed_keys: 3, problems: 1 },
];
const SOURCES: AdminKeySource[] = ["none", "deployed", "confirmed"];

const report = (ok: boolean): VerifyReport => ({ ok, note_id: null, signer_key_id: null, checks: [], signer_known: ok });

const leftovers = /[{}[\]]/;

describe("the words for trust", () => {
  it("have a complete text for every endorsement state in both languages", () => {
    for (const lang of LANGS) {
      for (const e of ENDORSEMENTS) {
        const w = endorsementWords(lang, e);
        expect(w.title.trim(), `${lang} ${e.state}`).not.toBe("");
        expect(w.text, `${lang} ${e.state}`).not.toMatch(leftovers);
      }
    }
    expect(endorsementWords("da", ENDORSEMENTS[3]!).text).toContain("fra 06.11.2026 kl.");
    expect(endorsementWords("en", ENDORSEMENTS[3]!).text).toContain("from 6 Nov 2026,");
    expect(endorsementWords("da", ENDORSEMENTS[4]!).reason).toBe("Bærbar stjålet");
  });

  it("have a complete line for every signer standing and every basis, intact or not", () => {
    for (const lang of LANGS) {
      for (const ok of [true, false]) {
        for (const basis of BASES) {
          const withoutSigner = signerWords(lang, { report: report(ok), signer: null, basis });
          expect(withoutSigner.text, `${lang} ${basis.basis}`).not.toMatch(leftovers);
          expect(withoutSigner.tone).not.toBe("ok");
        }
        for (const signer of STANDINGS) {
          const v: FolderVerification = { report: report(ok), signer, basis: BASES[2]! };
          const w = signerWords(lang, v);
          expect(w.text, `${lang} ${signer.standing}`).not.toMatch(leftovers);
          // Only an intact note signed by an endorsed key reads as good news.
          expect(w.tone === "ok", `${lang} ${signer.standing} ${ok}`).toBe(ok && signer.standing === "endorsed");
        }
      }
    }
  });

  it("count the administration's files that were not believed", () => {
    expect(trustProblems({ report: report(true), signer: null, basis: BASES[0]! })).toBe(0);
    expect(trustProblems({ report: report(true), signer: { standing: "unknown" }, basis: BASES[2]! })).toBe(1);
  });

  it("name every source of the administration key", () => {
    for (const lang of LANGS) for (const source of SOURCES) expect(adminKeySourceWords(lang, source).trim()).not.toBe("");
  });
});
