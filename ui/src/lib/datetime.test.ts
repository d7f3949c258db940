import { describe, expect, it } from "vitest";
import {
  formatAge,
  formatDate,
  formatDateTime,
  formatDateTimeShort,
  formatDay,
  formatTime,
  fromLocalInput,
  parseDateTimeInput,
  toLocalInput,
} from "./datetime";

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

describe("formatDay", () => {
  it("formats the UTC day by default (the bounds Rust names are UTC midnights)", () => {
    expect(formatDay("2100-01-01T00:00:00+00:00", "da")).toBe("01.01.2100");
    expect(formatDay("2000-01-01T00:00:00Z", "en")).toBe("1 Jan 2000");
    expect(formatDay("2026-11-28T23:30:00Z", "da", "Europe/Copenhagen")).toBe("29.11.2026");
  });

  it("returns an unparsable input unchanged", () => {
    expect(formatDay("soon", "da")).toBe("soon");
  });
});

describe("formatTime", () => {
  it("shows the time of day for the save status", () => {
    expect(formatTime(new Date("2026-11-28T13:05:00Z"), "da", "Europe/Copenhagen")).toBe("14.05");
    expect(formatTime(new Date("2026-11-28T13:05:00Z"), "en", "Europe/Copenhagen")).toBe("14:05");
  });
});

describe("formatAge", () => {
  it("says how long in plain Danish", () => {
    expect(formatAge(5, "da")).toBe("under et minut");
    expect(formatAge(60, "da")).toBe("1 minut");
    expect(formatAge(59 * 60 + 59, "da")).toBe("59 minutter");
    expect(formatAge(3600, "da")).toBe("1 time");
    expect(formatAge(3 * 3600 + 10, "da")).toBe("3 timer");
    expect(formatAge(47 * 3600, "da")).toBe("47 timer");
    expect(formatAge(3 * 86400, "da")).toBe("3 dage");
  });

  it("and in English", () => {
    expect(formatAge(30, "en")).toBe("less than a minute");
    expect(formatAge(120, "en")).toBe("2 minutes");
    expect(formatAge(86400 * 2, "en")).toBe("2 days");
    expect(formatAge(-10, "en")).toBe("less than a minute");
  });
});

describe("datetime-local inputs", () => {
  it("round-trips through local time", () => {
    const iso = "2026-11-28T13:05:00Z";
    const local = toLocalInput(iso);
    expect(local).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d$/);
    expect(fromLocalInput(local)).toBe(iso);
  });

  it("treats empty or broken values as no time", () => {
    expect(toLocalInput(null)).toBe("");
    expect(toLocalInput("nonsense")).toBe("");
    expect(fromLocalInput("")).toBeNull();
    expect(fromLocalInput("28.11.2026")).toBeNull();
  });
});

describe("dates and times as staff type and read them", () => {
  it("formats dd.mm.åååå tt.mm (en with a colon)", () => {
    expect(formatDateTimeShort("2026-11-06T13:05:00Z", "da", "Europe/Copenhagen")).toBe("06.11.2026 14.05");
    expect(formatDateTimeShort("2026-11-06T13:05:00Z", "en", "Europe/Copenhagen")).toBe("06.11.2026 14:05");
    expect(formatDate("2026-11-06T23:30:00Z", "da", "Europe/Copenhagen")).toBe("07.11.2026");
    expect(formatDate("2026-11-06T23:30:00Z", "en", "UTC")).toBe("6 Nov 2026");
  });

  it("reads what people write, in local time", () => {
    const local = (y: number, mo: number, d: number, h: number, mi: number): string =>
      new Date(y, mo - 1, d, h, mi).toISOString().replace(".000Z", "Z");
    const want = local(2026, 11, 6, 14, 5);
    for (const text of ["06.11.2026 14.05", "6.11.2026 14:05", "06-11-2026 14.05", "06/11/2026, 14:05", " 06.11.2026 kl. 14.05 "]) {
      expect(parseDateTimeInput(text), text).toBe(want);
    }
    expect(parseDateTimeInput("06.11.2026 9.05")).toBe(local(2026, 11, 6, 9, 5));
    // A round trip through the shown text.
    expect(parseDateTimeInput(formatDateTimeShort(want, "da"))).toBe(want);
    expect(parseDateTimeInput(formatDateTimeShort(want, "en"))).toBe(want);
  });

  it("refuses what is not a date and time", () => {
    for (const text of ["", "i går", "06.11.2026", "31.02.2026 10.00", "06.13.2026 10.00", "06.11.2026 24.00", "06.11.2026 10.60", "2026-11-06T14:05"]) {
      expect(parseDateTimeInput(text), text).toBeNull();
    }
  });
});
