import { describe, expect, it } from 'vitest';
import { Interrupt, type SignalSource } from './interrupt';

/** A stand-in for `process`: records the SIGINT listener and exit codes instead of exiting. */
function fakeProcess() {
  let listener: (() => void) | undefined;
  const exits: number[] = [];
  const source = {
    on: (_: 'SIGINT', l: () => void) => (listener = l),
    exit: ((code: number) => exits.push(code)) as unknown as SignalSource['exit'],
  };
  return { source, exits, ctrlC: () => listener!() };
}

describe('Interrupt (Ctrl-C)', () => {
  it('on the first Ctrl-C aborts the run and saves the files at once, without exiting', () => {
    const p = fakeProcess();
    const notices: string[] = [];
    const stop = new Interrupt((first) => (first ? 'stopping' : 'quitting'));
    let saves = 0;
    stop.setSaver(() => saves++);
    stop.listen(p.source, (t) => notices.push(t), 130);
    expect(stop.signal.aborted).toBe(false);
    p.ctrlC();
    expect(stop.signal.aborted).toBe(true);
    expect(saves).toBe(1);
    expect(p.exits).toEqual([]);
    expect(notices).toEqual(['stopping']);
  });

  it('on a second Ctrl-C (a relayed copy, or a person in a hurry) saves again with the latest saver, then exits 130', () => {
    const p = fakeProcess();
    const stop = new Interrupt(() => '');
    const saved: string[] = [];
    stop.setSaver(() => saved.push('partial'));
    stop.listen(p.source, () => {}, 130);
    p.ctrlC();
    stop.setSaver(() => saved.push('final'));
    p.ctrlC();
    expect(saved).toEqual(['partial', 'final']);
    expect(p.exits).toEqual([130]);
  });

  it('reports a saver that throws and still exits on the second Ctrl-C', () => {
    const p = fakeProcess();
    const stop = new Interrupt(() => '');
    const notices: string[] = [];
    stop.setSaver(() => {
      throw new Error('disk full');
    });
    stop.listen(p.source, (t) => notices.push(t), 130);
    p.ctrlC();
    p.ctrlC();
    expect(notices.filter((n) => n.includes('disk full'))).toHaveLength(2);
    expect(p.exits).toEqual([130]);
  });
});
