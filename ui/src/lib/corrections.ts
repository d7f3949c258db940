// The words for an addendum's corrected fields (`AddendumTo.changes`, worked out by Rust on
// every save): which field, and its value before and now, the way the summary says them.

import { formatDateTime } from "./datetime";
import { fieldLabel, type FieldContext } from "./errors";
import { translate, type Lang } from "./i18n";
import type { FieldCorrection, PolicyTexts } from "./ipc";

/** Fields whose values are codes, with the policy's label group for them. */
const CODED: Readonly<Record<string, string>> = {
  "meeting.kind": "kind",
  "meeting.channel": "channel",
  "recording.origin": "origin",
  "recording.medium": "medium",
  "recording.decision": "decision",
  "recording.video_scope": "video_scope",
  "recording.reasons": "reason",
};

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** One value of a corrected field in words ("" and null are "–"). */
export function correctionValue(lang: Lang, field: string, value: string, texts: PolicyTexts): string {
  const none = translate(lang, "common.none");
  if (value === "" || value === "null") return none;
  if (value === "true") return translate(lang, "common.yes");
  if (value === "false") return translate(lang, "common.no");
  if (TIMESTAMP.test(value)) return formatDateTime(value, lang);
  const group = CODED[field];
  const label = (code: string): string => (group === undefined ? code : (texts.labels[group]?.[code] ?? code));
  if (value.startsWith("[")) {
    try {
      const items: unknown = JSON.parse(value);
      if (Array.isArray(items) && items.every((x): x is string => typeof x === "string")) {
        if (items.length === 0) return none;
        if (field === "refusal.grounds") {
          return items
            .map((code) => {
              const g = texts.grounds.find((x) => x.ground === code);
              return g ? `${g.label}) ${g.title}` : code;
            })
            .join(", ");
        }
        return items.map(label).join(", ");
      }
    } catch {
      // Not JSON: shown as it is.
    }
  }
  return label(value);
}

export interface CorrectionLine {
  field: string;
  label: string;
  before: string;
  now: string;
}

/** The corrected fields in words; a field the UI has no name for is named by its path. */
export function correctionLines(lang: Lang, changes: readonly FieldCorrection[], texts: PolicyTexts): CorrectionLine[] {
  const ctx: FieldContext = { roles: texts.roles, notices: texts.notices };
  return changes.map((c) => ({
    field: c.field,
    label: fieldLabel(lang, c.field, ctx) ?? c.field,
    before: correctionValue(lang, c.field, c.old, texts),
    now: correctionValue(lang, c.field, c.new, texts),
  }));
}
