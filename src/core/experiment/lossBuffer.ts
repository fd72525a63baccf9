// Collects per-step loss tensors on the device and reads them back in one go every N steps.
import * as tf from '@tensorflow/tfjs';

/**
 * Reading a value back from the accelerator stalls the pipeline, so the training loop pushes each step's
 * scalar loss here and `flush()` reads all pending ones with a single `data()` call.
 */
export class LossBuffer {
  private pending: { step: number; loss: tf.Scalar }[] = [];

  push(step: number, loss: tf.Scalar): void {
    this.pending.push({ step, loss });
  }

  get size(): number {
    return this.pending.length;
  }

  /** Reads back every pending loss, oldest first, and frees the tensors. */
  async flush(): Promise<{ step: number; loss: number }[]> {
    if (!this.pending.length) return [];
    const batch = this.pending;
    this.pending = [];
    const stacked = tf.stack(batch.map((p) => p.loss));
    try {
      const values = await stacked.data();
      return batch.map((p, i) => ({ step: p.step, loss: values[i] }));
    } finally {
      stacked.dispose();
      batch.forEach((p) => p.loss.dispose());
    }
  }

  dispose(): void {
    this.pending.forEach((p) => p.loss.dispose());
    this.pending = [];
  }
}

/** The first entry whose loss is NaN or ±∞, or undefined. */
export function firstNonFinite<T extends { loss: number }>(rows: T[]): T | undefined {
  return rows.find((r) => !Number.isFinite(r.loss));
}

/** The message shown when a run diverges. */
export function divergedMessage(step: number): string {
  return `diverged at step ${step} — try a lower learning rate`;
}
