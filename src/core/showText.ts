// Text from outside (a URL value, a --set flag, a cell of an imported file) as a message repeats it: invisible
// characters made visible, long text cut. One helper for the app's notices, the CLI and the importers.

/** Longest piece of an outside value or key that a message repeats; the rest is counted, not shown. */
export const SHOWN_CHARS = 60;

/** C0 and C1 controls, DEL, a byte-order mark, line/paragraph separators and bidi overrides: invisible or misleading. */
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\ufeff\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/** `s` with each invisible character written as \uXXXX (a NUL in an id is shown, not swallowed). */
export function escapeInvisible(s: string): string {
  return s.replace(INVISIBLE, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
}

/** The first `n` UTF-16 units of `s`, one fewer if that would split a surrogate pair. */
function cut(s: string, n: number): string {
  const code = s.charCodeAt(n - 1);
  return s.slice(0, code >= 0xd800 && code <= 0xdbff ? n - 1 : n);
}

/**
 * Text from outside as a message shows it: invisible characters escaped, whole up to 60 characters, else its
 * first 60 and its length, "xxx… (100000 characters)". A 100 kB URL value must not become a 100 kB notice.
 */
export function showText(text: string): string {
  const escaped = escapeInvisible(text);
  return escaped.length <= SHOWN_CHARS ? escaped : `${cut(escaped, SHOWN_CHARS)}… (${text.length} characters)`;
}

/** A value as a message shows it: JSON (strings quoted), long ones cut as `showText` does: "xxx…" (100000 characters). */
export function showValue(value: unknown): string {
  if (typeof value === 'string') {
    const quoted = (s: string) => escapeInvisible(JSON.stringify(s));
    return value.length <= SHOWN_CHARS ? quoted(value) : `${quoted(`${cut(value, SHOWN_CHARS)}…`)} (${value.length} characters)`;
  }
  // JSON has no Infinity or NaN (it writes null): say the number as it is.
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  let json: string | undefined;
  try {
    json = JSON.stringify(value);
  } catch {
    // A cycle or a BigInt: say what it is rather than fail while reporting another failure.
  }
  return showText(json ?? String(value));
}
