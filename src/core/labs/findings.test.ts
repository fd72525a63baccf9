// Claims as code: the headline findings hold in their fast variant, and lesson texts quote numbers only from the
// findings file (src/core/labs/findings.json, written by `npm run findings`).
import { beforeAll, describe, expect, it } from 'vitest';
import { containsPhrase, referencedFindings, unallowedNumbers, NOT_MEASURED } from '../experiment/findings';
import { describeSettings } from '../experiment/settings';
import { lessonTexts } from '../lessons/lessonPlan';
import { measureFindings } from '../experiment/findingsRunner';
import { useWasm } from '../testing/tfSetup';
import { FINDINGS_RECORD } from './findingsRecord';
import { getLab, LABS } from './registry';
import { METHOD_INFO } from './weighting/methods';

beforeAll(useWasm);

/** The claims issue 12 says must be backed, each with a fast variant run here. */
// weighting.conflict-step is not here: it holds by construction (a check of the definitions, not a result).
const HEADLINE = ['consumption.u2-c2', 'consumption.u3-c3', 'weighting.noisy-weight-dvao', 'weighting.saturated-off', 'mult-vae.mult-logistic', 'wide-deep.exceptions', 'conversation.asking-helps', 'kgat.bprmf', 'p5.choose'];

/**
 * Decimals, percentages and compared integers a lab's texts may hold without a finding — settings, protocols and
 * paper constants, never measurements — as exact phrases: the number with the words around it, so that a
 * setting's "0.3" in one sentence cannot hide a measured 0.3 in another. Each phrase says why it is allowed.
 */
const ALLOWED: Record<string, Record<string, string>> = {
  weighting: {
    '20% of each user’s training items': 'the share of training items held out as the relevance targets (a setting)',
    'noise 0.3': 'the noisy preset’s noise level (a setting)',
    '(0.5 / 0.5, diversity 0)': 'the conflicting preset’s weights (a setting)',
    'fixed weights 0.6 / 0.3 / 0.1': 'the default weights (a setting)',
    'more than 60% of the loss': 'the share 0.6 of the weights, what the fixed weights would mean if losses had one scale (a setting)',
    'α = 1.5': 'GradNorm’s asymmetry α (a setting of the method)',
    'not 0.6 (': 'the relevance weight the share is compared with (a setting)',
  },
  'pop-vs-mf': { '20% of each user’s clicks': 'the share of each user’s clicks held out for scoring (the protocol)' },
  consumption: {
    'α/(α−1) = 1.5': 'the theory value α/(α−1) for α = 3 (a formula, not a measurement)',
    'one dominant taste (0.7), two tastes (0.45 each)': 'the taste presets’ probabilities (settings)',
    'a random 20% of each user’s items': 'the share held out by the random protocol (a setting of the protocol)',
    "a random 20% ('random'), the latest 20% by time": 'the shares held out by the random and temporal protocols (settings)',
    'a random 20%)': 'the random protocol named in a what-to-try text (a setting)',
    'At w = 0.3': 'the MMR weight the sweep findings read (a setting)',
  },
  'mult-vae': {
    '20% (rounded down) are ranked': 'the share of a held-out user’s clicks that is ranked (the protocol)',
    '80% fed in': 'the share fed in (the protocol)',
    'λ = 0.01 / batch': 'λ = 0.01 / batch size, the reference code’s weight decay (a setting)',
    '(the paper: 0.001)': 'Adam’s step size in the paper (a paper setting)',
    '(the paper: 0.5)': 'the input dropout in the paper (a paper setting)',
    'the paper finds NDCG peaks near 0.2': 'the paper’s reported best β cap (quoted from the paper, ML-20M)',
    'the paper’s peak came near β = 0.2': 'the same paper constant, in the what-to-try text',
    'β would grow from 0 to 1': 'the range of the annealing schedule (a setting)',
  },
  'wide-deep': {
    'offline AUC 0.726 wide, 0.722 deep and 0.728 joint': 'the paper’s reported offline AUCs (quoted from the paper, app-store data; not measured here)',
    'popularity^0.5 without repeats': 'the exposure exponent of the synthetic impressions (a setting of the click task)',
    '0.5 = chance, 1 = perfect': 'what AUC values mean (a definition, not a measurement)',
  },
  conversation: {
    'SR@15 0.535 and AT 11.82 on LastFM': 'the paper’s reported figures (quoted from the paper, LastFM; not measured here)',
    '(UNICORN: 0.999;': 'the paper’s discount (a setting’s default, quoted from the paper)',
    'from 1 to 0.05 over': 'the exploration schedule’s end points (settings of the training loop)',
    'a discount of 0.9 instead of 0.999': 'the two discounts the gamma finding compares (settings)',
    'at 0.999 a success now': 'the paper’s discount (a setting)',
    'Set the discount to 0.9': 'a setting the reader is asked to try',
  },
  kgat: {
    'Recall@20 0.1489 and NDCG@20 0.1006 (its own NDCG) on Amazon-book': 'the paper’s reported figures (quoted from the paper, Amazon-book; not measured here)',
    '(the official 0.1)': 'the official code’s message dropout (a setting’s default)',
    'interactions kept to 0.2 (the step does it': 'the sparse world’s share of training interactions (a setting the step applies)',
  },
  p5: { '(T5’s 0.1)': 'T5’s dropout rate, the setting’s default (a paper setting)' },
};

type LabDef = (typeof LABS)[number];

/**
 * What learners read of a lab, by where it is shown: title, tagline, about and what-to-try (as templates), every
 * setting's help and choice names, chart titles, axes and series, and the texts a lab's panel shows from core.
 */
function shownTexts(lab: LabDef): { where: string; text: string }[] {
  const out = [
    { where: 'title', text: lab.title },
    { where: 'tagline', text: lab.tagline },
    ...texts(lab).map((text, i) => ({ where: i === 0 ? 'about' : `what to try ${i}`, text })),
    ...describeSettings(lab).flatMap((s) => [
      { where: `setting ${s.key}`, text: s.help },
      { where: `setting ${s.key}`, text: s.label },
      ...(s.kind === 'choice' ? s.choices.map((c) => ({ where: `setting ${s.key}`, text: c.label })) : []),
    ]),
    // The lesson's steps: titles, tasks, what to watch, questions and explanations (as templates).
    ...(lab.lessonPlan ? lessonTexts(lab.lessonPlan) : []),
    ...lab.charts.flatMap((c) => [c.title, c.xLabel, c.yLabel, c.unit ?? '', ...c.series.map((x) => x.label)].map((text) => ({ where: `chart ${c.id}`, text }))),
  ];
  // The weighting panel's method card: its name, what it does, what its applied-weights chart shows.
  if (lab.id === 'weighting') out.push(...Object.entries(METHOD_INFO).flatMap(([id, m]) => [m.name, m.line, m.applied].map((text) => ({ where: `method ${id}`, text }))));
  return out;
}

const templates = (lab: LabDef) => lab.lessonTemplates ?? { about: lab.about, whatToTry: lab.whatToTry };
const texts = (lab: LabDef) => [templates(lab).about, ...templates(lab).whatToTry];
/** Every text that may quote a finding: about, what to try and the lesson's steps. */
const quotingTexts = (lab: LabDef) => [...texts(lab), ...(lab.lessonPlan ? lessonTexts(lab.lessonPlan).map((t) => t.text) : [])];

describe('texts learners read quote measured numbers only from the findings file', () => {
  it.each(LABS.map((l) => [l.id, l] as const))('%s: no decimal, percentage or compared integer is typed in outside an allowed phrase', (id, lab) => {
    const phrases = Object.keys(ALLOWED[id] ?? {});
    const typed = shownTexts(lab).flatMap(({ where, text }) => unallowedNumbers(text, phrases).map((n) => `${n} in ${where}: “${text.slice(0, 60)}…”`));
    expect(typed).toEqual([]);
  });

  it('every allowed phrase holds a typed number and is still used (the list does not rot)', () => {
    for (const [id, allowed] of Object.entries(ALLOWED)) {
      const shown = shownTexts(getLab(id)).map((s) => s.text);
      expect(Object.keys(allowed).filter((p) => unallowedNumbers(p, []).length === 0), `${id}: phrases without a number`).toEqual([]);
      expect(Object.keys(allowed).filter((p) => !shown.some((t) => containsPhrase(t, p))), `${id}: phrases no text uses`).toEqual([]);
    }
  });

  it.each(LABS.map((l) => [l.id, l] as const))('%s: every quoted finding is declared by the lab and measured in the file', (_id, lab) => {
    const declared = new Set((lab.findings ?? []).map((f) => f.id));
    for (const ref of quotingTexts(lab).flatMap(referencedFindings)) {
      expect(declared.has(ref), `${ref} is declared`).toBe(true);
      expect(FINDINGS_RECORD.findings[ref], `${ref} is in findings.json`).toBeDefined();
    }
    expect([lab.about, ...lab.whatToTry].filter((t) => t.includes(NOT_MEASURED))).toEqual([]);
  });

  it('a text quotes a finding only if its expected relation held when measured', () => {
    const quoted = LABS.flatMap((l) => quotingTexts(l).flatMap(referencedFindings));
    expect([...new Set(quoted)].filter((id) => FINDINGS_RECORD.findings[id] && !FINDINGS_RECORD.findings[id].held)).toEqual([]);
  });
});

describe('the headline findings hold in their fast variant (tiny data, few epochs; directions only)', () => {
  const all = LABS.flatMap((l) => l.findings ?? []);

  it('every headline finding is declared with a fast variant', () => {
    expect(HEADLINE.filter((id) => !all.find((f) => f.id === id)?.quick)).toEqual([]);
  });

  it('each fast finding’s expected relation holds on every seed', async () => {
    const measured = await measureFindings(all, getLab, { quick: true, backend: 'wasm', date: '', commit: '' });
    expect(measured.map((m) => m.id)).toEqual(expect.arrayContaining(HEADLINE));
    expect(measured.filter((m) => !m.heldPerSeed.every(Boolean)).map((m) => `${m.id}: ${JSON.stringify(Object.fromEntries(Object.entries(m.values).map(([k, v]) => [k, v.perSeed])))}`)).toEqual([]);
  }, 120_000);
});
