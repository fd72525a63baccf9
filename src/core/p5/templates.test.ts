// Template coverage: every family has several phrasings, one held out, and the slots its task needs.
import { describe, expect, it } from 'vitest';
import { P5_FAMILIES, P5_TEMPLATES, renderTemplate, templateById, templatesOf } from './templates';
import { Vocab } from './vocab';

const NEEDS = {
  rating: ['{user}', '{item}'],
  sequential: ['{user}', '{history}'],
  'direct-yesno': ['{user}', '{item}'],
  'direct-choose': ['{user}', '{candidates}'],
} as const;

describe('P5 templates', () => {
  it('give every family 3 to 5 templates, at least one of them held out', () => {
    for (const f of P5_FAMILIES) {
      expect(templatesOf(f).length).toBeGreaterThanOrEqual(3);
      expect(templatesOf(f).length).toBeLessThanOrEqual(5);
      expect(templatesOf(f, 'heldOut').length).toBeGreaterThanOrEqual(1);
      expect(templatesOf(f, 'seen').length).toBeGreaterThanOrEqual(2);
    }
  });

  it('have unique ids and texts, and each has exactly the slots its family needs', () => {
    expect(new Set(P5_TEMPLATES.map((t) => t.id)).size).toBe(P5_TEMPLATES.length);
    expect(new Set(P5_TEMPLATES.map((t) => t.text)).size).toBe(P5_TEMPLATES.length);
    for (const t of P5_TEMPLATES) {
      const slots = t.text.split(' ').filter((w) => w.startsWith('{'));
      expect([...slots].sort()).toEqual([...NEEDS[t.family]].sort());
    }
  });

  it('render to words all in the vocabulary (no <unk>)', () => {
    const v = new Vocab(1, 3);
    for (const t of P5_TEMPLATES) {
      const tokens = renderTemplate(t, { user: '<user_0>', item: ['<item_0>'], history: [['<item_1>'], ['<item_2>']], candidates: [['<item_0>'], ['<item_2>']] });
      expect(v.decode(v.encode(tokens))).toEqual(tokens);
    }
  });

  it('separate list items with <sep>, so digit ids stay apart', () => {
    const tokens = renderTemplate(templateById('sequential-3'), { user: '<user_0>', history: [['1', '2'], ['3']] });
    expect(tokens.join(' ')).toBe('history of <user_0> : 1 2 <sep> 3 . next ?');
  });

  it('leave the separator out when told (atomic tokens need none)', () => {
    const tokens = renderTemplate(templateById('sequential-3'), { user: '<user_0>', history: [['<item_4>'], ['<item_2>']] }, false);
    expect(tokens.join(' ')).toBe('history of <user_0> : <item_4> <item_2> . next ?');
  });

  it('refuse to render a template whose slot is missing', () => {
    expect(() => renderTemplate(templateById('yesno-1'), { user: '<user_0>' })).toThrow(/\{item\}/);
  });
});
