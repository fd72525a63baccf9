// A link must never configure tfjs: the patch the build applies so tfjs-core never reads the page's URL.
//
// tfjs-core's Environment reads `location.search` when it is created (the first import of tfjs) and on
// `env().reset()`, decodes every parameter with decodeURIComponent and applies `?tfjsflags=FLAG:value,…` as
// flag overrides. In the worker that is the worker script's URL (no query), but on the page (the in-thread
// fallback) it is the link itself: `?seed=%` then throws URIError while tfjs loads, `?tfjsflags=DEBUG:true`
// breaks it, and `?tfjsflags=WEBGL_PACK:false` silently changes how it computes. Rewriting the URL before
// tfjs loads only hides this by luck of timing (and fails where replaceState is refused), and tfjs offers no
// switch that acts before its constructor runs, so the build removes the reading itself: vite.config.ts runs
// `withoutUrlFlags` on tfjs-core's environment.js (in the build and in the dev server's dependency bundle),
// and fails the build if any output chunk still reads `global.location.search`.

/** The module that holds tfjs-core's Environment, as a bundler resolves it (ESM "module" entry). */
export const TFJS_ENVIRONMENT_MODULE = /@tensorflow[\\/]tfjs-core[\\/]dist[\\/]environment\.js$/;

const HEAD = 'populateURLFlags() {';

/**
 * environment.js with the body of `populateURLFlags` emptied: no URL is read, so no flag comes from a link.
 * Throws when the method is not found exactly once or no longer reads `location.search` (a tfjs upgrade
 * moved it): the build must stop rather than ship a tfjs that reads the link.
 */
export function withoutUrlFlags(code: string): string {
  const at = code.indexOf(HEAD);
  if (at < 0 || code.indexOf(HEAD, at + 1) >= 0) {
    throw new Error('tfjs-core environment.js: populateURLFlags() was not found exactly once; check how this tfjs version reads URL flags');
  }
  // The method's body, to its closing brace (its code has no braces inside strings).
  let depth = 0;
  let end = -1;
  for (let i = at + HEAD.length - 1; i < code.length && end < 0; i++) {
    if (code[i] === '{') depth++;
    else if (code[i] === '}' && --depth === 0) end = i;
  }
  if (end < 0 || !code.slice(at, end).includes('this.global.location.search')) {
    throw new Error('tfjs-core environment.js: populateURLFlags() no longer reads this.global.location.search; check how this tfjs version reads URL flags');
  }
  return `${code.slice(0, at)}${HEAD}\n        // Objective Lab: tfjs flags never come from the page's URL (src/core/tf/urlFlags.ts).\n    ${code.slice(end)}`;
}
