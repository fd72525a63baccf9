import { describe, expect, it } from 'vitest';
import type { RunClient } from './runSlice';
import { createLabStore } from './store';

const enc = (s: string) => new TextEncoder().encode(s);
const client = new Proxy({}, { get: () => () => 'r1' }) as RunClient;
const store = () => createLabStore(() => client);
const CSV = 'user,item\na,x\na,y\nb,x\n';

describe('the data slice', () => {
  it('reports each import phase, and switches to the new data only once it is accepted', async () => {
    const s = store();
    await s.getState().importFiles([{ name: 'first.csv', bytes: enc(CSV) }]);
    const before = s.getState().datasets.imported;
    const seen: { phase: string; sameData: boolean; dataset: unknown }[] = [];
    const stop = s.subscribe((x) => {
      if (x.importProgress) seen.push({ phase: x.importProgress.phase, sameData: x.datasets.imported === before, dataset: x.configs[x.labId].dataset });
    });
    s.getState().startImport();
    await s.getState().importFiles([{ name: 'second.csv', bytes: enc(CSV + 'c,z\nc,x\n') }]);
    stop();
    expect([...new Set(seen.map((e) => e.phase))]).toEqual(['read', 'decode', 'parse', 'assemble']);
    expect(seen.every((e) => e.sameData)).toBe(true);
    const after = s.getState();
    expect(after.importing).toBe(false);
    expect(after.importProgress).toBeNull();
    expect(after.datasets.imported.userIds).toEqual(['a', 'b', 'c']);
  });

  it('a read failure ends the import with OL523 and keeps the dataset in use', async () => {
    const s = store();
    await s.getState().importFiles([{ name: 'first.csv', bytes: enc(CSV) }]);
    const before = s.getState().datasets.imported;
    s.getState().startImport();
    s.getState().importReadFailed('NotReadableError');
    const after = s.getState();
    expect(after.importing).toBe(false);
    expect(after.importErrors?.[0]).toMatchObject({ code: 'OL523' });
    expect(after.importErrors?.[0].message).toMatch(/could not be read \(NotReadableError\)/);
    expect(after.datasets.imported).toBe(before);
  });
});
