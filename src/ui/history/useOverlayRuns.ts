// The kept runs the person chose to draw on the current lab's charts (not the current run itself), with colours.
import { useMemo } from 'react';
import type { SavedRun } from '../../core/history/savedRun';
import { useLabStore } from '../appStore';
import { OVERLAY_COLORS } from './overlay';

export interface ShownOverlay {
  id: string;
  name: string;
  color: string;
  run: SavedRun;
}

const NONE: ShownOverlay[] = [];

export function useOverlayRuns(labId: string): ShownOverlay[] {
  const runs = useLabStore((s) => s.history.runs);
  const chosen = useLabStore((s) => s.history.overlay);
  // The current run, once kept, is drawn as the current run: choosing it too would draw it twice.
  const currentSaved = useLabStore((s) => {
    const runId = s.runIdByLab[s.labId];
    return runId === undefined ? undefined : s.history.savedIdByRunId[runId];
  });
  return useMemo(() => {
    const byId = new Map(runs.map((r) => [r.id, r]));
    const shown = chosen.flatMap((id) => {
      const run = byId.get(id);
      return run && run.labId === labId && id !== currentSaved ? [run] : [];
    });
    if (shown.length === 0) return NONE;
    return shown.map((run, k) => ({ id: run.id, name: run.name, color: OVERLAY_COLORS[k % OVERLAY_COLORS.length], run }));
  }, [runs, chosen, labId, currentSaved]);
}
