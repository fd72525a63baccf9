// The hostile file suite through the Data panel: each file refused naming its file and line (the dataset in
// use kept) or accepted with the right counts, never a page error; and a multi-MB import that parses in the
// import worker while the page's own timers keep running.
import { expect, test, type Page } from '@playwright/test';
import { HOSTILE_CASES } from '../src/core/data/fixtures/hostileFiles';
import { bigRatingsCsv, openLab } from './helpers';

type Lab = { store: { getState(): any; setState(s: object): void; subscribe(f: (s: any) => void): () => void } };

/** The import's outcome once it is over: the errors' text or the report, and the imported dataset's size. */
async function importOutcome(page: Page) {
  await page.waitForFunction(() => {
    const s = (window as unknown as { __objectiveLab: Lab }).__objectiveLab.store.getState();
    return !s.importing && (s.importErrors !== null || s.importReport !== null);
  });
  return page.evaluate(() => {
    const s = (window as unknown as { __objectiveLab: Lab }).__objectiveLab.store.getState();
    const d = s.datasets.imported;
    return { dataset: s.configs[s.labId].dataset as string, importedUsers: d ? (d.userIds.length as number) : null };
  });
}

test('every hostile file is refused with file and line, or accepted with the right counts; the dataset in use stays', async ({ page }) => {
  test.setTimeout(240_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openLab(page, '/?dataset=tiny');
  await expect(page.getByTestId('data-stats')).toBeVisible();
  let lastAccepted: number | null = null;
  for (const c of HOSTILE_CASES) {
    await test.step(c.name, async () => {
      await page.evaluate(() => (window as unknown as { __objectiveLab: Lab }).__objectiveLab.store.setState({ importErrors: null, importReport: null }));
      await page.getByTestId('file-input').setInputFiles(c.files.map((f) => ({ name: f.name, mimeType: 'text/plain', buffer: Buffer.from(f.bytes) })));
      const out = await importOutcome(page);
      const want = c.expect;
      if (want.ok) {
        const report = page.getByTestId('import-report');
        await expect(report).toContainText(`${want.users} users, ${want.items} items, ${want.kept} interactions kept`);
        if (want.warning) await expect(report).toContainText(want.warning);
        expect(out).toEqual({ dataset: 'imported', importedUsers: want.users });
        lastAccepted = want.users;
      } else {
        const errors = page.getByTestId('import-errors');
        await expect(errors).toContainText('the current dataset stays in use');
        const first = (await errors.locator('li').first().textContent()) ?? '';
        expect(first.startsWith(`${want.code} ${want.file}${want.line === undefined ? '' : `, line ${want.line}:`}`), first).toBe(true);
        expect(first).toMatch(want.message);
        // Refused: the dataset in use (tiny at first, then the last accepted import) is untouched.
        expect(out).toEqual(lastAccepted === null ? { dataset: 'tiny', importedUsers: null } : { dataset: 'imported', importedUsers: lastAccepted });
      }
    });
  }
  expect(pageErrors).toEqual([]);
});

test('a multi-MB file parses in the import worker: progress arrives, the page keeps ticking, the old dataset stays until the new one is accepted', async ({ page }) => {
  const pageErrors: string[] = [];
  page.on('pageerror', (e) => pageErrors.push(e.message));
  await openLab(page, '/?dataset=tiny');
  await expect(page.getByTestId('data-stats')).toBeVisible();
  const buffer = bigRatingsCsv();
  expect(buffer.length).toBeGreaterThan(15e6);
  await page.evaluate(() => {
    const w = window as unknown as { __objectiveLab: Lab; __log: { kind: string; phase?: string; dataset?: string }[] };
    w.__log = [];
    // A main-thread timer: its ticks interleave with the import's progress only if the parse is off this thread.
    setInterval(() => w.__log.push({ kind: 'tick' }), 5);
    let last = '';
    w.__objectiveLab.store.subscribe((s) => {
      const p = s.importProgress;
      const key = p ? `${p.phase}:${p.fraction}` : '';
      if (p && key !== last) w.__log.push({ kind: 'progress', phase: p.phase, dataset: s.configs[s.labId].dataset });
      last = key;
    });
  });
  await page.getByTestId('file-input').setInputFiles([{ name: 'big.csv', mimeType: 'text/csv', buffer }]);
  await expect(page.getByTestId('import-report')).toContainText('Imported generic', { timeout: 90_000 });
  const log = await page.evaluate(() => (window as unknown as { __log: { kind: string; phase?: string; dataset?: string }[] }).__log);
  const parse = log.map((e, k) => [e, k] as const).filter(([e]) => e.kind === 'progress' && e.phase === 'parse');
  expect(parse.length).toBeGreaterThanOrEqual(3); // several parse fractions reached the page
  const [firstParse, lastParse] = [parse[0][1], parse.at(-1)![1]];
  const ticksDuringParse = log.slice(firstParse, lastParse).filter((e) => e.kind === 'tick').length;
  expect(ticksDuringParse).toBeGreaterThan(0); // the page's timer ran while the file was being parsed
  // Until the new dataset was accepted the lab kept the one in use.
  expect(log.filter((e) => e.kind === 'progress').every((e) => e.dataset === 'tiny')).toBe(true);
  await expect(page.locator('select[name="dataset"]')).toHaveValue('imported');
  expect(pageErrors).toEqual([]);
});
