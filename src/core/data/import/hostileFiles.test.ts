import { describe, expect, it } from 'vitest';
import { HOSTILE_CASES } from '../fixtures/hostileFiles';
import { importWithFilter } from './importWithFilter';
import { formatIssue } from './importErrors';

describe('the hostile file suite, through the importer the app and the CLI use', () => {
  it('has at least 30 cases, refused and accepted alike', () => {
    expect(HOSTILE_CASES.length).toBeGreaterThanOrEqual(30);
    expect(HOSTILE_CASES.filter((c) => c.expect.ok).length).toBeGreaterThanOrEqual(10);
  });

  for (const c of HOSTILE_CASES) {
    it(`${c.expect.ok ? 'accepts' : 'refuses'} ${c.name}`, () => {
      const r = importWithFilter(c.files, {});
      const want = c.expect;
      if (want.ok) {
        if (!r.ok) throw new Error(r.errors.map(formatIssue).join('\n'));
        expect({ users: r.report.users, items: r.report.items, kept: r.report.kept }).toEqual({ users: want.users, items: want.items, kept: want.kept });
        if (want.warning) expect(r.report.warnings.join('\n')).toMatch(want.warning);
        else expect(r.report.warnings).toEqual([]);
      } else {
        if (r.ok) throw new Error(`imported: ${JSON.stringify(r.report)}`);
        const first = r.errors[0];
        expect({ code: first.code, file: first.file, line: first.line }).toEqual({ code: want.code, file: want.file, line: want.line });
        expect(first.message.startsWith(want.line === undefined ? `${want.file}` : `${want.file}, line ${want.line}: `)).toBe(true);
        expect(first.message).toMatch(want.message);
      }
    });
  }
});
