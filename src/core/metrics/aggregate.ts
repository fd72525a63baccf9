// Averaging a per-user metric over all users.

/**
 * Mean of a per-user value: meanOver(U, f) = (1/U) · Σ_{u=0..U−1} f(u).
 * @returns 0 when users ≤ 0.
 */
export function meanOver(users: number, f: (u: number) => number): number {
  if (users <= 0) return 0;
  let sum = 0;
  for (let u = 0; u < users; u++) sum += f(u);
  return sum / users;
}
