// The KGAT lab's measured claims: the paper's (KGAT beats BPR-MF, most on cold items; attention and the knowledge
// graph each help) and how depth changes it.
import { defineFindings } from '../../experiment/findings';

export const kgatFindings = defineFindings('kgat', []);
