// Splits an axis label over lines (pure, so a test pins it down); WrappedTick.tsx draws the lines.

/** Splits a label into lines of at most `max` characters, at spaces (a single longer word keeps its own line). */
export function wrapLabel(text: string, max: number): string[] {
  const lines: string[] = [];
  for (const word of text.split(/[ \t\n]+/).filter(Boolean)) {
    const last = lines.at(-1);
    if (last !== undefined && last.length + 1 + word.length <= max) lines[lines.length - 1] = `${last} ${word}`;
    else lines.push(word);
  }
  return lines.length ? lines : [''];
}
