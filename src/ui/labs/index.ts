// Lab-specific panels, by lab id: above the live charts (controls) and below them (e.g. a sweep). A lab without
// any uses the shell alone.
import type { ComponentType } from 'react';
import { SweepPanel } from '../sweep/SweepPanel';
import { ExplorerPanel } from './consumption/ExplorerPanel';
import { TrainedPanel } from './consumption/TrainedPanel';
import { AmpCfPanel } from './ampCf/AmpCfPanel';
import { MultVaePanel } from './multVae/MultVaePanel';
import { WeightPanel } from './weighting/WeightPanel';

export const LAB_PANELS: Partial<Record<string, { above?: ComponentType; below?: ComponentType }>> = {
  weighting: { above: WeightPanel, below: SweepPanel },
  consumption: { above: ExplorerPanel, below: TrainedPanel },
  'mult-vae': { below: MultVaePanel },
  'amp-cf': { below: AmpCfPanel },
};
