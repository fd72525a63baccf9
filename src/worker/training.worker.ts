// The thin training worker: registers browser backends and hands every message to the executor.
// First: zod without compiled validators, before any module parses a schema (the CSP refuses `new Function`).
import '../core/zodJitless';
import { setHeartbeat } from '../core/heartbeat';
import { createExecutor, throttledHeartbeat } from './executor';
import type { FromWorker, ToWorker } from './protocol';
import { browserBackendOptions } from './browserBackends';

const post = (msg: FromWorker) => self.postMessage(msg);
// Yield every 20 ms so pause, stop and mid-run weight changes are seen within a step or two.
const handle = createExecutor({ post, backendOptions: browserBackendOptions, yieldEveryMs: 20 });
self.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
// Long synchronous stretches (setup, evaluation over big data) say they are alive: this handler cannot answer pings then.
setHeartbeat(throttledHeartbeat(post));
post({ type: 'ready' });
