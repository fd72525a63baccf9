// The committed findings file (written by `npm run findings`) and the lesson renderer bound to it.
import { renderLesson, type FindingsRecord, type Lesson } from '../experiment/findings';
import record from './findings.json';

export const FINDINGS_RECORD = record as unknown as FindingsRecord;

/** A lab's about and what-to-try texts with every {finding:…} and {measured:…} placeholder filled from the file. */
export function lesson(templates: { about: string; whatToTry: string[] }): Lesson {
  return renderLesson(templates, FINDINGS_RECORD);
}
