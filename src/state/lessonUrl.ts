// The start page and classroom keys of the URL: `lesson=<step>` opens the lab's lesson at that step (1 = the first),
// `lock=<k1,k2>` shows settings but refuses changes, `hide=<k1,k2>` leaves them out of the form (`backend` names the
// backend picker). A URL with no `lab` and nothing but `backend` opens the start page. Nothing here throws: a bad
// value gets one notice naming it and is ignored.
import { ErrorCode } from '../core/errors';
import { describeSettings } from '../core/experiment/settings';
import { findLab, LABS } from '../core/labs/registry';
import { showText, showValue } from '../core/showText';

/** The URL keys this file reads; `readUrl` leaves them to it. */
export const CLASSROOM_KEYS = ['lesson', 'lock', 'hide'] as const;

/** The pseudo-setting a classroom link may lock or hide besides the lab's settings: the backend picker. */
export const BACKEND_KEY = 'backend';

export interface ClassroomUrl {
  view: 'start' | 'lab';
  /** The lesson step to open (0-based), or null: the lesson stays closed. */
  lessonStep: number | null;
  lock: string[];
  hide: string[];
  notices: string[];
}

/** At most this many names in one lock/hide list (a lab has a few dozen settings; more is not a real link). */
const MAX_NAMES = 64;

/** The settings of `labId` a link may lock or hide: those the generic form draws, and the backend picker. */
export function lockableKeys(labId: string): string[] {
  const lab = findLab(labId) ?? LABS[0];
  return [...describeSettings(lab).filter((s) => !s.panel).map((s) => s.key), BACKEND_KEY];
}

/** Reads the classroom keys for the lab the URL opened (`labId`, already judged by `readUrl`). */
export function readClassroomUrl(search: string, labId: string): ClassroomUrl {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  const last = (key: string) => params.getAll(key).at(-1) ?? null;
  const lab = findLab(labId) ?? LABS[0];
  const view = !params.has('lab') && [...params.keys()].every((k) => k === 'backend') ? 'start' : 'lab';
  // A key given more than once: the last one counts, as for every other key, and the notice says so.
  for (const key of CLASSROOM_KEYS) {
    const all = params.getAll(key);
    if (new Set(all).size > 1) notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter '${key}' is given ${all.length} times with different values; using the last, ${showValue(last(key))}.`);
  }

  let lessonStep: number | null = null;
  const lessonParam = last('lesson');
  if (lessonParam !== null) {
    const steps = lab.lessonPlan?.steps.length ?? 0;
    const n = /^\d{1,3}$/.test(lessonParam) ? Number(lessonParam) : NaN;
    if (steps === 0) notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter 'lesson': '${lab.id}' has no lesson; ignored.`);
    else if (n >= 1 && n <= steps) lessonStep = n - 1;
    else {
      lessonStep = 0;
      notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter 'lesson' = ${showValue(lessonParam)} is not a step of this lab’s lesson (1–${steps}); opened step 1.`);
    }
  }

  const allowed = new Set(lockableKeys(lab.id));
  const panelKeys = new Set(describeSettings(lab).filter((s) => s.panel).map((s) => s.key));
  const names = (key: 'lock' | 'hide'): string[] => {
    const raw = last(key);
    if (raw === null) return [];
    const parts = raw.split(',').map((p) => p.trim()).filter((p) => p !== '');
    if (parts.length > MAX_NAMES) {
      notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter '${key}' names ${parts.length} settings (at most ${MAX_NAMES}); ignored.`);
      return [];
    }
    const good = [...new Set(parts.filter((p) => allowed.has(p)))];
    const panel = parts.filter((p) => panelKeys.has(p));
    const bad = parts.filter((p) => !allowed.has(p) && !panelKeys.has(p));
    if (panel.length) notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter '${key}': ${panel.map((p) => `'${p}'`).join(', ')} ${panel.length === 1 ? 'is' : 'are'} drawn by the lab’s own panel, which a link cannot ${key} yet; ignored.`);
    if (bad.length) notices.push(`${ErrorCode.UnknownUrlParameter}: URL parameter '${key}' names ${bad.slice(0, 5).map((p) => showValue(p)).join(', ')}${bad.length > 5 ? ` and ${bad.length - 5} more` : ''}: not ${bad.length === 1 ? 'a setting' : 'settings'} of '${showText(lab.id)}' (nor 'backend'); ignored.`);
    return good;
  };
  const lock = names('lock');
  const hide = names('hide');
  return { view, lessonStep, lock, hide, notices };
}

/** The classroom part of a link: what `readClassroomUrl` reads back (nothing for defaults: closed, none locked). */
export function classroomParams(c: { lessonStep: number | null; lock: readonly string[]; hide: readonly string[] }): [string, string][] {
  const out: [string, string][] = [];
  if (c.lessonStep !== null) out.push(['lesson', String(c.lessonStep + 1)]);
  if (c.lock.length) out.push(['lock', c.lock.join(',')]);
  if (c.hide.length) out.push(['hide', c.hide.join(',')]);
  return out;
}

/** Appends the classroom keys to a query string from `writeUrl` (`?lab=…`). */
export function withClassroom(search: string, c: { lessonStep: number | null; lock: readonly string[]; hide: readonly string[] }): string {
  // Names are setting keys (no commas of their own): the lists keep their commas readable in the link.
  const extra = new URLSearchParams(classroomParams(c)).toString().replace(/%2C/g, ',');
  if (!extra) return search;
  return search.startsWith('?') && search.length > 1 ? `${search}&${extra}` : `?${extra}`;
}
