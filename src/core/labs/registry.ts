// Every lab the app offers, keyed by a stable id (the URL stores the id). A new lab adds one line here.
import { ErrorCode, LabError } from '../errors';
import type { Lab } from '../experiment/types';
import { ampCfLab } from './ampCf';
import { consumptionLab } from './consumption';
import { conversationLab } from './conversation';
import { multVaeLab } from './multVae';
import { popVsMfLab } from './popVsMf';
import { weightingLab } from './weighting';
import { wideDeepLab } from './wideDeep';
import { kgatLab } from './kgat';
import { p5Lab } from './p5';

/** The labs in menu order (the registry erases each lab's own config and artifact types). */
export const LABS: readonly Lab[] = [popVsMfLab, weightingLab, consumptionLab, multVaeLab, ampCfLab, wideDeepLab, conversationLab, kgatLab, p5Lab] as readonly Lab[];

export function findLab(id: string): Lab | undefined {
  return LABS.find((l) => l.id === id);
}

export function getLab(id: string): Lab {
  const lab = findLab(id);
  if (!lab) throw new LabError(ErrorCode.UnknownLab, `unknown lab '${id}' (labs: ${LABS.map((l) => l.id).join(', ')})`);
  return lab;
}
