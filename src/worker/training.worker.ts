// The thin training worker: registers browser backends and hands every message to the executor.
import { createExecutor } from './executor';
import type { FromWorker, ToWorker } from './protocol';
import { wasmPaths } from './browserBackends';

const post = (msg: FromWorker) => self.postMessage(msg);
const handle = createExecutor({ post, wasmPaths });
self.onmessage = (e: MessageEvent<ToWorker>) => handle(e.data);
post({ type: 'ready' });
