// The thin training worker: registers browser backends and hands every message to the executor.
import { createExecutor } from './executor';
import type { FromWorker, ToWorker } from './protocol';
import { browserBackendOptions } from './browserBackends';

const post = (msg: FromWorker) => self.postMessage(msg);
const handle = createExecutor({ post, backendOptions: browserBackendOptions });
self.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
post({ type: 'ready' });
