import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { AutosaveQueue } from "./autosave";

function deferred(): { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } {
  let resolve!: () => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<void>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

describe("AutosaveQueue", () => {
  beforeEach(() => {
    vi.useFakeTimers();
  });
  afterEach(() => {
    vi.useRealTimers();
  });

  it("saves once, 500 ms after the last change, with the latest value", async () => {
    let value = "a";
    const saved: string[] = [];
    const q = new AutosaveQueue({ snapshot: () => value, save: async (v) => void saved.push(v), delayMs: 500 });
    q.schedule();
    value = "ab";
    await vi.advanceTimersByTimeAsync(300);
    q.schedule();
    value = "abc";
    await vi.advanceTimersByTimeAsync(499);
    expect(saved).toEqual([]);
    await vi.advanceTimersByTimeAsync(1);
    expect(saved).toEqual(["abc"]);
    expect(q.pending).toBe(false);
  });

  it("flush saves at once and cancels the timer", async () => {
    const saved: number[] = [];
    let n = 1;
    const q = new AutosaveQueue({ snapshot: () => n, save: async (v) => void saved.push(v), delayMs: 500 });
    q.schedule();
    await q.flush();
    expect(saved).toEqual([1]);
    await vi.advanceTimersByTimeAsync(1000);
    expect(saved).toEqual([1]);
    n = 2;
    await q.flush(); // nothing changed since: no save
    expect(saved).toEqual([1]);
  });

  it("never runs two saves at once and saves a change made during a save right after it", async () => {
    let value = "first";
    const started: string[] = [];
    const gates: Array<ReturnType<typeof deferred>> = [];
    let running = 0;
    let maxRunning = 0;
    const q = new AutosaveQueue({
      snapshot: () => value,
      save: (v) => {
        started.push(v);
        running += 1;
        maxRunning = Math.max(maxRunning, running);
        const d = deferred();
        gates.push(d);
        return d.promise.finally(() => (running -= 1));
      },
      delayMs: 500,
    });
    q.schedule();
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toEqual(["first"]);
    value = "second";
    q.schedule();
    await vi.advanceTimersByTimeAsync(500);
    expect(started).toEqual(["first"]); // still waiting for the first
    gates[0]!.resolve();
    await vi.advanceTimersByTimeAsync(0);
    expect(started).toEqual(["first", "second"]);
    gates[1]!.resolve();
    await q.flush();
    expect(maxRunning).toBe(1);
    expect(q.pending).toBe(false);
  });

  it("flush waits for a running save and then saves what changed meanwhile", async () => {
    let value = 1;
    const saved: number[] = [];
    const gate = deferred();
    let first = true;
    const q = new AutosaveQueue({
      snapshot: () => value,
      save: async (v) => {
        if (first) {
          first = false;
          await gate.promise;
        }
        saved.push(v);
      },
      delayMs: 500,
    });
    q.schedule();
    await vi.advanceTimersByTimeAsync(500);
    value = 2;
    q.schedule();
    const flushed = q.flush();
    gate.resolve();
    await flushed;
    expect(saved).toEqual([1, 2]);
  });

  it("reports a failed save, stays pending, and retries on the next change", async () => {
    let fail = true;
    const errors: unknown[] = [];
    const saved: string[] = [];
    let value = "x";
    const q = new AutosaveQueue({
      snapshot: () => value,
      save: async (v) => {
        if (fail) throw { code: "invalid_input", message: "meeting.subject: too long" };
        saved.push(v);
      },
      delayMs: 500,
      onError: (e) => errors.push(e),
    });
    q.schedule();
    await q.flush();
    expect(errors).toHaveLength(1);
    expect(q.failed).toBe(true);
    expect(q.pending).toBe(true);
    fail = false;
    value = "y";
    q.schedule();
    await q.flush();
    expect(saved).toEqual(["y"]);
    expect(q.failed).toBe(false);
    expect(q.pending).toBe(false);
  });

  it("reports saving and saved times", async () => {
    const events: string[] = [];
    const q = new AutosaveQueue({
      snapshot: () => 1,
      save: async () => undefined,
      delayMs: 10,
      onSaving: () => events.push("saving"),
      onSaved: (at) => events.push(`saved ${at.toISOString()}`),
      now: () => new Date("2026-11-28T13:05:00Z"),
    });
    q.schedule();
    await q.flush();
    expect(events).toEqual(["saving", "saved 2026-11-28T13:05:00.000Z"]);
  });

  it("says when nothing is left to save", async () => {
    let idle = 0;
    const gate = deferred();
    const q = new AutosaveQueue({ snapshot: () => 1, save: () => gate.promise, delayMs: 10, onIdle: () => (idle += 1) });
    q.schedule();
    await vi.advanceTimersByTimeAsync(10);
    q.schedule(); // a change while saving: not idle after the first save
    gate.resolve();
    await q.flush();
    expect(idle).toBe(1);
    expect(q.pending).toBe(false);
  });

  it("stops scheduling after close", async () => {
    const saved: number[] = [];
    const q = new AutosaveQueue({ snapshot: () => 1, save: async (v) => void saved.push(v), delayMs: 10 });
    q.close();
    q.schedule();
    await vi.advanceTimersByTimeAsync(100);
    expect(saved).toEqual([]);
  });
});
