// A lab's lesson: a few steps, each a preset of settings to run, the view to watch, a question and the explanation
// revealed once the step's run has finished. Pure data and checks; the lesson panel in src/ui/lessons draws it.
import { parseConfig } from '../experiment/config';
import { referencedFindings } from '../experiment/findings';
import type { Lab } from '../experiment/types';

/**
 * The three ways production recommenders combine objectives, plus the single-objective baseline the story starts
 * from. The start page groups labs by part, in this order.
 */
export const LAB_PARTS = [
  { id: 'basics', title: 'Before combining: one objective', line: 'What a learned recommender gains over popularity, on accuracy alone.' },
  { id: 'joint', title: 'Joint training', line: 'One model trained on several signals at once (a wide memorising part and a deep generalising one; a policy that asks and recommends).' },
  { id: 'weighting', title: 'Weighting', line: 'Several objectives added with weights — by hand or by a rule that reads the data — and what the weights do to “accurate”.' },
  { id: 'reformulation', title: 'Reformulation', line: 'Change what is optimised — the utility, the likelihood, the user model, one representation for every signal source — so the trade-off does not arise.' },
] as const;
export type LabPart = (typeof LAB_PARTS)[number]['id'];

/** Where a lab sits on the start page: its part and its number in the suggested order (1 first). */
export interface LabPlace {
  part: LabPart;
  order: number;
}

/** One step of a lesson. Texts may quote findings ({finding:…}, {sd:…}, {measured:…}); no typed-in measurements. */
export interface LessonStep {
  title: string;
  /** What to do, in a sentence; the step's button applies `settings`. */
  task: string;
  /** Settings over the lab's defaults (and the lesson's `base`): what the step's button applies. */
  settings: Record<string, unknown>;
  /** The view to watch: the `data-testid` of the element the panel scrolls to and highlights, and its name. */
  watch: { target: string; name: string };
  question: string;
  /** Revealed once a run with the step's settings has completed. */
  explanation: string;
}

/** The findings a step quotes (its texts' placeholders): the step offers each one's "re-run in my browser". */
export function stepFindings(s: LessonStep): string[] {
  return [...new Set([s.task, s.question, s.explanation].flatMap(referencedFindings))];
}

export interface LessonPlan {
  /** Settings every step starts from, over the lab's defaults (e.g. the tiny dataset, so steps run in seconds). */
  base: Record<string, unknown>;
  /**
   * What a default run is, for the start page: a template whose {default:<key>} placeholders are the lab's default
   * settings (no measured time is claimed).
   */
  defaultRun: string;
  steps: LessonStep[];
}

/** The full settings a step's button applies: the lab's defaults, the lesson's base, then the step's own. */
export function stepSettings(plan: LessonPlan, index: number): Record<string, unknown> {
  return { ...plan.base, ...plan.steps[index].settings };
}

/**
 * Whether a run's config is the step's: every setting the step (with the lesson base) names has that value,
 * except those in `skip` (settings a classroom link locks, which the step could not change).
 */
export function runMatchesStep(config: Record<string, unknown>, plan: LessonPlan, index: number, skip: ReadonlySet<string> = new Set()): boolean {
  return Object.entries(stepSettings(plan, index)).every(([k, v]) => skip.has(k) || config[k] === v);
}

/** Fills {default:<key>} with the lab's default setting (as the settings form writes it). */
export function fillDefaults(template: string, defaults: Record<string, unknown>): string {
  return template.replace(/\{default:(\w+)\}/g, (_m, key: string) => {
    if (!(key in defaults)) throw new Error(`text quotes {default:${key}}, which is not a setting`);
    return String(defaults[key]);
  });
}

/** Every text of a lesson a learner reads (templates), for the typed-number and findings checks. */
export function lessonTexts(plan: LessonPlan): { where: string; text: string }[] {
  return [
    { where: 'lesson default run', text: plan.defaultRun },
    ...plan.steps.flatMap((s, i) =>
      [s.title, s.task, s.watch.name, s.question, s.explanation].map((text) => ({ where: `lesson step ${i + 1}`, text })),
    ),
  ];
}

/** Everything wrong with a lab's lesson (empty: fine): step count, settings the schema refuses, unknown findings. */
export function lessonProblems(lab: Lab, plan: LessonPlan | undefined): string[] {
  if (!plan) return [`${lab.id} has no lesson`];
  const out: string[] = [];
  if (plan.steps.length < 3 || plan.steps.length > 5) out.push(`${lab.id}: a lesson has 3–5 steps, not ${plan.steps.length}`);
  const findings = new Set((lab.findings ?? []).map((f) => f.id));
  plan.steps.forEach((s, i) => {
    const where = `${lab.id} step ${i + 1}`;
    const parsed = parseConfig(lab, stepSettings(plan, i));
    if (!parsed.ok) out.push(`${where}: ${parsed.issues.map((x) => x.message).join('; ')}`);
    else if (lab.schema.safeParse(parsed.config).success !== true) out.push(`${where}: the schema refuses the step's config`);
    for (const t of [s.title, s.task, s.watch.target, s.watch.name, s.question, s.explanation]) if (!t.trim()) out.push(`${where}: an empty text`);
    for (const f of stepFindings(s)) if (!findings.has(f)) out.push(`${where}: finding ${f} is not the lab's`);
  });
  try {
    fillDefaults(plan.defaultRun, lab.defaults as Record<string, unknown>);
  } catch (e) {
    out.push(`${lab.id}: ${(e as Error).message}`);
  }
  return out;
}
