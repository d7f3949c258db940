import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import DateTimeField from "./DateTimeField.svelte";
import { fromLocalInput } from "./datetime";

afterEach(() => cleanup());

function field(value: string | null) {
  const changes: (string | null)[] = [];
  render(DateTimeField, { id: "f", label: "Mødet begyndte", value, onchange: (v: string | null) => changes.push(v) });
  return { input: screen.getByTestId("f") as HTMLInputElement, changes };
}

describe("date and time field", () => {
  it("shows the time in Danish form, one text field, whatever the locale", () => {
    const { input } = field(fromLocalInput("2026-11-28T14:05"));
    expect(input.type).toBe("text");
    expect(input.value).toBe("28.11.2026 14.05");
    expect(input.placeholder).toBe("dd.mm.åååå tt.mm");
  });

  it("reads a typed date and time", async () => {
    const { input, changes } = field(null);
    await fireEvent.input(input, { target: { value: "6.11.2026 9.30" } });
    await fireEvent.change(input);
    expect(changes).toEqual([fromLocalInput("2026-11-06T09:30")]);
  });

  it("a time alone keeps the day already set", async () => {
    const { input, changes } = field(fromLocalInput("2026-11-28T14:05"));
    await fireEvent.input(input, { target: { value: "15.45" } });
    await fireEvent.change(input);
    expect(changes).toEqual([fromLocalInput("2026-11-28T15:45")]);
  });

  it("keeps unreadable text in the field with what to write, and saves nothing", async () => {
    const { input, changes } = field(fromLocalInput("2026-11-28T14:05"));
    await fireEvent.input(input, { target: { value: "i går ved frokost" } });
    await fireEvent.change(input);
    expect(changes).toEqual([]);
    expect(input.value).toBe("i går ved frokost");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(screen.getByTestId("field-message").textContent).toContain("28.11.2026 14.05");
  });

  it("'Nu' sets the time to now", async () => {
    const { changes } = field(null);
    await fireEvent.click(screen.getByTestId("f-now"));
    expect(changes).toHaveLength(1);
    expect(Math.abs(new Date(changes[0] ?? "").getTime() - Date.now())).toBeLessThan(120_000);
  });
});
