/**
 * The standard normal distribution computed a second way, independently of src/core/normal.ts,
 * to check it against: the CDF from the series and the continued fraction of erfc, the quantile
 * by bisection on that CDF. Slow and plain on purpose. Accuracy against mpmath at 60 digits
 * (checked when this was written): ln CDF to about 1e-14 absolute, quantile to about 1e-14.
 */

const sqrtPi = Math.sqrt(Math.PI);

/** ln erfc(y) for y >= 0. */
function lnErfc(y: number): number {
  if (y < 2) {
    // erf(y) = 2/sqrt(pi) * exp(-y^2) * sum_n (2y^2)^n * y / (1 * 3 * ... * (2n + 1)): all terms
    // positive, so no cancellation inside the sum.
    let term = y;
    let sum = y;
    for (let n = 1; n < 200 && term > 1e-18 * sum; n++) {
      term *= (2 * y * y) / (2 * n + 1);
      sum += term;
    }
    return Math.log(1 - (2 / sqrtPi) * Math.exp(-y * y) * sum);
  }
  // erfc(y) = exp(-y^2) / sqrt(pi) / (y + (1/2) / (y + (2/2) / (y + (3/2) / (y + ...)))),
  // evaluated from the far end; 300 terms are far more than y >= 2 needs.
  let tail = y;
  for (let k = 300; k >= 1; k--) {
    tail = y + k / 2 / tail;
  }
  return -y * y - Math.log(sqrtPi) - Math.log(tail);
}

/** ln P(Z <= x) for x <= 0. */
export function lnLowerTailCdf(x: number): number {
  return Math.log(0.5) + lnErfc(-x / Math.SQRT2);
}

/** The standard normal CDF, for any x. */
export function independentNormalCdf(x: number): number {
  return x <= 0 ? Math.exp(lnLowerTailCdf(x)) : 1 - Math.exp(lnLowerTailCdf(-x));
}

/** The standard normal quantile by bisection on the CDF (on ln CDF in the lower half). */
export function independentNormalQuantile(probability: number): number {
  if (probability === 0.5) return 0;
  const lower = probability < 0.5;
  const lnTarget = Math.log(lower ? probability : 1 - probability);
  let low = -40;
  let high = 0;
  for (let i = 0; i < 200 && high - low > 0; i++) {
    const middle = (low + high) / 2;
    if (middle === low || middle === high) break;
    if (lnLowerTailCdf(middle) < lnTarget) low = middle;
    else high = middle;
  }
  const z = (low + high) / 2;
  return lower ? z : -z;
}
