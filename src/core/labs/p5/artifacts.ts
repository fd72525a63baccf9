// The views the P5 lab's run emits for its panel, by name (types only).
import type { ItemIdMode, LeakShare } from '../../p5/itemIds';
import type { P5Family } from '../../p5/templates';

/** One model's scores on one family's test prompts under seen or held-out templates (metric name → value). */
export type Scores = Record<string, number>;

/** One trained model: what it learns from and, once the run ends, its test scores. */
export interface ModelRow {
  id: string;
  label: string;
  /** The families it is trained on (the plain model: sequential, without words). */
  families: P5Family[];
  idMode: ItemIdMode;
  params: number;
  /** Per family, the test scores on the seen templates (mean over them) and on the held-out one; null until the end. */
  test: Partial<Record<P5Family, { seen: Scores; unseen: Scores | null }>> | null;
}

/** One row of the id-mode table: the sequential task under one id mode. */
export interface IdModeRow {
  mode: ItemIdMode;
  label: string;
  /** The model that was trained with these ids (atomic: the per-task sequential model). */
  model: string;
  /** Share of test users whose test item's id is the history's largest id + 1 (the leak's signature). */
  leak: LeakShare;
  /** Test HR@5/10, NDCG@5/10 on the first seen template, `users` users scored; null until the end. */
  scores: Scores | null;
  users: number;
}

/** One prompt the playground shows: the text, the right answer, and each model's answers. */
export interface PlaygroundPrompt {
  user: number;
  userName: string;
  family: P5Family;
  templateId: string;
  heldOut: boolean;
  /** The prompt's tokens as words (items as their ids or names). */
  prompt: string;
  truth: string;
  answers: {
    model: string;
    /** The most likely first answer tokens (softmax over the whole vocabulary), with probabilities. */
    top: { token: string; p: number }[];
    /** The answer decoded greedily up to `<eos>`. */
    greedy: string;
  }[];
}

export type P5Artifacts = {
  /** At the start and at the end (with test scores): every model. */
  models: {
    families: P5Family[];
    idMode: ItemIdMode;
    vocabSize: number;
    maxLen: number;
    rows: ModelRow[];
    /**
     * At the end, references without a model on the same test prompts: ranking families, items ranked by training count
     * (popularity); rating, every prediction the mean training rating.
     */
    popularity: Partial<Record<P5Family, Scores>> | null;
  };
  /** At the start (leak shares) and at the end (scores): the id-mode comparison, when the sweep is on. */
  idModes: { rows: IdModeRow[] };
  /** At the end: prompts of a few users under every template, with each model's answers. */
  playground: { prompts: PlaygroundPrompt[]; items: Record<string, string> };
};
