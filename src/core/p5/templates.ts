// P5's prompt templates for the lab: a few phrasings per task family, some held out to test unseen wording.

/** The task families of the lab's P5 (Geng et al., RecSys 2022, §3; explanation and review are left out). */
export type P5Family = 'rating' | 'sequential' | 'direct-yesno' | 'direct-choose';

export const P5_FAMILIES: readonly P5Family[] = ['rating', 'sequential', 'direct-yesno', 'direct-choose'];

/**
 * One prompt template. `text` is space-separated words and slots: `{user}`, `{item}` (one item),
 * `{history}` (a list of items) and `{candidates}` (a list of items). `heldOut` templates are never trained
 * on: they measure whether the model follows an unseen phrasing of a known task.
 */
export interface P5Template {
  id: string;
  family: P5Family;
  split: 'seen' | 'heldOut';
  text: string;
}

/** The slots a template may contain. */
export const SLOTS = ['{user}', '{item}', '{history}', '{candidates}'] as const;
export type Slot = (typeof SLOTS)[number];

/** All templates: 4 per family, the last of each held out (as the official code holds out one per family). */
export const P5_TEMPLATES: readonly P5Template[] = [
  { id: 'rating-1', family: 'rating', split: 'seen', text: 'what rating will {user} give {item} ?' },
  { id: 'rating-2', family: 'rating', split: 'seen', text: 'predict the rating of {user} for {item}' },
  { id: 'rating-3', family: 'rating', split: 'seen', text: 'how many stars does {user} give to {item} ?' },
  { id: 'rating-4', family: 'rating', split: 'heldOut', text: '{item} : what score from {user} ?' },
  { id: 'sequential-1', family: 'sequential', split: 'seen', text: '{user} has watched {history} . what is the next item ?' },
  { id: 'sequential-2', family: 'sequential', split: 'seen', text: 'given the history {history} of {user} , predict the next item' },
  { id: 'sequential-3', family: 'sequential', split: 'seen', text: 'history of {user} : {history} . next ?' },
  { id: 'sequential-4', family: 'sequential', split: 'heldOut', text: 'after {history} , which item will {user} watch next ?' },
  { id: 'yesno-1', family: 'direct-yesno', split: 'seen', text: 'will {user} like {item} ?' },
  { id: 'yesno-2', family: 'direct-yesno', split: 'seen', text: 'should we recommend {item} to {user} ?' },
  { id: 'yesno-3', family: 'direct-yesno', split: 'seen', text: 'is {item} a good item for {user} ?' },
  { id: 'yesno-4', family: 'direct-yesno', split: 'heldOut', text: 'does {user} like {item} ? yes or no' },
  { id: 'choose-1', family: 'direct-choose', split: 'seen', text: 'choose the best item for {user} from {candidates}' },
  { id: 'choose-2', family: 'direct-choose', split: 'seen', text: 'which of {candidates} should we recommend to {user} ?' },
  { id: 'choose-3', family: 'direct-choose', split: 'seen', text: 'pick one item for {user} : {candidates}' },
  { id: 'choose-4', family: 'direct-choose', split: 'heldOut', text: 'from {candidates} , what will {user} like ?' },
];

/** The templates of one family, optionally only the seen or only the held-out ones. */
export function templatesOf(family: P5Family, split?: 'seen' | 'heldOut'): P5Template[] {
  return P5_TEMPLATES.filter((t) => t.family === family && (split === undefined || t.split === split));
}

/** The template with this id (throws for an unknown id). */
export function templateById(id: string): P5Template {
  const t = P5_TEMPLATES.find((x) => x.id === id);
  if (!t) throw new RangeError(`no P5 template "${id}"`);
  return t;
}

function isSlot(w: string): w is Slot {
  return (SLOTS as readonly string[]).includes(w);
}

/** Every word the templates use (slots excluded), sorted: the word part of the vocabulary. */
export const TEMPLATE_WORDS: readonly string[] = [
  ...new Set(P5_TEMPLATES.flatMap((t) => t.text.split(' ').filter((w) => !isSlot(w)))),
].sort();

/** What fills a template's slots: each item already rendered as its tokens (one atomic token, or digits). */
export interface SlotValues {
  user: string;
  item?: string[];
  history?: string[][];
  candidates?: string[][];
}

/** Separator between the items of a list (history, candidates), so multi-digit ids stay apart. */
export const LIST_SEPARATOR = '<sep>';

/**
 * The prompt's tokens: template words with the slots filled; list items are separated by {@link LIST_SEPARATOR}
 * unless `separate` is false — atomic item tokens need no separator, and leaving it out halves a 100-candidate prompt.
 */
export function renderTemplate(t: P5Template, values: SlotValues, separate = true): string[] {
  const out: string[] = [];
  const list = (items: string[][] | undefined, slot: string) => {
    if (!items) throw new RangeError(`template ${t.id} needs ${slot}`);
    items.forEach((toks, k) => {
      if (k > 0 && separate) out.push(LIST_SEPARATOR);
      out.push(...toks);
    });
  };
  for (const w of t.text.split(' ')) {
    if (w === '{user}') out.push(values.user);
    else if (w === '{item}') {
      if (!values.item) throw new RangeError(`template ${t.id} needs {item}`);
      out.push(...values.item);
    } else if (w === '{history}') list(values.history, w);
    else if (w === '{candidates}') list(values.candidates, w);
    else out.push(w);
  }
  return out;
}
