// The conversational-policy lab end to end on wasm: every policy scored on the same test conversations, the views it
// emits (SR@t curves, replays consistent with the scores), model selection on validation, reproducibility, no leaks.
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { itemCounts } from '../../data/dataset';
import { builtinDataset } from '../../data/synthetic';
import { ErrorCode } from '../../errors';
import type { ProgressEvent, RunResult } from '../../experiment/types';
import { Rng } from '../../random/rng';
import { useWasm } from '../../testing/tfSetup';
import type { ReplayArtifact, TestCurvesArtifact } from './artifacts';
import { conversationDefaults, LEARNED, POLICIES, type ConversationConfig } from './config';
import { conversationsOf, popularHead } from './conversations';
import { runConversation } from './run';

beforeAll(useWasm);

const tiny = (over: Partial<ConversationConfig> = {}): ConversationConfig => ({
  ...conversationDefaults,
  dataset: 'tiny',
  headShare: 0.5,
  trainingEpisodes: 40,
  evalEvery: 20,
  validEpisodes: 20,
  testEpisodes: 40,
  pretrainEpochs: 2,
  replayEpisodes: 5,
  ...over,
});
const artifact = <T,>(r: RunResult<ConversationConfig>, name: string) => r.events.filter((e): e is Extract<ProgressEvent, { kind: 'artifact' }> => e.kind === 'artifact' && e.name === name).pop()?.data as T | undefined;

describe('the conversations of a run', () => {
  const data = builtinDataset('tiny');

  it('leave the popular head out as targets under long-tail, and keep validation and test disjoint', () => {
    const c = conversationsOf(data, { targets: 'long-tail', headShare: 0.5, validEpisodes: 20, testEpisodes: 30 }, new Rng(3));
    const head = popularHead(c.trainInteractions, 0.5);
    expect(head.size).toBe(100);
    expect(c.headSize).toBe(100);
    for (const e of [...c.train, ...c.valid, ...c.test]) expect(head.has(e.target)).toBe(false);
    const key = (e: { user: number; target: number }) => `${e.user}:${e.target}`;
    const valid = new Set(c.valid.map(key));
    expect(c.test.some((e) => valid.has(key(e)))).toBe(false);
    expect(c.valid).toHaveLength(20);
    expect(c.test).toHaveLength(30);
    // The head is the most interacted-with half of training: no tail item is more popular than a head item.
    const counts = itemCounts(c.trainInteractions);
    const minHead = Math.min(...[...head].map((v) => counts[v]));
    for (let v = 0; v < counts.length; v++) if (!head.has(v)) expect(counts[v]).toBeLessThanOrEqual(minHead);
  });

  it('take every held-out item as a target under all', () => {
    const c = conversationsOf(data, { targets: 'all', headShare: 0.5, validEpisodes: 20, testEpisodes: 30 }, new Rng(3));
    expect(c.headSize).toBe(0);
    const tail = conversationsOf(data, { targets: 'long-tail', headShare: 0.5, validEpisodes: 20, testEpisodes: 30 }, new Rng(3));
    expect(c.train.length).toBeGreaterThan(tail.train.length);
  });

  it('refuse data with too few conversations, saying what to change', () => {
    expect(() => conversationsOf(data, { targets: 'long-tail', headShare: 0.99, validEpisodes: 5, testEpisodes: 5000 }, new Rng(1))).toThrow(/too few/);
  });
});

describe('conversation trains two policies and scores five', () => {
  let r: RunResult<ConversationConfig>;
  let before: number;
  beforeAll(async () => {
    before = tf.memory().numTensors;
    r = await runConversation(tiny());
  });

  it('reports SR@15, AT and hDCG for every policy on the test conversations, and frees every tensor', () => {
    expect(r.outcome).toEqual({ status: 'completed' });
    for (const p of POLICIES) {
      expect(r.summary[`test/sr@15/${p}`]).toBeGreaterThanOrEqual(0);
      expect(r.summary[`test/sr@15/${p}`]).toBeLessThanOrEqual(1);
      expect(r.summary[`test/at/${p}`]).toBeGreaterThanOrEqual(1);
      expect(r.summary[`test/at/${p}`]).toBeLessThanOrEqual(15);
      expect(r.summary[`test/hdcg/${p}`]).toBeLessThanOrEqual(r.summary[`test/sr@15/${p}`] + 1e-12);
    }
    // Abs Greedy never asks; the rules' validation lines are the same at every evaluation.
    expect(r.summary['test/asks/abs-greedy']).toBe(0);
    const epochs = r.events.filter((e): e is Extract<ProgressEvent, { kind: 'epoch' }> => e.kind === 'epoch');
    expect(epochs.map((e) => e.values.episodes)).toEqual([0, 20, 40]);
    expect(new Set(epochs.map((e) => e.values['valid/sr@15/max-entropy'])).size).toBe(1);
    for (const id of LEARNED) expect([0, 20, 40]).toContain(r.summary[`selected/episodes/${id}`]);
    expect(tf.memory().numTensors).toBe(before);
    expect(r.tables?.[0].rows).toHaveLength(POLICIES.length);
  });

  it('keeps each learned policy’s weights from its best validation SR@15', () => {
    const epochs = r.events.filter((e): e is Extract<ProgressEvent, { kind: 'epoch' }> => e.kind === 'epoch');
    for (const id of LEARNED) {
      const sr = epochs.map((e) => e.values[`valid/sr@15/${id}`]);
      const bestAt = sr.lastIndexOf(Math.max(...sr));
      expect(r.summary[`selected/episodes/${id}`]).toBe(epochs[bestAt].values.episodes);
    }
  });

  it('draws SR@t curves that rise to SR@15 and match the summary', () => {
    const c = artifact<TestCurvesArtifact>(r, 'testCurves')!;
    expect(c.turns).toBe(15);
    expect(c.episodes).toBe(40);
    expect(c.policies.map((p) => p.id)).toEqual([...POLICIES]);
    for (const p of c.policies) {
      expect(p.sr).toHaveLength(15);
      for (let t = 1; t < 15; t++) expect(p.sr[t]).toBeGreaterThanOrEqual(p.sr[t - 1]);
      expect(p.sr[14]).toBe(r.summary[`test/sr@15/${p.id}`]);
      expect(p.at).toBe(r.summary[`test/at/${p.id}`]);
    }
    // The diagnostic (unified switch, max-entropy picker) is scored on the same conversations.
    expect(c.unifiedWhen.sr15).toBe(r.summary['test/sr@15/unified-when']);
    expect(c.unifiedWhen.at).toBeGreaterThanOrEqual(1);
    expect(r.tables?.[1].rows[0]).toHaveLength(7);
  });

  it('replays the first test conversations turn by turn, consistent with how each ended, with Q-values for the learned policies', () => {
    const rep = artifact<ReplayArtifact>(r, 'replay')!;
    expect(rep.episodes).toHaveLength(5);
    expect(rep.policies.map((p) => p.id)).toEqual([...POLICIES]);
    for (const e of rep.episodes) {
      expect(e.targetAttributes).toContain(e.opening);
      for (const p of POLICIES) {
        const run = e.runs[p];
        expect(run.turns.length).toBeGreaterThan(0);
        expect(run.turns.length).toBeLessThanOrEqual(14);
        const lastTurn = run.turns[run.turns.length - 1];
        if (run.successTurn !== null) {
          expect(run.successTurn).toBe(run.turns.length);
          expect(lastTurn.answer).toBe('success');
          expect(lastTurn.rank).toBeGreaterThanOrEqual(1);
        } else expect(lastTurn.answer).not.toBe('success');
        // Candidates never grow within a conversation.
        for (let t = 1; t < run.turns.length; t++) expect(run.turns[t].candidates).toBeLessThanOrEqual(run.turns[t - 1].candidates);
        for (const t of run.turns) {
          if (p === 'unified' || p === 'separated') {
            expect(t.options!.length).toBeGreaterThan(0);
            expect(t.options![t.chosen!].kind).toBe(t.kind);
            // Greedy, no override: the chosen action has the largest Q-value.
            expect(t.options![t.chosen!].q).toBe(Math.max(...t.options!.map((o) => o.q)));
          } else expect(t.options).toBeUndefined();
          if (p === 'abs-greedy') expect(t.kind).toBe('recommend');
        }
      }
    }
  });

  it('smoke: the trained unified policy succeeds by turn 15 about as often as Abs Greedy on the test conversations', () => {
    expect(r.summary['test/sr@15/unified']).toBeGreaterThanOrEqual(r.summary['test/sr@15/abs-greedy'] - 0.05);
  });

  it('gives the same results for the same seed', async () => {
    const again = await runConversation(tiny());
    expect(again.summary).toEqual(r.summary);
  });
});

describe('conversation settings and endings', () => {
  it('with the override on, a learned policy recommends whenever 10 or fewer candidates remain', async () => {
    const r = await runConversation(tiny({ override: true, trainingEpisodes: 20 }));
    const rep = artifact<ReplayArtifact>(r, 'replay')!;
    for (const e of rep.episodes) for (const id of LEARNED) for (const t of e.runs[id].turns) if (t.candidates <= 10) expect(t.kind).toBe('recommend');
  });

  it('stops at the next conversation when aborted and still scores every policy with what it has', async () => {
    // Aborted at the first evaluation (after 20 of 400 training conversations): no 21st conversation is played.
    const ac = new AbortController();
    const r = await runConversation(tiny({ trainingEpisodes: 400, evalEvery: 20 }), {
      signal: ac.signal,
      onProgress: (e) => {
        if (e.kind === 'epoch' && e.epoch === 1) ac.abort();
      },
    });
    expect(r.outcome).toEqual({ status: 'stopped', atStep: 20 });
    expect(Math.max(...r.events.map((e) => (e.kind === 'step' ? e.step : 0)))).toBe(20);
    for (const p of POLICIES) expect(Number.isFinite(r.summary[`test/sr@15/${p}`])).toBe(true);
    for (const id of LEARNED) expect([0, 20]).toContain(r.summary[`selected/episodes/${id}`]);
  });

  it('refuses a dataset without item attributes', async () => {
    const d = builtinDataset('tiny');
    const bare = { ...d, name: 'bare', genreNames: [], itemGenres: new Uint8Array(0), attributes: undefined };
    await expect(runConversation(tiny({ dataset: 'tiny' }), { dataset: { ...bare, name: 'tiny' } })).rejects.toMatchObject({ code: ErrorCode.DataUnsuitable });
  });
});
