// Someone opens a hostile or mangled link: the lab still opens, names what it refused, runs nothing the link
// carries, never lets the link configure tfjs, and holds to its Content-Security-Policy.
import { expect, test, type Page } from '@playwright/test';
import { readStore, train, waitForStatus } from './helpers';

/** Set by every script payload below; it must stay unset. */
const FLAG = '__hostile';
const IMG = `<img src=x onerror=window.${FLAG}=1>`;
const SCRIPT = `<script>window.${FLAG}=1</script>`;
const JS = `javascript:window.${FLAG}=1`;
const SVG = `"><svg onload=window.${FLAG}=1>`;
const ALERT = '<img src=x onerror=alert(1)>';
const LONG = 'x'.repeat(100_000);
const LONG_TEXT = `${'a'.repeat(50_000)}<b>${'b'.repeat(50_000)}`;

/** A query parameter, encoded as a browser would send it. */
const q = (key: string, value: string) => `${encodeURIComponent(key)}=${encodeURIComponent(value)}`;

interface Case {
  name: string;
  /** The query string, as typed (malformed encodings stay malformed). */
  search: string;
  /** Texts the notices must show (the offending name or value); [] = no notice at all. */
  notices: string[];
  /** Texts no notice may show (a wrong reason). */
  not?: string[];
  /** The lab that must open. */
  lab?: string;
  /** Settings the store must hold afterwards. */
  config?: Record<string, unknown>;
  /** The page opens in embed mode (no app chrome); otherwise the whole app. */
  embed?: boolean;
}

const PROTOTYPE_KEYS: Case[] = [
  { name: 'constructor as a key', search: 'constructor=1', notices: ["'constructor' is not a setting"] },
  { name: '__proto__ as a key', search: '__proto__=1', notices: ["'__proto__' is not a setting"] },
  { name: 'toString as a key', search: 'toString=x', notices: ["'toString' is not a setting"] },
  { name: 'hasOwnProperty as a key', search: 'hasOwnProperty=1', notices: ["'hasOwnProperty' is not a setting"] },
  { name: 'valueOf as a key', search: 'valueOf=1', notices: ["'valueOf' is not a setting"] },
  { name: 'constructor on another lab', search: 'lab=weighting&constructor=1', notices: ["'constructor' is not a setting of 'weighting'"], lab: 'weighting' },
  { name: '__proto__[epochs] as a key', search: '__proto__[epochs]=1&epochs=3', notices: ["'__proto__[epochs]'"], config: { epochs: 3 } },
  { name: 'constructor as the lab', search: 'lab=constructor', notices: ["'lab' = \"constructor\" is not a lab"], lab: 'pop-vs-mf' },
  { name: '__proto__ as the lab', search: 'lab=__proto__&toString=1', notices: ['"__proto__"', "'toString'"], lab: 'pop-vs-mf' },
  { name: 'constructor as the backend', search: 'backend=constructor', notices: ["'backend' = \"constructor\""] },
  { name: 'constructor as the dataset', search: 'dataset=constructor', notices: ["'dataset' = \"constructor\""], config: { dataset: 'workshop' } },
  { name: 'toString as the optimizer', search: 'optimizer=toString', notices: ["'optimizer' = \"toString\""], config: { optimizer: 'adam' } },
];

const MALFORMED_ENCODINGS: Case[] = [
  { name: 'a lone %', search: 'seed=%', notices: ["'seed' = \"%\""], config: { seed: 42 } },
  { name: '%ZZ', search: 'epochs=%ZZ', notices: ["'epochs' = \"%ZZ\""], config: { epochs: 20 } },
  { name: 'a link cut inside an escape', search: 'dataset=work%2', notices: ["'dataset' = \"work%2\""] },
  { name: 'a cut UTF-8 sequence as the lab', search: 'lab=%E0%A4%A', notices: ["'lab' = "] },
  { name: 'a lone % as a key', search: '%=1', notices: ["'%' is not a setting"] },
  { name: 'an escaped NUL', search: 'epochs=%00', notices: ["'epochs' = \"\\u0000\""] },
  { name: 'bytes that are not UTF-8', search: 'seed=%FF%FE', notices: ["'seed' = "] },
  { name: 'a malformed key', search: '%E0%A4%A=1&a%ZZb=2', notices: ["'a%ZZb' is not a setting"] },
  { name: 'a trailing %', search: 'epochs=1%', notices: ["'epochs' = \"1%\""] },
];

const TFJS_FLAGS: Case[] = [
  { name: 'tfjsflags DEBUG', search: 'tfjsflags=DEBUG:true', notices: ["'tfjsflags' is not a setting of 'pop-vs-mf' and was ignored"] },
  { name: 'tfjsflags WEBGL_PACK', search: 'tfjsflags=WEBGL_PACK:false', notices: ["'tfjsflags'"] },
  { name: 'tfjsflags malformed', search: 'tfjsflags=%', notices: ["'tfjsflags'"] },
  { name: 'tfjsflags with a real setting', search: 'tfjsflags=IS_TEST:true,PROD:false&epochs=3', notices: ["'tfjsflags'"], config: { epochs: 3 } },
];

const NUMBERS: Case[] = [
  { name: 'negative epochs', search: 'epochs=-1', notices: ["'epochs' = -1 is not valid", '>=1'], not: ['received string'] },
  { name: 'huge epochs', search: 'epochs=1e9', notices: ["'epochs' = 1000000000 is not valid", '<=200'], not: ['received string'] },
  { name: 'fractional epochs', search: 'epochs=2.5', notices: ["'epochs' = 2.5 is not valid", 'int'], not: ['received string'] },
  { name: 'negative seed', search: 'seed=-5', notices: ["'seed' = -5 is not valid", '>=0'], not: ['received string'] },
  { name: 'NaN', search: 'epochs=NaN', notices: ["'epochs' = \"NaN\""] },
  { name: 'Infinity', search: 'epochs=Infinity', notices: ["'epochs' = \"Infinity\""] },
  { name: '-Infinity', search: 'learningRate=-Infinity', notices: ["'learningRate' = \"-Infinity\""] },
  { name: 'a number past double range', search: 'learningRate=1e999', notices: ["'learningRate' = Infinity"] },
  { name: 'a seed past 2^31', search: 'seed=99999999999999999999', notices: ["'seed' = 100000000000000000000"] },
  { name: 'hexadecimal', search: 'epochs=0x10', notices: ["'epochs' = \"0x10\""] },
  { name: 'an empty value', search: 'epochs=', notices: ["'epochs' = \"\""] },
  { name: 'a denormal batch size', search: 'batchSize=1e-300', notices: ["'batchSize' = 1e-300"] },
  { name: 'zero learning rate', search: 'learningRate=0', notices: ["'learningRate' = 0 is not valid"], not: ['received string'] },
  { name: 'a valid number written oddly', search: 'epochs=3.0&embeddingDim=%208', notices: [], config: { epochs: 3, embeddingDim: 8 } },
];

const MARKUP: Case[] = [
  { name: 'an img onerror as the lab', search: q('lab', IMG), notices: [JSON.stringify(IMG)] },
  { name: 'a script as a value', search: q('epochs', SCRIPT), notices: [JSON.stringify(SCRIPT)] },
  { name: 'a javascript: URL as the dataset', search: q('dataset', JS), notices: [JSON.stringify(JS)] },
  { name: 'an img onerror as a key', search: `${q(IMG, '1')}`, notices: [`'${IMG}' is not a setting`] },
  { name: 'an svg onload as the backend', search: q('backend', SVG), notices: ["'backend' = ", '<svg onload'] },
  { name: 'an iframe as the optimizer', search: q('optimizer', `<iframe src=${JS}>`), notices: ['<iframe src=javascript:'] },
  { name: 'an alert as the seed', search: q('seed', ALERT), notices: [JSON.stringify(ALERT)] },
  { name: 'a javascript: URL as the lab', search: 'lab=javascript:alert(1)', notices: ['"javascript:alert(1)"'] },
  { name: 'markup in the fragment', search: `epochs=3#${IMG}`, notices: [], config: { epochs: 3 } },
];

const LONG_VALUES: Case[] = [
  { name: 'a 100 kB seed', search: `seed=${LONG}`, notices: ["'seed' = \"xxxxxxxx", '(100000 characters)'] },
  { name: 'a 100 kB key', search: `${LONG}=1`, notices: ['is not a setting', '(100000 characters)'] },
  { name: 'a 100 kB lab', search: `lab=${LONG}`, notices: ["'lab' = ", '(100000 characters)'] },
  { name: 'a 100 kB value with markup', search: q('dataset', LONG_TEXT), notices: ["'dataset' = ", '(100003 characters)'] },
];

const DUPLICATES: Case[] = [
  { name: 'a setting given twice', search: 'epochs=5&epochs=7', notices: ["'epochs' is given 2 times with different values; using the last, \"7\""], config: { epochs: 7 } },
  { name: 'a setting given twice alike', search: 'epochs=5&epochs=5', notices: [], config: { epochs: 5 } },
  { name: 'a setting given twice, the last bad', search: 'epochs=5&epochs=abc', notices: ['"abc"', 'using the default 20'], config: { epochs: 20 } },
  { name: 'the lab given twice', search: 'lab=weighting&lab=pop-vs-mf', notices: ["'lab' is given 2 times", 'using the last, "pop-vs-mf"'], lab: 'pop-vs-mf' },
  { name: 'an unknown key three times', search: 'color=red&color=red&color=blue', notices: ["'color'"] },
  { name: 'a bad value twice', search: 'seed=x&seed=x', notices: ["'seed' = \"x\""] },
];

const LABS_AND_OTHERS: Case[] = [
  { name: 'an unknown lab', search: 'lab=nope', notices: ['"nope"'], lab: 'pop-vs-mf' },
  { name: 'an empty lab', search: 'lab=', notices: ["'lab' = \"\""] },
  { name: 'a lab in capitals', search: 'lab=POP-VS-MF', notices: ['"POP-VS-MF"'] },
  { name: 'a lab with a NUL', search: 'lab=pop-vs-mf%00', notices: ['"pop-vs-mf\\u0000"'] },
  { name: 'a backend with a space', search: 'backend=wasm%20', notices: ['"wasm "'] },
  { name: 'separators only', search: '&&&=&==', notices: ["'' is not a setting"] },
  { name: 'a semicolon-separated link', search: 'epochs=3;seed=4', notices: ['"3;seed=4"'] },
  { name: 'a PHP-style array key', search: 'epochs[]=3', notices: ["'epochs[]' is not a setting"] },
  { name: 'a key in capitals', search: 'EPOCHS=3', notices: ["'EPOCHS' is not a setting"] },
  { name: 'imported data in a link', search: 'dataset=imported', notices: ['imported data'] },
];

/** The classroom keys (src/state/lessonUrl.ts): a bad step, unknown or panel-drawn names, markup, repeats, too many. */
const CLASSROOM: Case[] = [
  { name: 'lesson step 0', search: 'lesson=0', notices: ["'lesson' = \"0\" is not a step"], lab: 'pop-vs-mf' },
  { name: 'a lesson step past the end', search: 'lab=weighting&lesson=99', notices: ["'lesson' = \"99\""], lab: 'weighting' },
  { name: 'a lesson step that is not a number', search: 'lesson=1e3', notices: ["'lesson' = \"1e3\""] },
  { name: 'markup as the lesson step', search: `lesson=${encodeURIComponent('<img src=x onerror=alert(1)>')}`, notices: ["'lesson' = "] },
  { name: 'prototype keys to lock', search: 'lock=__proto__,constructor', notices: ["'lock' names \"__proto__\", \"constructor\""] },
  { name: 'markup to hide', search: `hide=${encodeURIComponent('<script>alert(1)</script>')}`, notices: ["'hide' names"] },
  { name: 'a panel setting to lock', search: 'lab=weighting&lock=wDiversity', notices: ['drawn by the lab’s own panel'], lab: 'weighting' },
  { name: 'the lesson step given twice', search: 'lesson=1&lesson=3', notices: ["'lesson' is given 2 times"] },
  { name: 'a lock list far too long', search: `lock=${'seed,'.repeat(100)}`, notices: ['at most 64'] },
  { name: 'good classroom keys', search: 'lesson=2&lock=dataset&hide=seed,backend', notices: [] },
];


const EMBED: Case[] = [
  { name: 'an unknown lab to embed', search: 'embed=nope', notices: ["'embed' = \"nope\" is neither a lab"], lab: 'pop-vs-mf' },
  { name: 'constructor to embed', search: 'embed=constructor', notices: ["'embed' = \"constructor\""], lab: 'pop-vs-mf' },
  { name: '__proto__ to embed', search: 'embed=__proto__&lab=weighting', notices: ["'embed' = \"__proto__\""], lab: 'weighting' },
  { name: 'markup to embed', search: q('embed', IMG), notices: [JSON.stringify(IMG)] },
  { name: 'a javascript: URL to embed', search: q('embed', JS), notices: [JSON.stringify(JS)] },
  { name: 'a 100 kB embed', search: `embed=${LONG}`, notices: ["'embed' = ", '(100000 characters)'] },
  { name: 'embed given twice', search: 'embed=weighting&embed=nope', notices: ["'embed' = \"nope\""], lab: 'pop-vs-mf' },
  { name: 'embed and lab disagree', search: 'embed=weighting&lab=mult-vae', notices: ["'embed' and 'lab' name different labs"], lab: 'weighting', embed: true },
  { name: 'embed=1 with an unknown lab', search: 'embed=1&lab=nope', notices: ['"nope"'], lab: 'pop-vs-mf', embed: true },
  { name: 'markup beside a valid embed', search: `embed=weighting&${q('seed', SCRIPT)}`, notices: [JSON.stringify(SCRIPT)], lab: 'weighting', embed: true },
];

const CASES = [...PROTOTYPE_KEYS, ...MALFORMED_ENCODINGS, ...TFJS_FLAGS, ...NUMBERS, ...MARKUP, ...LONG_VALUES, ...DUPLICATES, ...LABS_AND_OTHERS, ...CLASSROOM, ...EMBED];

/** What a page did that it must not: errors thrown, errors logged, dialogs opened. */
interface Trouble {
  pageErrors: string[];
  consoleErrors: string[];
  dialogs: string[];
}

function watch(page: Page): Trouble {
  const t: Trouble = { pageErrors: [], consoleErrors: [], dialogs: [] };
  page.on('pageerror', (e) => t.pageErrors.push(e.message.slice(0, 300)));
  page.on('console', (m) => {
    if (m.type() === 'error') t.consoleErrors.push(m.text().slice(0, 300));
  });
  page.on('dialog', (d) => {
    t.dialogs.push(d.message());
    void d.dismiss();
  });
  return t;
}

/**
 * vite preview (Node's HTTP server) refuses request lines over 16 kB with 431, as many servers do; a static
 * host that accepts them serves index.html for any query. Long links get exactly that: the page as `/` is
 * served (headers included), with the long URL left in the address bar for the app to read.
 */
async function serveLongLinks(page: Page, baseURL: string): Promise<void> {
  await page.route(
    (url) => url.pathname === '/' && url.href.length > 8_000,
    async (route) => route.fulfill({ response: await route.fetch({ url: `${baseURL}/` }) }),
  );
}

test.describe('hostile links', () => {
  let page: Page;
  let trouble: Trouble;

  test.beforeAll(async ({ browser }, info) => {
    const { baseURL, viewport } = info.project.use;
    page = await browser.newPage({ baseURL, viewport });
    trouble = watch(page);
    await serveLongLinks(page, baseURL!);
  });

  test.afterAll(async () => {
    await page.close();
  });

  test.beforeEach(() => {
    trouble.pageErrors.length = 0;
    trouble.consoleErrors.length = 0;
    trouble.dialogs.length = 0;
  });

  for (const c of CASES) {
    test(`${c.name}: ?${c.search.slice(0, 60)}`, async () => {
      await page.goto(`/?${c.search}`);
      if (c.embed) await expect(page.getByTestId('embed')).toBeVisible();
      else await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
      await expect.poll(() => page.evaluate(() => Boolean((window as unknown as { __objectiveLab?: unknown }).__objectiveLab))).toBe(true);

      const notices = page.getByTestId('notices');
      if (c.notices.length === 0) await expect(notices).toHaveCount(0);
      for (const text of c.notices) await expect(notices).toContainText(text);
      for (const text of c.not ?? []) await expect(notices).not.toContainText(text);

      const s = await readStore(page);
      if (c.lab) expect(s.labId).toBe(c.lab);
      if (c.config) expect(s.config).toMatchObject(c.config);

      // Nothing the link carried ran or became an element: it is all text.
      const injected = await page.evaluate(
        (flag) => ({
          flag: (window as unknown as Record<string, unknown>)[flag],
          elements: document.querySelectorAll('#root script, #root iframe, #root [onerror], #root [onload], #root a[href^="javascript:" i]').length,
        }),
        FLAG,
      );
      expect(injected).toEqual({ flag: undefined, elements: 0 });
      expect(trouble.dialogs).toEqual([]);
      expect(trouble.pageErrors).toEqual([]);
      expect(trouble.consoleErrors).toEqual([]);

      // No notice widens the page.
      const width = await page.evaluate(() => ({ page: document.documentElement.scrollWidth, viewport: window.innerWidth }));
      expect(width.page).toBeLessThanOrEqual(width.viewport);
    });
  }
});

test('tfjs never reads the link, even when tfjs loads on the page and the link could not be rewritten', async ({ page }) => {
  const trouble = watch(page);
  const warnings: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'warning') warnings.push(m.text());
  });
  // A host that refuses replaceState (a sandboxed frame) keeps the link as it came; no worker puts tfjs on the page.
  await page.addInitScript(() => {
    history.replaceState = () => {
      throw new DOMException('replaceState is refused here', 'SecurityError');
    };
    delete (window as unknown as { Worker?: unknown }).Worker;
  });
  await page.goto('/?dataset=tiny&epochs=1&backend=wasm&seed=%&tfjsflags=DEBUG:true,WASM_HAS_SIMD_SUPPORT:false');
  await expect(page.getByTestId('notices')).toContainText("'tfjsflags' is not a setting of 'pop-vs-mf' and was ignored");
  expect(new URL(page.url()).search).toContain('tfjsflags=');

  await train(page);
  await waitForStatus(page, 'finished');
  const s = await readStore(page);
  expect(s.executionMode).toBe('main-thread');
  expect(s.run!.outcome).toEqual({ status: 'completed' });
  expect(s.run!.backend!.active).toBe('wasm');
  // tfjs warns "Setting feature override from URL …" for every flag it takes from a link.
  expect(warnings.filter((w) => /feature override from URL/.test(w))).toEqual([]);
  expect(trouble.pageErrors).toEqual([]);
  expect(trouble.consoleErrors).toEqual([]);
});

test.describe('the Content-Security-Policy', () => {
  /** Records every CSP violation the page or its frames report. */
  const recordViolations = (page: Page) =>
    page.addInitScript(() => {
      const w = window as unknown as { __csp: string[] };
      w.__csp = [];
      document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
  const violations = (page: Page) => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp);

  test('is in the built page (and the test server sends the same header), and refuses an inline script', async ({ page }) => {
    const response = await page.goto('/?dataset=tiny');
    const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
    expect(meta).toContain("script-src 'self' 'wasm-unsafe-eval'");
    expect(meta).toContain("object-src 'none'");
    expect(meta).not.toMatch(/unsafe-inline|'unsafe-eval'|https?:|\*/);
    expect(response!.headers()['content-security-policy']).toBe(meta);
    await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
    // An inline script added at run time is refused: the policy is live, not just present.
    const ran = await page.evaluate(() => {
      const s = document.createElement('script');
      s.textContent = 'window.__inline = 1';
      document.head.append(s);
      return (window as unknown as { __inline?: number }).__inline ?? null;
    });
    expect(ran).toBeNull();
  });

  test('lets the page load and train in the worker on wasm with no violation', async ({ page }) => {
    const trouble = watch(page);
    await recordViolations(page);
    await page.goto('/?dataset=tiny&epochs=2&backend=wasm');
    await expect(page.getByRole('navigation', { name: 'Labs' })).toBeVisible();
    await train(page);
    await waitForStatus(page, 'finished');
    const s = await readStore(page);
    expect(s.executionMode).toBe('worker');
    expect(s.run!.backend!.active).toBe('wasm');
    expect(await violations(page)).toEqual([]);
    expect(trouble.consoleErrors).toEqual([]);
    expect(trouble.pageErrors).toEqual([]);
  });

  test('lets the page train on the main thread on wasm with no violation (the fallback)', async ({ page }) => {
    const trouble = watch(page);
    await recordViolations(page);
    await page.addInitScript(() => {
      delete (window as unknown as { Worker?: unknown }).Worker;
    });
    await page.goto('/?dataset=tiny&epochs=2&backend=wasm');
    await train(page);
    await waitForStatus(page, 'finished');
    const s = await readStore(page);
    expect(s.executionMode).toBe('main-thread');
    expect(s.run!.backend!.active).toBe('wasm');
    expect(await violations(page)).toEqual([]);
    expect(trouble.consoleErrors).toEqual([]);
    expect(trouble.pageErrors).toEqual([]);
  });
});
