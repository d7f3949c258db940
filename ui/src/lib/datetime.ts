// Formatting of RFC 3339 timestamps for display, in local time.

import type { Lang } from "./i18n";

const EN_MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

interface Parts {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
}

// One formatter per time zone, made once: building an Intl.DateTimeFormat costs far more than
// using one, and the list formats hundreds of rows.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? "";
  let fmt = formatters.get(key);
  if (fmt === undefined) {
    fmt = new Intl.DateTimeFormat("en-GB", {
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      hourCycle: "h23",
      ...(timeZone === undefined ? {} : { timeZone }),
    });
    formatters.set(key, fmt);
  }
  return fmt;
}

function partsIn(date: Date, timeZone: string | undefined): Parts {
  const fmt = formatterFor(timeZone);
  const out: Parts = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const p of fmt.formatToParts(date)) {
    if (p.type === "year" || p.type === "month" || p.type === "day" || p.type === "hour" || p.type === "minute") {
      out[p.type] = Number(p.value);
    }
  }
  return out;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

/**
 * Format an RFC 3339 timestamp for display.
 *   da: "28.11.2026 kl. 14.05"
 *   en: "28 Nov 2026, 14:05"
 * `timeZone` defaults to the computer's local zone. An unparsable input is
 * returned unchanged rather than shown as "Invalid Date".
 */
export function formatDateTime(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  if (iso.trim() === "" || Number.isNaN(date.getTime())) return iso;
  const p = partsIn(date, timeZone);
  if (lang === "da") {
    return `${pad2(p.day)}.${pad2(p.month)}.${p.year} kl. ${pad2(p.hour)}.${pad2(p.minute)}`;
  }
  return `${p.day} ${EN_MONTHS[p.month - 1] ?? "?"} ${p.year}, ${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * The calendar day of an RFC 3339 timestamp: da "01.01.2000", en "1 Jan 2000".
 * In UTC by default: used for the bounds Rust names in errors, which are UTC
 * midnights. An unparsable input is returned unchanged.
 */
export function formatDay(iso: string, lang: Lang, timeZone = "UTC"): string {
  const date = new Date(iso);
  if (iso.trim() === "" || Number.isNaN(date.getTime())) return iso;
  const p = partsIn(date, timeZone);
  return lang === "da" ? `${pad2(p.day)}.${pad2(p.month)}.${p.year}` : `${p.day} ${EN_MONTHS[p.month - 1] ?? "?"} ${p.year}`;
}

/** The calendar day in local time (or `timeZone`): da "06.11.2026", en "6 Nov 2026". */
export function formatDate(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  if (iso.trim() === "" || Number.isNaN(date.getTime())) return iso;
  const p = partsIn(date, timeZone);
  return lang === "da" ? `${pad2(p.day)}.${pad2(p.month)}.${p.year}` : `${p.day} ${EN_MONTHS[p.month - 1] ?? "?"} ${p.year}`;
}

/** The time of day only: da "14.05", en "14:05" (for "Gemt kl. 14.05"). */
export function formatTime(date: Date, lang: Lang, timeZone?: string): string {
  const p = partsIn(date, timeZone);
  return lang === "da" ? `${pad2(p.hour)}.${pad2(p.minute)}` : `${pad2(p.hour)}:${pad2(p.minute)}`;
}

/**
 * An age in plain words: "under et minut", "5 minutter", "1 time", "3 timer",
 * "2 dage" (en: "less than a minute", "5 minutes", …). Rounded down.
 */
export function formatAge(seconds: number, lang: Lang): string {
  const s = Math.max(0, Math.floor(seconds));
  const unit = (n: number, da1: string, daN: string, en1: string, enN: string): string =>
    lang === "da" ? `${n} ${n === 1 ? da1 : daN}` : `${n} ${n === 1 ? en1 : enN}`;
  if (s < 60) return lang === "da" ? "under et minut" : "less than a minute";
  const minutes = Math.floor(s / 60);
  if (minutes < 60) return unit(minutes, "minut", "minutter", "minute", "minutes");
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return unit(hours, "time", "timer", "hour", "hours");
  return unit(Math.floor(hours / 24), "dag", "dage", "day", "days");
}

/** RFC 3339 → the value of an `<input type="datetime-local">` in local time. */
export function toLocalInput(iso: string | null): string {
  if (iso === null || iso === "") return "";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return "";
  return `${d.getFullYear()}-${pad2(d.getMonth() + 1)}-${pad2(d.getDate())}T${pad2(d.getHours())}:${pad2(d.getMinutes())}`;
}

/** The value of an `<input type="datetime-local">` (local time) → RFC 3339 UTC, or null. */
export function fromLocalInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const [, y, mo, d, h, mi, s] = m;
  const date = new Date(Number(y), Number(mo) - 1, Number(d), Number(h), Number(mi), Number(s ?? "0"));
  if (Number.isNaN(date.getTime())) return null;
  return date.toISOString().replace(".000Z", "Z");
}

/**
 * A date and time as staff type and read it: "06.11.2026 14.05" in both languages (en shows
 * "06.11.2026 14:05"). Local time; `timeZone` for tests.
 */
export function formatDateTimeShort(iso: string, lang: Lang, timeZone?: string): string {
  const date = new Date(iso);
  if (iso.trim() === "" || Number.isNaN(date.getTime())) return iso;
  const p = partsIn(date, timeZone);
  const sep = lang === "da" ? "." : ":";
  return `${pad2(p.day)}.${pad2(p.month)}.${p.year} ${pad2(p.hour)}${sep}${pad2(p.minute)}`;
}

/**
 * A typed time of day alone ("14.05", "9:30", "kl. 9.30") on the local day of `day` (an RFC
 * 3339 timestamp) → RFC 3339 UTC, or null when it is not a time.
 */
export function parseTimeOfDay(text: string, day: string): string | null {
  const m = /^\s*(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})\s*$/i.exec(text);
  const base = new Date(day);
  if (!m || Number.isNaN(base.getTime())) return null;
  const h = Number(m[1]);
  const mi = Number(m[2]);
  if (h > 23 || mi > 59) return null;
  const date = new Date(base.getFullYear(), base.getMonth(), base.getDate(), h, mi, 0);
  return date.toISOString().replace(".000Z", "Z");
}

/**
 * A typed local date and time → RFC 3339 UTC, or null when it is not one. Accepts what
 * people write: "6.11.2026 14.05", "06-11-2026 14:05", "06.11.2026 kl. 14.05",
 * "06/11/2026, 9:05". The minute is the finest it reads.
 */
export function parseDateTimeInput(text: string): string | null {
  const m = /^\s*(\d{1,2})[./-](\d{1,2})[./-](\d{4})\s*,?\s*(?:kl\.?\s*)?(\d{1,2})[.:](\d{2})\s*$/i.exec(text);
  if (!m) return null;
  const [, d, mo, y, h, mi] = m.map(Number) as [number, number, number, number, number, number];
  if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return null;
  const date = new Date(y, mo - 1, d, h, mi, 0);
  // 31.02 rolls over into March: not a date.
  if (Number.isNaN(date.getTime()) || date.getDate() !== d || date.getMonth() !== mo - 1) return null;
  return date.toISOString().replace(".000Z", "Z");
}
