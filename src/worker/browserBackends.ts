// Browser-only backend setup: registers WebGPU, tells tfjs-wasm where Vite put its binaries (tfjs-notes
// pitfall 5), and spots software GPUs, which train far slower than WASM.
import wasm from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import wasmSimd from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';
import wasmThreaded from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-threaded-simd.wasm?url';
import '@tensorflow/tfjs-backend-webgpu';
import type { BackendName } from '../core/tf/backendNames';
import type { SelectOptions, WasmPaths } from '../core/tf/backends';

export const wasmPaths: WasmPaths = {
  'tfjs-backend-wasm.wasm': wasm,
  'tfjs-backend-wasm-simd.wasm': wasmSimd,
  'tfjs-backend-wasm-threaded-simd.wasm': wasmThreaded,
};

interface GpuAdapterInfo {
  isFallbackAdapter?: boolean;
  info?: { architecture?: string; vendor?: string };
}
type GpuNavigator = { gpu?: { requestAdapter(): Promise<GpuAdapterInfo | null> } };

/** Why `name` should be passed over in auto mode here, or null. Measured: SwiftShader WebGPU/WebGL run MF steps 14–80× slower than WASM. */
async function softwareGpuReason(name: BackendName): Promise<string | null> {
  try {
    if (name === 'webgpu') {
      const adapter = await (navigator as unknown as GpuNavigator).gpu?.requestAdapter();
      if (adapter && (adapter.isFallbackAdapter || /swiftshader/i.test(adapter.info?.architecture ?? '')))
        return 'only a software WebGPU adapter (SwiftShader), slower than WASM here; pick webgpu to use it anyway';
    }
    if (name === 'webgl' && typeof OffscreenCanvas !== 'undefined') {
      const gl = new OffscreenCanvas(1, 1).getContext('webgl2');
      const ext = gl?.getExtension('WEBGL_debug_renderer_info');
      const renderer = gl && ext ? String(gl.getParameter(ext.UNMASKED_RENDERER_WEBGL)) : '';
      if (/swiftshader|llvmpipe|software/i.test(renderer))
        return `only a software renderer (${/swiftshader/i.test(renderer) ? 'SwiftShader' : renderer.slice(0, 40)}), slower than WASM here; pick webgl to use it anyway`;
    }
  } catch {
    // A probe that fails says nothing: let the real attempt decide.
  }
  return null;
}

export const browserBackendOptions: SelectOptions = { wasmPaths, skipInAuto: softwareGpuReason };
