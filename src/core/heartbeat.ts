// A sign of life from long synchronous work: the training worker answers pings only when its event loop is free,
// and on wasm a run's awaits resolve as microtasks, so a long setup, evaluation or ranking would look like death.
//
// Why a hook per thread and not a field of RunContext: liveness is a fact about the thread (is it still running
// JS?), not about a run, and the loops that run long are deep, run-agnostic helpers (top-k selection, metric
// passes, a recommender's ranking, a lab's tables) that never see a RunContext. Threading a callback through each
// of them would change the Recommender interface and a dozen pure signatures, and any future long loop that forgot
// to forward it would bring the false "dead worker" back silently. A thread runs one run at a time (the executor
// stops the previous one first), so one hook per thread cannot mix runs up. Only the training worker installs one;
// Node (CLI, tests) and the in-page fallback leave it unset and `heartbeat()` is a null check.

let hook: (() => void) | null = null;

/** Installs (or, with null, removes) the thread's heartbeat; the caller throttles it (calls can be frequent). */
export function setHeartbeat(fn: (() => void) | null): void {
  hook = fn;
}

/**
 * Says "still working" from inside long synchronous work. Call it once per unit of work that takes microseconds
 * or more (a user's list, a block of rows, a training step), never per item: it must stay far cheaper than the
 * work it sits in.
 */
export function heartbeat(): void {
  hook?.();
}
