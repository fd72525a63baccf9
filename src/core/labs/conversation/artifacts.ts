// The views the conversational-policy lab's run emits for its panel.
import type { ReplayEpisode } from '../../conversation/trace';
import type { LearnedId, PolicyId } from './config';

/** Every policy on the same test conversations: SR@t (success within t agent actions, t = 1 … turns), AT, hDCG, asks. */
export interface TestCurvesArtifact {
  /** The turn limit (15: the user's opening is turn 1, so the agent acts at most 14 times and SR@15 counts every success). */
  turns: number;
  episodes: number;
  /** `accepted`: the share of its questions answered yes (null if it never asked). */
  policies: { id: PolicyId; label: string; sr: number[]; at: number; hdcg: number; asks: number; accepted: number | null }[];
  /** Training episodes played when each learned policy's weights were chosen (best validation SR@15). */
  selectedAt: Record<LearnedId, number>;
  /**
   * Diagnostic: the unified policy's own ask-or-recommend decisions, but every question chosen by the max-entropy
   * picker (the separated policy's) — separates what the unified policy asks from when it switches.
   */
  unifiedWhen: { sr15: number; at: number; asks: number };
}

export interface ReplayArtifact {
  policies: { id: PolicyId; label: string }[];
  episodes: ReplayEpisode[];
}

export type ConversationArtifacts = { testCurves: TestCurvesArtifact; replay: ReplayArtifact };
