// Texts Rust refused to save because they look like a CPR number (`text_cpr_number`).
//
// Rust refuses the whole save when one field looks like a CPR number, and nothing of it
// reaches the database. The editor must not lose anything else the user typed, and must not
// put the stored value back into the field either: the field keeps what was typed, with the
// warning, until it is corrected. So a refused text is "held": the field shows it, but the
// autosave sends the value Rust has stored for that field instead, and everything else is
// saved as usual. Once the user changes the field, the hold ends and the new text is sent
// (and held again if it still looks like a CPR number).

import { setTextAt, textAt } from "./workflow";

interface Hold {
  /** What the user typed, which Rust refused. */
  typed: string;
  /** What Rust has stored for the field, sent in its place. */
  stored: string;
}

export class HeldTexts {
  private readonly holds = new Map<string, Hold>();

  /** Holds `path`'s typed text back from saving, sending `stored` in its place. */
  hold(path: string, typed: string, stored: string): void {
    this.holds.set(path, { typed, stored });
  }

  /** Whether `path` is held with exactly this text (a changed text is no longer held). */
  isHeld(path: string, current: string | null): boolean {
    const h = this.holds.get(path);
    return h !== undefined && current !== null && h.typed === current;
  }

  /** The held paths whose text in `record` is still the refused one. */
  paths(record: unknown): string[] {
    return [...this.holds.keys()].filter((p) => this.isHeld(p, textAt(record, p)));
  }

  /**
   * What to send for `record`: a copy with every still-held text replaced by the stored
   * one. Holds whose text the user has changed since are dropped (the new text is sent).
   */
  apply<T>(record: T): T {
    const out = structuredClone(record);
    for (const [path, h] of [...this.holds]) {
      if (textAt(record, path) === h.typed) {
        setTextAt(out, path, h.stored);
      } else {
        this.holds.delete(path);
      }
    }
    return out;
  }

  get size(): number {
    return this.holds.size;
  }
}
