// Mirrors the serialisable config (lab, backend, every lab setting) to and from the URL query string, and reads
// the embed mode (`?embed=<lab>` or `embed=1&lab=<lab>`: one lab without the app's chrome).
import { configFromText, configToText } from '../core/experiment/config';
import { showText, showValue } from '../core/showText';
import { findLab, LABS } from '../core/labs/registry';
import { BACKENDS, type BackendChoice } from '../core/tf/backendNames';
import { ErrorCode } from '../core/errors';
import { CLASSROOM_KEYS } from './lessonUrl';

export interface UrlState {
  labId: string;
  backend: BackendChoice;
  config: Record<string, unknown>;
  /** Embed mode: the lab's controls and charts only, without header, navigation and about (for an iframe). */
  embed: boolean;
  /** One message per bad parameter, naming it; shown to the person. */
  notices: string[];
}

const BACKEND_CHOICES: readonly string[] = ['auto', ...BACKENDS];

/**
 * Reads the query string. Nothing here throws: bad values get a notice and their default. URLSearchParams
 * never throws on malformed percent-encoding ('%', '%ZZ', a cut-off '%E0%A4%A'): it keeps such text as it is
 * or as U+FFFD, and the value is then refused like any other. Notices show long values cut (`showValue`); a
 * repeated parameter is judged on its last value only, so each key gets at most one notice.
 */
export function readUrl(search: string): UrlState {
  const params = new URLSearchParams(search);
  const notices: string[] = [];
  /** Keys a notice already names (a repeated one of these needs no second notice). */
  const named = new Set<string>();
  // A key given more than once: the last one wins for every key (lab and backend as every setting).
  const last = (key: string) => params.getAll(key).at(-1) ?? null;
  let lab = LABS[0];
  // `embed=1` (or true) embeds the lab `lab=` names; `embed=<lab id>` embeds that lab; 0/false is the whole app.
  const embedParam = last('embed');
  const embedLab = embedParam === null ? undefined : findLab(embedParam);
  const embed = embedLab !== undefined || embedParam === '1' || embedParam === 'true';
  if (embedParam !== null && !embed && embedParam !== '0' && embedParam !== 'false') {
    named.add('embed');
    notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter 'embed' = ${showValue(embedParam)} is neither a lab (${LABS.map((l) => l.id).join(', ')}) nor 1; showing the whole app.`);
  }
  const labParam = embedLab ? embedLab.id : last('lab');
  const labGiven = last('lab');
  if (embedLab && labGiven !== null && labGiven !== embedLab.id) {
    named.add('lab');
    notices.push(`${ErrorCode.InvalidConfigValue}: URL parameters 'embed' and 'lab' name different labs (${showValue(embedLab.id)}, ${showValue(labGiven)}); opened ${showValue(embedLab.id)}.`);
  }
  if (labParam !== null) {
    const found = findLab(labParam);
    if (found) lab = found;
    else {
      named.add('lab');
      notices.push(`${ErrorCode.UnknownLab}: URL parameter 'lab' = ${showValue(labParam)} is not a lab (labs: ${LABS.map((l) => l.id).join(', ')}); opened '${lab.id}'.`);
    }
  }
  let backend: BackendChoice = 'auto';
  const backendParam = last('backend');
  if (backendParam !== null) {
    if (BACKEND_CHOICES.includes(backendParam)) backend = backendParam as BackendChoice;
    else {
      named.add('backend');
      notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter 'backend' = ${showValue(backendParam)} is not one of ${BACKEND_CHOICES.join(', ')}; using auto.`);
    }
  }
  // The start page and classroom keys (lesson, lock, hide) are read, and judged, by readClassroomUrl; embed by the embed reader.
  const classroom: readonly string[] = CLASSROOM_KEYS;
  const rest = [...params.entries()].filter(([k]) => k !== 'lab' && k !== 'backend' && k !== 'embed' && !classroom.includes(k));
  const { config, issues, unknownKeys } = configFromText(lab, rest);
  for (const i of issues) {
    named.add(i.key);
    notices.push(`${i.code}: URL parameter ${i.message}.`);
  }
  for (const k of unknownKeys) {
    named.add(k);
    notices.push(`${ErrorCode.UnknownUrlParameter}: URL parameter '${showText(k)}' is not a setting of '${lab.id}' and was ignored.`);
  }
  // Given more than once with different values, and not already named for another reason: say which one counts.
  for (const key of new Set(params.keys())) {
    const all = params.getAll(key);
    if (new Set(all).size > 1 && !named.has(key) && !classroom.includes(key)) {
      notices.push(`${ErrorCode.InvalidConfigValue}: URL parameter '${showText(key)}' is given ${all.length} times with different values; using the last, ${showValue(last(key))}.`);
    }
  }
  return { labId: lab.id, backend, config, embed, notices };
}

/** The query string for a state: a link that reproduces the lab, dataset, seed and every setting (and embed mode). */
export function writeUrl(labId: string, backend: BackendChoice, config: Record<string, unknown>, embed = false): string {
  const lab = findLab(labId) ?? LABS[0];
  const params = new URLSearchParams([['lab', lab.id], ...(embed ? [['embed', '1']] : []), ...configToText(lab, config)]);
  if (backend !== 'auto') params.set('backend', backend);
  return `?${params.toString()}`;
}
