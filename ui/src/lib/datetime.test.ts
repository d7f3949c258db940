import { describe, expect, it } from "vitest";
import { formatDateTime } from "./datetime";

describe("formatDateTime", () => {
  it("formats Danish style in Danish winter time (UTC+1)", () => {
    expect(formatDateTime("2026-11-28T13:05:00Z", "da", "Europe/Copenhagen")).toBe("28.11.2026 kl. 14.05");
  });

  it("formats English style", () => {
    expect(formatDateTime("2026-11-28T13:05:00Z", "en", "Europe/Copenhagen")).toBe("28 Nov 2026, 14:05");
  });

  it("applies summer time (UTC+2)", () => {
    expect(formatDateTime("2026-07-01T07:03:09.123Z", "da", "Europe/Copenhagen")).toBe("01.07.2026 kl. 09.03");
    expect(formatDateTime("2026-07-01T07:03:09.123Z", "en", "Europe/Copenhagen")).toBe("1 Jul 2026, 09:03");
  });

  it("crosses midnight and year boundaries into local time", () => {
    expect(formatDateTime("2025-12-31T23:30:00Z", "da", "Europe/Copenhagen")).toBe("01.01.2026 kl. 00.30");
    expect(formatDateTime("2025-12-31T23:30:00Z", "en", "UTC")).toBe("31 Dec 2025, 23:30");
  });

  it("accepts explicit offsets", () => {
    expect(formatDateTime("2026-03-02T08:00:00+01:00", "da", "UTC")).toBe("02.03.2026 kl. 07.00");
  });

  it("uses the local zone by default", () => {
    const iso = "2026-05-04T10:20:00Z";
    const d = new Date(iso);
    const pad = (n: number): string => String(n).padStart(2, "0");
    const expected = `${pad(d.getDate())}.${pad(d.getMonth() + 1)}.${d.getFullYear()} kl. ${pad(d.getHours())}.${pad(d.getMinutes())}`;
    expect(formatDateTime(iso, "da")).toBe(expected);
  });

  it("returns unparsable input unchanged", () => {
    expect(formatDateTime("not a date", "da")).toBe("not a date");
    expect(formatDateTime("", "en")).toBe("");
  });
});
