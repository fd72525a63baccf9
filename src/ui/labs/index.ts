// Lab-specific panels shown above the charts, by lab id. A lab without one uses the shell alone.
import type { ComponentType } from 'react';
import { WeightPanel } from './weighting/WeightPanel';

export const LAB_PANELS: Partial<Record<string, ComponentType>> = {
  weighting: WeightPanel,
};
