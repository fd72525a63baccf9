// After the weighting lab's sweep: each automatic method's path against the hand-weight front, then the strategy
// arena, which checks the lab's conclusion (reformulating vs balancing) across labs on the recorded run.
import { ArenaPanel } from '../../arena/ArenaPanel';
import { PathsPanel } from './PathsPanel';

export function WeightingAfterSweeps() {
  return (
    <>
      <PathsPanel />
      <ArenaPanel />
    </>
  );
}
