// The draft autosave queue: saves after the user pauses typing (debounced),
// immediately on `flush()` (blur, step change, leaving the screen, closing the
// window), never two saves at once, and never drops the last change: a change
// made while a save is in flight is saved right after it.

export interface AutosaveOptions<T> {
  /** Takes a snapshot of what to save, at the moment the save starts. */
  snapshot: () => T;
  save: (value: T) => Promise<void>;
  delayMs: number;
  onSaving?: () => void;
  onSaved?: (at: Date) => void;
  onError?: (error: unknown) => void;
  /** Called when nothing is left to save (after a save, successful or not). */
  onIdle?: () => void;
  now?: () => Date;
}

export class AutosaveQueue<T> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  private dirty = false;
  private closed = false;
  private lastFailed = false;

  constructor(private readonly opts: AutosaveOptions<T>) {}

  /** Something changed: save after `delayMs` without further changes. */
  schedule(): void {
    if (this.closed) return;
    this.dirty = true;
    this.clearTimer();
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.run();
    }, this.opts.delayMs);
  }

  /** True while a change waits to be saved or a save runs. */
  get pending(): boolean {
    return this.dirty || this.inFlight !== null || this.lastFailed;
  }

  /** True when the last save failed (the change is kept in the editor only). */
  get failed(): boolean {
    return this.lastFailed;
  }

  /** Saves now if anything is unsaved; resolves when everything is saved. */
  async flush(): Promise<void> {
    this.clearTimer();
    // Wait for a running save, then save what changed meanwhile.
    while (this.inFlight !== null || this.dirty) {
      if (this.inFlight !== null) {
        await this.inFlight.catch(() => undefined);
      } else {
        await this.run();
      }
    }
  }

  /** Stops scheduling (the editor is gone); does not cancel a running save. */
  close(): void {
    this.closed = true;
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer !== undefined) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
  }

  private async run(): Promise<void> {
    if (this.inFlight !== null) {
      // The running save will see `dirty` and save again.
      return this.inFlight.catch(() => undefined);
    }
    if (!this.dirty) return;
    this.dirty = false;
    const value = this.opts.snapshot();
    this.opts.onSaving?.();
    const attempt = this.opts
      .save(value)
      .then(() => {
        this.lastFailed = false;
        this.opts.onSaved?.((this.opts.now ?? (() => new Date()))());
      })
      .catch((e: unknown) => {
        this.lastFailed = true;
        this.opts.onError?.(e);
        throw e;
      });
    this.inFlight = attempt;
    try {
      await attempt;
    } catch {
      // Reported through onError; the text stays in the editor and the next
      // change (or flush) tries again.
    } finally {
      this.inFlight = null;
    }
    if (this.dirty && !this.closed && this.timer === undefined) {
      // Changed while saving: save that too, without waiting for another keystroke.
      await this.run();
    } else if (!this.dirty && this.inFlight === null) {
      this.opts.onIdle?.();
    }
  }
}
