// Labs being built, shown on the start page under their part until they register (then the registry line places
// them and this entry goes). Titles only: nothing about them is measured yet.
import type { LabPart } from '../../core/lessons/lessonPlan';

export const COMING_LABS: readonly { title: string; part: LabPart }[] = [];
