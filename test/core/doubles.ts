/** The double just above `x` (x > 0). */
export function nextDouble(x: number): number {
  const bits = new BigUint64Array(new Float64Array([x]).buffer);
  bits[0] += 1n;
  return new Float64Array(bits.buffer)[0];
}

/** The double just below `x` (x > 0). */
export function previousDouble(x: number): number {
  const bits = new BigUint64Array(new Float64Array([x]).buffer);
  bits[0] -= 1n;
  return new Float64Array(bits.buffer)[0];
}
