// The start page and classroom keys of the URL: read back what is written, and a bad value is named, never thrown.
import { describe, expect, it } from 'vitest';
import { classroomParams, lockableKeys, readClassroomUrl, withClassroom } from './lessonUrl';
import { readUrl } from './url';

describe('the start page and classroom keys', () => {
  it('opens the start page when the URL names no lab and carries nothing but a backend', () => {
    expect(readClassroomUrl('', 'pop-vs-mf').view).toBe('start');
    expect(readClassroomUrl('?backend=wasm', 'pop-vs-mf').view).toBe('start');
    // Old links that carry settings without a lab still open the first lab, as before.
    expect(readClassroomUrl('?dataset=tiny', 'pop-vs-mf').view).toBe('lab');
    expect(readClassroomUrl('?lab=weighting', 'weighting').view).toBe('lab');
  });

  it('reads a lesson step (1 = the first), locked and hidden settings, and the backend picker', () => {
    const c = readClassroomUrl('?lab=pop-vs-mf&lesson=3&lock=dataset,epochs&hide=seed,backend', 'pop-vs-mf');
    expect(c).toEqual({ view: 'lab', lessonStep: 2, lock: ['dataset', 'epochs'], hide: ['seed', 'backend'], notices: [] });
  });

  it('round-trips what it writes', () => {
    const c = { lessonStep: 1, lock: ['l2'], hide: ['backend', 'seed'] };
    const search = withClassroom('?lab=pop-vs-mf', c);
    expect(search).toBe('?lab=pop-vs-mf&lesson=2&lock=l2&hide=backend,seed');
    expect(readClassroomUrl(search, 'pop-vs-mf')).toMatchObject({ ...c, notices: [] });
    expect(classroomParams({ lessonStep: null, lock: [], hide: [] })).toEqual([]);
  });

  it('leaves its keys to itself: readUrl does not call them unknown settings', () => {
    expect(readUrl('?lab=pop-vs-mf&lesson=2&lock=l2&hide=backend').notices).toEqual([]);
  });

  it.each([
    ['lesson=0', "'lesson' = \"0\" is not a step"],
    ['lesson=99', "'lesson' = \"99\" is not a step"],
    ['lesson=abc', "'lesson' = \"abc\""],
    ['lesson=-1', "'lesson' = \"-1\""],
    ['lesson=1e3', "'lesson' = \"1e3\""],
    ['lock=nope', "'lock' names \"nope\""],
    ['hide=constructor,__proto__', "'hide' names \"constructor\", \"__proto__\""],
    ['lock=wDiversity', "'wDiversity' is drawn by the lab’s own panel"],
    ['lesson=1&lesson=2', "'lesson' is given 2 times"],
  ])('names a bad value (%s) in one notice and goes on', (query, text) => {
    const labId = query.includes('wDiversity') ? 'weighting' : 'pop-vs-mf';
    const c = readClassroomUrl(`?lab=${labId}&${query}`, labId);
    expect(c.notices).toHaveLength(1);
    expect(c.notices[0]).toContain(text);
    expect(c.lock.concat(c.hide).every((k) => lockableKeys(labId).includes(k))).toBe(true);
  });

  it('opens step 1 for a step out of range, and ignores a lock list that is far too long', () => {
    expect(readClassroomUrl('?lab=pop-vs-mf&lesson=99', 'pop-vs-mf').lessonStep).toBe(0);
    const long = readClassroomUrl(`?lab=pop-vs-mf&lock=${Array(100).fill('seed').join(',')}`, 'pop-vs-mf');
    expect(long.lock).toEqual([]);
    expect(long.notices[0]).toContain('at most 64');
  });
});
