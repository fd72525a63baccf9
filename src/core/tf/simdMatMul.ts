// A batched float32 matmul in WebAssembly SIMD (f32x4), its module's bytes written here by a tiny emitter: no
// toolchain, nothing downloaded. tfjs-wasm 4.22 sends every BatchMatMul with batch > 1 to a scalar triple loop
// (~0.5–1.3 GFLOP/s here); this kernel runs those products several times faster (tf/wasmBatchMatMul.ts hooks it in).
//
// out[p] = a[p] · b[p] for row-major a: B × M × K, b: B × K × N, out: B × M × N, all in the module's own memory.
// Per batch p, blocks of R = 4 rows of a (then single rows for M % 4) and, across out's columns, tiles of C = 2
// vectors (8 columns), then single vectors, then the N % 4 columns in scalar f32. A tile keeps its R × C
// accumulators in locals over the whole k loop: per k it loads C vectors of b and R values of a (splat), and out is
// written once. Each out element sums its K products in order k = 0, 1, … from 0, with a separate multiply and add
// (no fused multiply-add), as tfjs-wasm's scalar loop does for short K: bit-identical results to tfjs's kernel for
// K ≤ 49 (measured; it sums longer K in blocks, so there the two differ by float32 rounding).
// Measured here (kernel alone, copies included, one thread): 15–23 GFLOP/s on P5's attention shapes; tiles of
// 1, 3 or 4 vectors were 5–25% slower than 2, and a loop that added into out in memory ~30% slower.

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

const LE_U = [0x4d];
const v128c0 = [0xfd, 0x0c, ...new Array<number>(16).fill(0)];
// v128 load/store at a constant byte offset; the alignment (2^2) is a hint: rows need not be 16-byte aligned.
const v128loadAt = (offset: number) => [0xfd, 0x00, 2, ...uleb(offset)];
const v128storeAt = (offset: number) => [0xfd, 0x0b, 2, ...uleb(offset)];

// Locals: parameters first.
const P_B = 0, P_M = 1, P_K = 2, P_N = 3, P_A = 4, P_BPTR = 5, P_O = 6;
// i32 locals
const p = 7, i = 8, kb = 9, jb = 10, aRow = 11, oRow = 12, bP = 13, bk = 14, aStride = 15, oStride = 16, n4b = 17, nb = 18, bBatch = 19, kEnd = 20;
const pa = [21, 22, 23, 24]; // a[i + r, 0] addresses
const po = [25, 26, 27, 28]; // out[i + r, 0] addresses
const N_I32 = 22;
// f32 locals
const accF = [29, 30, 31, 32];
const bs = 33;
const N_F32 = 5;
// v128 locals: accumulators (row r, vector c) at V0 + r·MAX_C + c, then b vectors, then the splat
const MAX_R = 4;
const MAX_C = 4;
const V0 = 34;
const acc = (r: number, c: number) => V0 + r * MAX_C + c;
const bvec = (c: number) => V0 + MAX_R * MAX_C + c;
const sv = V0 + MAX_R * MAX_C + MAX_C;
const N_V128 = MAX_R * MAX_C + MAX_C + 1;

const range = (n: number) => Array.from({ length: n }, (_, x) => x);

/**
 * out[i..i+R, j..j+4C] for the current jb: R × C accumulators kept in locals over all k (registers, mostly), so
 * each k loads C vectors of b and R values of a, and out is written once.
 */
function simdTile(R: number, C: number): number[] {
  const kBody = [
    ...range(C).flatMap((c) => [...get(bk), ...v128loadAt(16 * c), ...set(bvec(c))]),
    ...range(R).flatMap((r) => [
      ...get(pa[r]), ...get(kb), ...ADD, ...f32load, ...F32X4_SPLAT, ...set(sv),
      ...range(C).flatMap((c) => [...get(acc(r, c)), ...get(sv), ...get(bvec(c)), ...F32X4_MUL, ...F32X4_ADD, ...set(acc(r, c))]),
    ]),
    ...incLocal(kb, i32c(4)),
    ...incLocal(bk, get(nb)),
  ];
  return [
    ...range(R).flatMap((r) => range(C).flatMap((c) => [...v128c0, ...set(acc(r, c))])),
    ...i32c(0), ...set(kb),
    ...get(bP), ...get(jb), ...ADD, ...set(bk),
    ...whileLoop([...get(kb), ...get(kEnd), ...LT_U], kBody),
    ...range(R).flatMap((r) => range(C).flatMap((c) => [...get(po[r]), ...get(jb), ...ADD, ...get(acc(r, c)), ...v128storeAt(16 * c)])),
    ...incLocal(jb, i32c(16 * C)),
  ];
}

/** out[i..i+R, j] for one column j (the N % 4 tail), in scalar f32. */
function scalarTile(R: number): number[] {
  const kBody = [
    ...get(bk), ...f32load, ...set(bs),
    ...range(R).flatMap((r) => [...get(accF[r]), ...get(pa[r]), ...get(kb), ...ADD, ...f32load, ...get(bs), ...F32_MUL, ...F32_ADD, ...set(accF[r])]),
    ...incLocal(kb, i32c(4)),
    ...incLocal(bk, get(nb)),
  ];
  return [
    ...range(R).flatMap((r) => [0x43, 0, 0, 0, 0, ...set(accF[r])]), // f32.const 0
    ...i32c(0), ...set(kb),
    ...get(bP), ...get(jb), ...ADD, ...set(bk),
    ...whileLoop([...get(kb), ...get(kEnd), ...LT_U], kBody),
    ...range(R).flatMap((r) => [...get(po[r]), ...get(jb), ...ADD, ...get(accF[r]), ...f32store]),
    ...incLocal(jb, i32c(4)),
  ];
}

/** R rows of a (starting at aRow) times b (at bP) into R rows of out (at oRow): tiles of C vectors, then 1, then scalar columns. */
function rowBlock(R: number, C: number): number[] {
  const setup = range(R).flatMap((r) => [
    ...get(aRow), ...get(aStride), ...i32c(r), ...MUL, ...ADD, ...set(pa[r]),
    ...get(oRow), ...get(oStride), ...i32c(r), ...MUL, ...ADD, ...set(po[r]),
  ]);
  return [
    ...setup,
    ...i32c(0), ...set(jb),
    ...whileLoop([...get(jb), ...i32c(16 * C), ...ADD, ...get(n4b), ...LE_U], simdTile(R, C)),
    ...(C > 1 ? whileLoop([...get(jb), ...i32c(16), ...ADD, ...get(n4b), ...LE_U], simdTile(R, 1)) : []),
    ...whileLoop([...get(jb), ...get(nb), ...LT_U], scalarTile(R)),
    ...incLocal(aRow, [...get(aStride), ...i32c(R), ...MUL]),
    ...incLocal(oRow, [...get(oStride), ...i32c(R), ...MUL]),
    ...incLocal(i, i32c(R)),
  ];
}

function kernelBody(C: number): number[] {
  const batchBody = [
    ...i32c(0), ...set(i),
    // blocks of 4 rows while i + 4 ≤ M
    ...whileLoop([...get(i), ...i32c(4), ...ADD, ...get(P_M), ...LE_U], rowBlock(4, C)),
    ...whileLoop([...get(i), ...get(P_M), ...LT_U], rowBlock(1, C)),
    ...incLocal(bP, get(bBatch)),
    ...incLocal(p, i32c(1)),
  ];
  return [
    ...get(P_K), ...i32c(4), ...MUL, ...set(aStride),
    ...get(aStride), ...set(kEnd),
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
 * The module's bytes: exports `mm(B, M, K, N, aPtr, bPtr, outPtr)` (byte offsets) and its
 * memory `mem` (1 page to start; the caller grows it).
 */
export function simdMatMulModuleBytes(tileVectors = 2): Uint8Array<ArrayBuffer> {
  const funcType = [0x60, ...vec([[I32], [I32], [I32], [I32], [I32], [I32], [I32]]), ...vec([])];
  const locals = vec([[...uleb(N_I32), I32], [...uleb(N_F32), F32], [...uleb(N_V128), V128]]);
  const body = [...locals, ...kernelBody(tileVectors), ...END];
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
  static create(tileVectors = 2): SimdBatchMatMul | null {
    const wasm = webAssemblyApi();
    if (!wasm) return null;
    const bytes = simdMatMulModuleBytes(tileVectors);
    try {
      if (!wasm.validate(bytes)) return null;
      return new SimdBatchMatMul(new wasm.Instance(new wasm.Module(bytes), {}));
    } catch {
      return null; // e.g. a CSP without 'wasm-unsafe-eval'
    }
  }

  /**
   * Grows the module's memory to hold a, b and out for these sizes (it never shrinks: the largest product's size stays
   * reserved). False when it cannot: more than 4 GiB, or the engine refuses to grow.
   */
  reserve(B: number, M: number, K: number, N: number): boolean {
    const bytes = layout(B, M, K, N).end * 4;
    if (bytes <= this.mem.buffer.byteLength) return true;
    if (bytes > 2 ** 32 - 65536) return false;
    try {
      this.mem.grow(Math.ceil((bytes - this.mem.buffer.byteLength) / 65536));
      return true;
    } catch {
      return false;
    }
  }

  /** out (B × M × N) = a (B × M × K) · b (B × K × N), batch by batch. Throws where {@link reserve} would be false. */
  run(a: Float32Array, b: Float32Array, out: Float32Array, B: number, M: number, K: number, N: number): void {
    if (!this.reserve(B, M, K, N)) throw new RangeError(`SIMD batched matmul: no room for [${B}, ${M}, ${K}] · [${B}, ${K}, ${N}]`);
    const { bOff, oOff, end } = layout(B, M, K, N);
    if (this.heap.buffer !== this.mem.buffer) this.heap = new Float32Array(this.mem.buffer);
    const heap = this.heap;
    heap.set(a.subarray(0, B * M * K), 0);
    heap.set(b.subarray(0, B * K * N), bOff);
    this.mm(B, M, K, N, 0, bOff * 4, oOff * 4);
    out.set(heap.subarray(oOff, end));
  }
}

/** Where a, b and out lie in the module's memory (in floats): a at 0, each operand on a 16-byte boundary. */
function layout(B: number, M: number, K: number, N: number): { bOff: number; oOff: number; end: number } {
  const up4 = (n: number) => Math.ceil(n / 4) * 4;
  const bOff = up4(B * M * K);
  const oOff = bOff + up4(B * K * N);
  return { bOff, oOff, end: oOff + B * M * N };
}
