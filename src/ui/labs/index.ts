// Lab-specific panels, by lab id: above the live charts (controls), below them (views of the run) and after the
// sweeps (views of a sweep's runs). A lab without any uses the shell alone; a lab's sweeps are drawn by the generic
// sweep panel from `lab.sweeps`. The views of a run load on first use (their own chunks): the first page carries
// only the controls, so each new lab's views do not weigh on every visitor's first load.
import { lazy, type ComponentType } from 'react';
import { ExplorerPanel } from './consumption/ExplorerPanel';
import { WeightPanel } from './weighting/WeightPanel';

/** A panel loaded when first drawn (LabResults renders it inside a Suspense boundary). */
const later = (load: () => Promise<ComponentType>): ComponentType => lazy(async () => ({ default: await load() }));

export const LAB_PANELS: Partial<Record<string, { above?: ComponentType; below?: ComponentType; afterSweeps?: ComponentType }>> = {
  weighting: {
    above: WeightPanel,
    below: later(async () => (await import('./weighting/WeightingViews')).WeightingViews),
    afterSweeps: later(async () => (await import('./weighting/AfterSweeps')).WeightingAfterSweeps),
  },
  consumption: { above: ExplorerPanel, below: later(async () => (await import('./consumption/TrainedPanel')).TrainedPanel) },
  'mult-vae': { below: later(async () => (await import('./multVae/MultVaePanel')).MultVaePanel) },
  'amp-cf': { below: later(async () => (await import('./ampCf/AmpCfPanel')).AmpCfPanel) },
  'wide-deep': { below: later(async () => (await import('./wideDeep/WideDeepPanel')).WideDeepPanel) },
  conversation: { below: later(async () => (await import('./conversation/ConversationPanel')).ConversationPanel) },
  kgat: { below: later(async () => (await import('./kgat/KgatPanel')).KgatPanel) },
  p5: { below: later(async () => (await import('./p5/P5Panel')).P5Panel) },
};
