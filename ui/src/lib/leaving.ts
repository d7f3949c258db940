// Leaving the editor takes a moment: the last change is saved, then Rust is told the editor
// was left (`leave_draft`), which discards a draft nothing was written into. The record list
// waits for that before it asks for the list, so an empty draft never flashes up in it.

let pending: Promise<void> = Promise.resolve();
let running = 0;

/** Registers the editor's leaving (saving, then `leave_draft`); its failure is not the list's. */
export function trackLeaving(work: Promise<unknown>): void {
  running += 1;
  const done = work.then(
    () => undefined,
    () => undefined,
  );
  pending = Promise.all([pending, done]).then(() => undefined);
  void done.then(() => {
    running -= 1;
  });
}

/** Whether an editor is still leaving. */
export function leavingNow(): boolean {
  return running > 0;
}

/** Resolves once every editor left so far has finished leaving. */
export function whenLeft(): Promise<void> {
  return pending;
}
