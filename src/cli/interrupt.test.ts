import { describe, expect, it } from 'vitest';
import { Interrupt, SAME_PRESS_MS, type SignalSource } from './interrupt';

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
    const stop = new Interrupt((first) => (first ? 'stopping' : 'quitting'), () => 0);
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

  it('treats a second SIGINT within SAME_PRESS_MS as the same key press relayed (npm to its child): saves again, keeps stopping after the step', () => {
    const p = fakeProcess();
    let now = 1_000;
    const notices: string[] = [];
    const stop = new Interrupt((first) => (first ? 'stopping' : 'quitting'), () => now);
    let saves = 0;
    stop.setSaver(() => saves++);
    stop.listen(p.source, (t) => notices.push(t), 130);
    p.ctrlC();
    now += SAME_PRESS_MS - 1;
    p.ctrlC();
    expect(saves).toBe(2);
    expect(p.exits).toEqual([]);
    expect(notices).toEqual(['stopping']);
    now += 1_000;
    p.ctrlC();
    expect(p.exits).toEqual([130]);
    expect(notices).toEqual(['stopping', 'quitting']);
  });

  it('on a second Ctrl-C later than that (a person in a hurry) saves again with the latest saver, then exits 130', () => {
    const p = fakeProcess();
    let now = 0;
    const stop = new Interrupt(() => '', () => now);
    const saved: string[] = [];
    stop.setSaver(() => saved.push('partial'));
    stop.listen(p.source, () => {}, 130);
    p.ctrlC();
    stop.setSaver(() => saved.push('final'));
    now = SAME_PRESS_MS;
    p.ctrlC();
    expect(saved).toEqual(['partial', 'final']);
    expect(p.exits).toEqual([130]);
  });

  it('reports a saver that throws and still exits on the second Ctrl-C', () => {
    const p = fakeProcess();
    let now = 0;
    const stop = new Interrupt(() => '', () => now);
    const notices: string[] = [];
    stop.setSaver(() => {
      throw new Error('disk full');
    });
    stop.listen(p.source, (t) => notices.push(t), 130);
    p.ctrlC();
    now = SAME_PRESS_MS;
    p.ctrlC();
    expect(notices.filter((n) => n.includes('disk full'))).toHaveLength(2);
    expect(p.exits).toEqual([130]);
  });
});
