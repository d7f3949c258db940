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

function partsIn(date: Date, timeZone: string | undefined): Parts {
  const fmt = new Intl.DateTimeFormat("en-GB", {
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
    ...(timeZone === undefined ? {} : { timeZone }),
  });
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
