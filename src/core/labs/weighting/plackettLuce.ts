// Slates from a softmax policy: Plackett–Luce sampling without replacement (Gumbel top-k) and its log-probability.
import type { Rng } from '../../random/rng';

/** 0/1 mask of the items not in `exclude` (ids checked), and how many are allowed. */
function allowedItems(numItems: number, exclude: ArrayLike<number>): { allowed: Uint8Array; count: number } {
  const allowed = new Uint8Array(numItems).fill(1);
  let count = numItems;
  for (let j = 0; j < exclude.length; j++) {
    const i = exclude[j];
    if (!(Number.isInteger(i) && i >= 0 && i < numItems)) {
      throw new RangeError(`excluded item id ${i} is not an integer in [0, ${numItems})`);
    }
    if (allowed[i]) count--;
    allowed[i] = 0;
  }
  return { allowed, count };
}

/**
 * G slates of N distinct items each, drawn from the Plackett–Luce model of one user's logits l (the softmax
 * policy sampled without replacement), by Gumbel top-k: key_i = l_i + g_i, g_i = −log(−log U_i), U_i ~ U(0, 1)
 * from `rng`; the slate is the N allowed items with the largest keys, in decreasing key order (which is the
 * PL order of picks). Excluded items are never chosen.
 * Speed: the key is ranked in the equivalent form k_i = log(U_i) · exp(m − l_i) (m = max logit), since
 * l_i + g_i = m − log(−k_i) is increasing in k_i: one log per draw instead of two, the exps shared by the G
 * slates — same U, same slates. (A logit more than ~709 below the max gets k = −∞: probability < e⁻⁷⁰⁹.)
 * @param logits the user's logits over the catalogue (length I), all finite.
 * @param exclude item ids never to recommend (the user's input items).
 * @throws RangeError when fewer than N items are allowed, or on a bad id, G, N or logit.
 */
export function sampleSlates(
  logits: Float32Array,
  exclude: ArrayLike<number>,
  G: number,
  N: number,
  rng: Rng,
): Int32Array[] {
  const I = logits.length;
  if (!(Number.isInteger(G) && G >= 1)) throw new RangeError(`group size G = ${G} must be an integer ≥ 1`);
  if (!(Number.isInteger(N) && N >= 1)) throw new RangeError(`slate size N = ${N} must be an integer ≥ 1`);
  for (let i = 0; i < I; i++) {
    if (!Number.isFinite(logits[i])) throw new RangeError(`logit ${logits[i]} of item ${i} is not finite`);
  }
  const { allowed, count } = allowedItems(I, exclude);
  if (count < N) {
    throw new RangeError(`cannot sample ${N} distinct items: only ${count} of ${I} items are allowed (${I - count} excluded)`);
  }
  let m = -Infinity;
  for (let i = 0; i < I; i++) if (allowed[i] && logits[i] > m) m = logits[i];
  const scale = new Float64Array(I);
  for (let i = 0; i < I; i++) scale[i] = Math.exp(m - logits[i]);
  const slates: Int32Array[] = [];
  const topKey = new Float64Array(N);
  for (let g = 0; g < G; g++) {
    const slate = new Int32Array(N);
    topKey.fill(-Infinity);
    let filled = 0;
    for (let i = 0; i < I; i++) {
      if (!allowed[i]) continue;
      // U in (0, 1): float() is in [0, 1 − 2⁻³²]; the half-step keeps log U finite and < 0.
      const u = rng.float() + 2 ** -33;
      // log U ≤ U − 1 (exactly so in float64, and scale_i ≥ 1), so (U − 1)·scale_i bounds the key from above:
      // most items fall below the N-th key on that bound and skip the log — the same slates, several × faster.
      if (filled === N && (u - 1) * scale[i] <= topKey[N - 1]) continue;
      const key = Math.log(u) * scale[i]; // the Gumbel key l_i − log(−log U_i), up to a monotone map
      if (filled === N && key <= topKey[N - 1]) continue;
      // Insertion into the sorted top-N (N is small: ~10).
      let pos = filled < N ? filled++ : N - 1;
      while (pos > 0 && topKey[pos - 1] < key) {
        topKey[pos] = topKey[pos - 1];
        slate[pos] = slate[pos - 1];
        pos--;
      }
      topKey[pos] = key;
      slate[pos] = i;
    }
    slates.push(slate);
  }
  return slates;
}

/**
 * Plackett–Luce log-probability of an ordered slate (i_1, …, i_N), in float64 — the reference:
 * log p = Σ_j [ l_{i_j} − log Σ_{i allowed, i ∉ {i_1..i_{j−1}}} exp(l_i) ] (natural log).
 * @returns −Infinity when the slate repeats an item or holds an excluded one (probability 0).
 */
export function plLogProb(logits: ArrayLike<number>, slate: ArrayLike<number>, exclude: ArrayLike<number>): number {
  const { allowed } = allowedItems(logits.length, exclude);
  let lp = 0;
  for (let j = 0; j < slate.length; j++) {
    const pick = slate[j];
    if (!(Number.isInteger(pick) && pick >= 0 && pick < logits.length)) {
      throw new RangeError(`slate item id ${pick} is not an integer in [0, ${logits.length})`);
    }
    if (!allowed[pick]) return -Infinity;
    // log-sum-exp over what remains, shifted by its max for stability.
    let m = -Infinity;
    for (let i = 0; i < logits.length; i++) if (allowed[i] && logits[i] > m) m = logits[i];
    let z = 0;
    for (let i = 0; i < logits.length; i++) if (allowed[i]) z += Math.exp(logits[i] - m);
    lp += logits[pick] - m - Math.log(z);
    allowed[pick] = 0;
  }
  return lp;
}


/** Smallest remaining mass the float64 REINFORCE gradient takes the log or the inverse of (underflow only). */
const MASS_FLOOR_64 = 1e-300;

/** Scratch arrays of {@link plReinforceGradient}, reused across calls (one step after another). */
export interface PlGradientScratch {
  e?: Float64Array;
  mark?: Uint8Array;
  c?: Float64Array;
  cum?: Float64Array;
  picks?: Int32Array;
  other?: Float64Array;
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(have: T | undefined, n: number, make: (n: number) => T): T {
  return have && have.length >= n ? have : make(n);
}

/**
 * REINFORCE on Plackett–Luce slates, on the CPU in float64: the loss L = −(1/R) Σ_r A_r · log p(slate_r | l_b(r))
 * over all R slates (row b(r) = the user the slate was drawn for) and its exact gradient dL/dl (B × I), so the
 * tensor side only back-propagates Σ l ⊙ dL/dl through the policy — no R × I tensor at all.
 * With e_i = exp(l_i − m) over the allowed items (m = their max), rem_j = Z_out + Σ_{t≥j} e_{p_t} the mass left
 * before pick j (Z_out = Σ_{allowed, not picked} e, a sum of positive terms),
 * s_j = 1 / rem_j and c = Σ_j s_j:
 *   log p = Σ_j [(l_{p_j} − m) − log rem_j],
 *   ∂ log p / ∂ l_i = 1 − e_i Σ_{j≤t} s_j for the pick p_t, −e_i · c for any other allowed item, 0 if excluded.
 * Every product e_i s_j that is formed has e_i ≤ rem_j, so nothing cancels even when a slate's last picks hold a
 * vanishing share of the mass (an item picked in some of a user's slates gets Σ over the other slates formed
 * term by term, not as a total minus its own slates). Z_out is Z − Σ_t e_{p_t} (float64 keeps ~16 digits),
 * summed item by item when that leaves under 10⁻⁸ Z. A slate with advantage 0 adds nothing and is skipped.
 * @param logits B × I row-major, finite.
 * @param allowed B × I, 1 where the row's user may be shown the item.
 * @param slates per row, its slates (item ids in pick order, distinct and allowed).
 * @param advantages per row, one advantage per slate.
 * @param grad B × I output, overwritten with dL/dl.
 * @returns L (0 when there are no slates).
 */
export function plReinforceGradient(
  logits: Float32Array,
  numItems: number,
  allowed: Uint8Array,
  slates: readonly (readonly Int32Array[])[],
  advantages: readonly ArrayLike<number>[],
  grad: Float32Array,
  scratch: PlGradientScratch = {},
): number {
  const I = numItems;
  const B = slates.length;
  if (logits.length !== B * I || allowed.length !== B * I || grad.length !== B * I) {
    throw new RangeError(`logits (${logits.length}), allowed (${allowed.length}) and grad (${grad.length}) must each hold B × I = ${B} × ${I} values`);
  }
  let R = 0;
  let maxG = 0;
  let maxN = 0;
  for (let b = 0; b < B; b++) {
    if (advantages[b].length !== slates[b].length) throw new RangeError(`row ${b}: ${advantages[b].length} advantages for ${slates[b].length} slates`);
    R += slates[b].length;
    maxG = Math.max(maxG, slates[b].length);
    for (const s of slates[b]) maxN = Math.max(maxN, s.length);
  }
  grad.fill(0);
  if (R === 0) return 0;
  const e = (scratch.e = grown(scratch.e, I, (n) => new Float64Array(n)));
  const mark = (scratch.mark = grown(scratch.mark, I, (n) => new Uint8Array(n)));
  const c = (scratch.c = grown(scratch.c, maxG, (n) => new Float64Array(n)));
  const cum = (scratch.cum = grown(scratch.cum, maxG * maxN, (n) => new Float64Array(n)));
  const picks = (scratch.picks = grown(scratch.picks, maxG * maxN, (n) => new Int32Array(n)));
  const other = (scratch.other = grown(scratch.other, maxG * maxN, (n) => new Float64Array(n)));
  let loss = 0;
  for (let b = 0; b < B; b++) {
    const row = b * I;
    const rowSlates = slates[b];
    const A = advantages[b];
    let active = false;
    for (let g = 0; g < A.length; g++) if (A[g] !== 0) active = true;
    if (!active) continue;
    let m = -Infinity;
    for (let i = 0; i < I; i++) if (allowed[row + i] && logits[row + i] > m) m = logits[row + i];
    let Z = 0;
    for (let i = 0; i < I; i++) {
      const x = allowed[row + i] ? Math.exp(logits[row + i] - m) : 0;
      e[i] = x;
      Z += x;
    }
    // Per active slate: c_g = Σ_j s_j, cum_{g,t} = Σ_{j≤t} s_j; C = Σ_g A_g c_g.
    let C = 0;
    for (let g = 0; g < rowSlates.length; g++) {
      if (A[g] === 0) continue;
      const slate = rowSlates[g];
      const n = slate.length;
      let zOut = Z;
      for (let t = 0; t < n; t++) {
        const p = slate[t];
        if (!(p >= 0 && p < I && allowed[row + p]) || mark[p]) {
          for (let u = 0; u < t; u++) mark[slate[u]] = 0;
          throw new RangeError(`row ${b}, slate ${g}: item ${p} is not allowed, or repeated`);
        }
        mark[p] = 1;
        zOut -= e[p];
      }
      if (!(zOut >= 1e-8 * Z)) {
        zOut = 0;
        for (let i = 0; i < I; i++) if (!mark[i]) zOut += e[i];
      }
      for (let t = 0; t < n; t++) mark[slate[t]] = 0;
      let rem = zOut;
      let logp = 0;
      const base = g * maxN;
      for (let j = n - 1; j >= 0; j--) {
        rem += e[slate[j]];
        const r = Math.max(rem, MASS_FLOOR_64);
        cum[base + j] = 1 / r; // s_j for now; prefix-summed below
        logp += logits[row + slate[j]] - m - Math.log(r);
      }
      for (let j = 1; j < n; j++) cum[base + j] += cum[base + j - 1];
      c[g] = n ? cum[base + n - 1] : 0;
      loss -= A[g] * logp;
      C += A[g] * c[g];
    }
    // Items no slate picked: dL/dl_i = e_i · C / R (e_i ≤ every slate's remaining mass).
    for (let i = 0; i < I; i++) grad[row + i] = (e[i] * C) / R;
    // Items some slate picked (distinct, at most G·N): Σ over the slates without i of A_g c_g e_i, plus
    // −A_g (1 − e_i cum_{g,t}) for each slate that picked i at t.
    let P = 0;
    for (let g = 0; g < rowSlates.length; g++) {
      if (A[g] === 0) continue;
      for (const p of rowSlates[g]) {
        if (mark[p]) continue;
        mark[p] = 1;
        picks[P] = p;
        other[P++] = 0;
      }
    }
    for (let k = 0; k < P; k++) mark[picks[k]] = 0;
    for (let g = 0; g < rowSlates.length; g++) {
      if (A[g] === 0) continue;
      const slate = rowSlates[g];
      for (const p of slate) mark[p] = 1;
      for (let k = 0; k < P; k++) if (!mark[picks[k]]) other[k] += A[g] * c[g];
      for (const p of slate) mark[p] = 0;
    }
    for (let k = 0; k < P; k++) grad[row + picks[k]] = e[picks[k]] * other[k];
    for (let g = 0; g < rowSlates.length; g++) {
      if (A[g] === 0) continue;
      const slate = rowSlates[g];
      for (let t = 0; t < slate.length; t++) grad[row + slate[t]] -= A[g] * (1 - e[slate[t]] * cum[g * maxN + t]);
    }
    for (let k = 0; k < P; k++) grad[row + picks[k]] /= R;
  }
  return loss / R;
}
