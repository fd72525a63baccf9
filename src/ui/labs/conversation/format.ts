// Number formats, colours and words shared by the conversation panel's views.
import { POLICY_COLORS } from '../../../core/labs/conversation';
import type { StepEvent } from '../../../core/conversation/environment';

export { POLICY_COLORS };

/** A share (0–1) as a percentage. */
export const pct = (v: number) => (Number.isFinite(v) ? `${(v * 100).toFixed(0)}%` : '—');

/** A number with `digits` decimals, or "—". */
export const num = (v: number | null | undefined, digits = 2) => (typeof v === 'number' && Number.isFinite(v) ? v.toFixed(digits) : '—');

/** A signed number with a real minus sign: +1.00, −0.10. */
export const signed = (v: number, digits = 2) => (v < 0 ? `−${Math.abs(v).toFixed(digits)}` : `+${v.toFixed(digits)}`);

/** The rules are dashed, like the lab's own charts. */
export const isLearned = (id: string) => id === 'unified' || id === 'separated';

/** What the simulated user answered, in words. */
export function answerText(answer: StepEvent, rank?: number): string {
  switch (answer) {
    case 'accepted':
      return 'yes: accepted';
    case 'rejected':
      return 'no: rejected';
    case 'success':
      return rank ? `success: target at rank ${rank}` : 'success';
    case 'failedRecommendation':
      return 'miss: target not in the list';
    case 'emptyCandidates':
      return 'no candidates left';
  }
}

/** A policy's name without its parenthesis, and the parenthesis alone (shown smaller, wrapping). */
export const shortLabel = (label: string) => label.replace(/\s*\(.*\)\s*$/, '');
export const noteOf = (label: string) => /\((.*)\)\s*$/.exec(label)?.[1] ?? '';
