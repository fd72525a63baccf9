// zod without compiled validators: it never calls `new Function`, which the app's Content-Security-Policy refuses.
//
// zod 4 probes `new Function("")` on its first object parse to decide whether to compile a fast validator;
// under a CSP without 'unsafe-eval' the probe is refused (zod catches it) but the browser still reports a
// `securitypolicyviolation`. jitless skips the probe; the configs parsed here are a few fields, so the compiled
// path bought nothing. Imported first by the page's and the training worker's entry points (src/ui/main.tsx,
// src/worker/training.worker.ts), so it is set before any module parses a schema; the page's build also keeps it in zod's own chunk
// (vite.config.ts), which every chunk that parses a schema imports first. Node (CLI, tests) has no CSP.
import { z } from 'zod';

z.config({ jitless: true });
