import { describe, expect, it } from "vitest";
import { leavingNow, trackLeaving, whenLeft } from "./leaving";

describe("leaving the editor", () => {
  it("is waited for, and a failure does not stop the list", async () => {
    expect(leavingNow()).toBe(false);
    let finish!: () => void;
    const work = new Promise<void>((r) => (finish = r));
    trackLeaving(work);
    trackLeaving(Promise.reject(new Error("leave_draft not allowed")));
    expect(leavingNow()).toBe(true);
    let left = false;
    const waiting = whenLeft().then(() => (left = true));
    await Promise.resolve();
    expect(left).toBe(false);
    finish();
    await waiting;
    expect(left).toBe(true);
    await Promise.resolve();
    expect(leavingNow()).toBe(false);
  });
});
