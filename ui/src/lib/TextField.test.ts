import { cleanup, fireEvent, render, screen } from "@testing-library/svelte";
import { afterEach, describe, expect, it } from "vitest";
import { TEXT_LIMITS } from "./bindings";
import TextField from "./TextField.svelte";

afterEach(() => cleanup());

describe("text limits", () => {
  it("come from Rust for every free-text field", () => {
    expect(TEXT_LIMITS["meeting.case_number"]).toBe(64);
    expect(TEXT_LIMITS["refusal.assessment"]).toBe(4000);
  });

  it("show a counter near the limit, and past it the reason and the numbers; the text stays", async () => {
    render(TextField, { id: "f", label: "Sagsnummer", value: "", max: 10 });
    const input = screen.getByTestId("f") as HTMLInputElement;
    await fireEvent.input(input, { target: { value: "1234567" } });
    expect(screen.queryByTestId("f-count")).toBeNull();
    await fireEvent.input(input, { target: { value: "12345678" } });
    expect(screen.getByTestId("f-count").textContent?.trim()).toBe("8 af højst 10 tegn");
    expect(input.getAttribute("aria-describedby")).toContain("f-count");
    await fireEvent.input(input, { target: { value: "1234567890ææ" } });
    const count = screen.getByTestId("f-count");
    expect(count.getAttribute("data-over")).toBe("true");
    expect(count.textContent).toContain("2 tegn for lang: 12 tegn, højst 10");
    expect(input.getAttribute("aria-invalid")).toBe("true");
    expect(input.value).toBe("1234567890ææ");
  });
});
