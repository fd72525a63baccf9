// The P5 lab's measured claims.
import { defineFindings } from '../../experiment/findings';

export const p5Findings = defineFindings('p5', []);
