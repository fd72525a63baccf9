// Test helper: runs tfjs on the wasm backend in Node, as the CLI does.
import { selectBackend } from '../tf/backends';

export async function useWasm(): Promise<void> {
  const r = await selectBackend('wasm');
  if (r.active !== 'wasm') throw new Error(`wasm backend expected, got ${r.active}`);
}
