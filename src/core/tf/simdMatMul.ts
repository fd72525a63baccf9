// A batched float32 matmul in WebAssembly SIMD (f32x4), its module's bytes written here by a tiny emitter: no
// toolchain, nothing downloaded. tfjs-wasm 4.22 sends every BatchMatMul with batch > 1 to a scalar triple loop
// (~0.5–1.3 GFLOP/s here); this kernel runs those products several times faster (tf/wasmBatchMatMul.ts hooks it in).
//
// out[p] = a[p] · b[p] for row-major a: B × M × K, b: B × K × N, out: B × M × N, all in the module's own memory.
// Loop order, per batch p and per block of R = 4 rows of a (then single rows for M % 4):
//   for k: s_r = splat(a[i + r, k]); for j in steps of 4: v = b[k, j..j+3]; out[i + r, j..j+3] += s_r · v
//   (the N % 4 tail in scalar f32). Each out element sums its K products in order k = 0, 1, … from 0, with a
//   separate multiply and add (no fused multiply-add), as tfjs-wasm's scalar loop does for K ≤ 48 (its k-block).

/** Unsigned LEB128. */
function uleb(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

/** Signed LEB128 (32-bit values). */
function sleb(n: number): number[] {
  const out: number[] = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && (byte & 0x40) === 0) || (n === -1 && (byte & 0x40) !== 0)) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

const vec = (items: number[][]): number[] => [...uleb(items.length), ...items.flat()];
const section = (id: number, body: number[]): number[] => [id, ...uleb(body.length), ...body];
const name = (s: string): number[] => [...uleb(s.length), ...Array.from(s, (c) => c.charCodeAt(0))];

const I32 = 0x7f;
const F32 = 0x7d;
const V128 = 0x7b;

// Instructions (opcodes from the WebAssembly core spec and its fixed-width SIMD proposal).
const get = (l: number) => [0x20, ...uleb(l)];
const set = (l: number) => [0x21, ...uleb(l)];
const i32c = (v: number) => [0x41, ...sleb(v)];
const ADD = [0x6a];
const MUL = [0x6c];
const LT_U = [0x49];
const AND = [0x71];
const EQZ = [0x45];
const f32load = [0x2a, 2, 0]; // align 2^2, offset 0
const f32store = [0x38, 2, 0];
const F32_ADD = [0x92];
const F32_MUL = [0x94];
const v128load = [0xfd, 0x00, 2, 0]; // alignment is a hint: rows need not be 16-byte aligned
const v128store = [0xfd, 0x0b, 2, 0];
const F32X4_SPLAT = [0xfd, 0x13];
const F32X4_ADD = [0xfd, ...uleb(228)];
const F32X4_MUL = [0xfd, ...uleb(230)];
const BLOCK = [0x02, 0x40];
const LOOP = [0x03, 0x40];
const END = [0x0b];
const br = (d: number) => [0x0c, ...uleb(d)];
const brIf = (d: number) => [0x0d, ...uleb(d)];

/** l += v (i32), v a local or a constant. */
const incLocal = (l: number, by: number[]) => [...get(l), ...by, ...ADD, ...set(l)];

/** `while (cond) body` as block { loop { if !cond break; body; continue } }. */
const whileLoop = (cond: number[], body: number[]) => [...BLOCK, ...LOOP, ...cond, ...EQZ, ...brIf(1), ...body, ...br(0), ...END, ...END];

// Locals: parameters first.
const P_B = 0, P_M = 1, P_K = 2, P_N = 3, P_A = 4, P_BPTR = 5, P_O = 6;
// i32 locals
const p = 7, i = 8, k = 9, jb = 10, aRow = 11, oRow = 12, bP = 13, bRow = 14, aStride = 15, oStride = 16, n4b = 17, nb = 18, bBatch = 19;
const pa = [20, 21, 22, 23]; // a[i + r, k] addresses
const po = [24, 25, 26, 27]; // out[i + r, 0] addresses
const N_I32 = 21;
// f32 locals
const av = [28, 29, 30, 31];
const bs = 32;
const N_F32 = 5;
// v128 locals
const sv = [33, 34, 35, 36];
const bv = 37;
const N_V128 = 5;

/** R rows of a (starting at aRow) times b (at bP) into R rows of out (at oRow). */
function rowBlock(R: number): number[] {
  const rs = Array.from({ length: R }, (_, r) => r);
  const setup = rs.flatMap((r) => [
    ...get(aRow), ...get(aStride), ...i32c(r), ...MUL, ...ADD, ...set(pa[r]),
    ...get(oRow), ...get(oStride), ...i32c(r), ...MUL, ...ADD, ...set(po[r]),
  ]);
  const loadA = rs.flatMap((r) => [...get(pa[r]), ...f32load, ...set(av[r]), ...get(av[r]), ...F32X4_SPLAT, ...set(sv[r])]);
  const simdBody = [
    ...get(bRow), ...get(jb), ...ADD, ...v128load, ...set(bv),
    ...rs.flatMap((r) => [
      ...get(po[r]), ...get(jb), ...ADD, // store address
      ...get(po[r]), ...get(jb), ...ADD, ...v128load,
      ...get(sv[r]), ...get(bv), ...F32X4_MUL, ...F32X4_ADD, ...v128store,
    ]),
    ...incLocal(jb, i32c(16)),
  ];
  const tailBody = [
    ...get(bRow), ...get(jb), ...ADD, ...f32load, ...set(bs),
    ...rs.flatMap((r) => [
      ...get(po[r]), ...get(jb), ...ADD,
      ...get(po[r]), ...get(jb), ...ADD, ...f32load,
      ...get(av[r]), ...get(bs), ...F32_MUL, ...F32_ADD, ...f32store,
    ]),
    ...incLocal(jb, i32c(4)),
  ];
  const kBody = [
    ...loadA,
    ...i32c(0), ...set(jb),
    ...whileLoop([...get(jb), ...get(n4b), ...LT_U], simdBody),
    ...whileLoop([...get(jb), ...get(nb), ...LT_U], tailBody),
    ...rs.flatMap((r) => incLocal(pa[r], i32c(4))),
    ...incLocal(bRow, get(nb)),
    ...incLocal(k, i32c(1)),
  ];
  return [
    ...setup,
    ...i32c(0), ...set(k),
    ...get(bP), ...set(bRow),
    ...whileLoop([...get(k), ...get(P_K), ...LT_U], kBody),
    ...incLocal(aRow, [...get(aStride), ...i32c(R), ...MUL]),
    ...incLocal(oRow, [...get(oStride), ...i32c(R), ...MUL]),
    ...incLocal(i, i32c(R)),
  ];
}

function kernelBody(): number[] {
  const batchBody = [
    ...i32c(0), ...set(i),
    // blocks of 4 rows while i + 4 ≤ M, i.e. i + 3 < M
    ...whileLoop([...get(i), ...i32c(3), ...ADD, ...get(P_M), ...LT_U], rowBlock(4)),
    ...whileLoop([...get(i), ...get(P_M), ...LT_U], rowBlock(1)),
    ...incLocal(bP, get(bBatch)),
    ...incLocal(p, i32c(1)),
  ];
  return [
    ...get(P_K), ...i32c(4), ...MUL, ...set(aStride),
    ...get(P_N), ...i32c(4), ...MUL, ...set(oStride),
    ...get(oStride), ...set(nb),
    ...get(nb), ...i32c(-16), ...AND, ...set(n4b),
    ...get(P_K), ...get(nb), ...MUL, ...set(bBatch),
    ...get(P_A), ...set(aRow),
    ...get(P_O), ...set(oRow),
    ...get(P_BPTR), ...set(bP),
    ...i32c(0), ...set(p),
    ...whileLoop([...get(p), ...get(P_B), ...LT_U], batchBody),
  ];
}

/**
 * The module's bytes: exports `mm(B, M, K, N, aPtr, bPtr, outPtr)` (byte offsets; out must hold zeros) and its
 * memory `mem` (1 page to start; the caller grows it).
 */
export function simdMatMulModuleBytes(): Uint8Array<ArrayBuffer> {
  const funcType = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([])];
  const locals = vec([[...uleb(N_I32), I32], [...uleb(N_F32), F32], [...uleb(N_V128), V128]]);
  const body = [...locals, ...kernelBody(), ...END];
  const bytes = [
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00,
    ...section(1, vec([funcType])),
    ...section(3, vec([uleb(0)])),
    ...section(5, vec([[0x00, ...uleb(1)]])),
    ...section(7, vec([[...name('mm'), 0x00, ...uleb(0)], [...name('mem'), 0x02, ...uleb(0)]])),
    ...section(10, vec([[...uleb(body.length), ...body]])),
  ];
  return new Uint8Array(bytes);
}

// The few WebAssembly JS API names used here, typed locally: core compiles without the DOM lib, and @types/node 20
// does not declare the WebAssembly global (Node, browsers and workers all have it).
interface WasmMemory {
  readonly buffer: ArrayBuffer;
  grow(pages: number): number;
}
interface WasmInstance {
  readonly exports: Record<string, unknown>;
}
interface WasmApi {
  validate(bytes: Uint8Array<ArrayBuffer>): boolean;
  Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  Instance: new (module: object, imports: object) => WasmInstance;
}

/** WebAssembly where the platform has it. */
export function webAssemblyApi(): WasmApi | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  return typeof api === 'object' && api !== null ? api : null;
}

/** Runs the kernel on JS arrays, copying through the module's memory (grown as needed and kept between calls). */
export class SimdBatchMatMul {
  private readonly mem: WasmMemory;
  private readonly mm: (B: number, M: number, K: number, N: number, a: number, b: number, o: number) => void;
  private heap: Float32Array;

  private constructor(instance: WasmInstance) {
    this.mem = instance.exports.mem as WasmMemory;
    this.mm = instance.exports.mm as SimdBatchMatMul['mm'];
    this.heap = new Float32Array(this.mem.buffer);
  }

  /** null where WebAssembly or its SIMD is missing (the module does not validate). */
  static create(): SimdBatchMatMul | null {
    const wasm = webAssemblyApi();
    if (!wasm) return null;
    const bytes = simdMatMulModuleBytes();
    try {
      if (!wasm.validate(bytes)) return null;
      return new SimdBatchMatMul(new wasm.Instance(new wasm.Module(bytes), {}));
    } catch {
      return null; // e.g. a CSP without 'wasm-unsafe-eval'
    }
  }

  /** out (B × M × N) = a (B × M × K) · b (B × K × N), batch by batch. */
  run(a: Float32Array, b: Float32Array, out: Float32Array, B: number, M: number, K: number, N: number): void {
    const aLen = B * M * K;
    const bLen = B * K * N;
    const oLen = B * M * N;
    // Each operand starts on a 16-byte boundary (4 floats).
    const bOff = (aLen + 3) & ~3;
    const oOff = bOff + ((bLen + 3) & ~3);
    const bytes = (oOff + oLen) * 4;
    if (bytes > this.mem.buffer.byteLength) {
      this.mem.grow(Math.ceil((bytes - this.mem.buffer.byteLength) / 65536));
    }
    if (this.heap.buffer !== this.mem.buffer) this.heap = new Float32Array(this.mem.buffer);
    const heap = this.heap;
    heap.set(a.subarray(0, aLen), 0);
    heap.set(b.subarray(0, bLen), bOff);
    heap.fill(0, oOff, oOff + oLen);
    this.mm(B, M, K, N, 0, bOff * 4, oOff * 4);
    out.set(heap.subarray(oOff, oOff + oLen));
  }
}
