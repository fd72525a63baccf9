// Lab-specific panels, by lab id: above the live charts (controls), below them (views of the run) and after the
// sweeps (views of a sweep's runs). A lab without any uses the shell alone; a lab's sweeps are drawn by the generic
// sweep panel from `lab.sweeps`.
import type { ComponentType } from 'react';
import { ConversationPanel } from './conversation/ConversationPanel';
import { ExplorerPanel } from './consumption/ExplorerPanel';
import { KgatPanel } from './kgat/KgatPanel';
import { TrainedPanel } from './consumption/TrainedPanel';
import { AmpCfPanel } from './ampCf/AmpCfPanel';
import { MultVaePanel } from './multVae/MultVaePanel';
import { WideDeepPanel } from './wideDeep/WideDeepPanel';
import { WeightingAfterSweeps } from './weighting/AfterSweeps';
import { WeightingViews } from './weighting/WeightingViews';
import { WeightPanel } from './weighting/WeightPanel';

export const LAB_PANELS: Partial<Record<string, { above?: ComponentType; below?: ComponentType; afterSweeps?: ComponentType }>> = {
  weighting: { above: WeightPanel, below: WeightingViews, afterSweeps: WeightingAfterSweeps },
  consumption: { above: ExplorerPanel, below: TrainedPanel },
  'mult-vae': { below: MultVaePanel },
  'amp-cf': { below: AmpCfPanel },
  'wide-deep': { below: WideDeepPanel },
  conversation: { below: ConversationPanel },
  kgat: { below: KgatPanel },
};
