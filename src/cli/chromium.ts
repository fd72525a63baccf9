// How the tests and the browser benchmark launch Debian's Chromium (never a downloaded browser).

/** Override with CHROMIUM_PATH on systems where Chromium lives elsewhere. */
export const chromiumPath = (): string => process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--enable-unsafe-webgpu', // WebGPU on the SwiftShader software adapter, so the WebGPU path runs in CI
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
