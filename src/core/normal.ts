import { outOfRange } from "./errors";

/**
 * The standard normal quantile (inverse cumulative distribution function): the z with
 * P(Z <= z) = probability for Z ~ N(0, 1). Agrees with Excel's NORM.S.INV to about 1e-15
 * relative, from 1e-300 to 1 - 1e-16.
 *
 * Wichura's algorithm AS 241 (PPND16, Applied Statistics 37(3), 1988, pp. 477-484): three
 * rational approximations of degree 7/7, one for the centre (|p - 1/2| <= 0.425) in
 * (p - 1/2)^2, and two for the tails in sqrt(-ln(min(p, 1 - p))), split at 5; the paper states
 * about 1e-16 relative accuracy. The tails work from min(p, 1 - p) so that the result is
 * symmetric, z(1 - p) = -z(p), up to the rounding of 1 - p itself.
 *
 * Throws outOfRange unless 0 < probability < 1.
 *
 * @example normalQuantile(0.975) // 1.959963984540054
 */
export function normalQuantile(probability: number): number {
  if (!(probability > 0 && probability < 1)) {
    throw outOfRange(`probability must be above 0 and below 1 (0.1 = the 10th percentile, 0.5 the median); got ${probability}.`);
  }
  const offset = probability - 0.5;
  if (Math.abs(offset) <= centralHalfWidth) {
    const r = centralHalfWidth * centralHalfWidth - offset * offset;
    return (offset * polynomial(centralNumerator, r)) / polynomial(centralDenominator, r);
  }
  const tailProbability = offset < 0 ? probability : 1 - probability;
  let r = Math.sqrt(-Math.log(tailProbability));
  let z: number;
  if (r <= tailSplit) {
    r -= nearTailShift;
    z = polynomial(nearTailNumerator, r) / polynomial(nearTailDenominator, r);
  } else {
    r -= tailSplit;
    z = polynomial(farTailNumerator, r) / polynomial(farTailDenominator, r);
  }
  return offset < 0 ? -z : z;
}

/** Horner's rule; `coefficients[0]` is the constant term. */
function polynomial(coefficients: readonly number[], x: number): number {
  let sum = coefficients[coefficients.length - 1];
  for (let power = coefficients.length - 2; power >= 0; power--) {
    sum = sum * x + coefficients[power];
  }
  return sum;
}

// The constants of AS 241 as the paper tabulates them (20 significant digits; a double keeps 17).
const centralHalfWidth = 0.425;
const tailSplit = 5;
const nearTailShift = 1.6;

const centralNumerator = [
  3.387132872796366608, 1.3314166789178437745e2, 1.9715909503065514427e3, 1.3731693765509461125e4,
  4.5921953931549871457e4, 6.7265770927008700853e4, 3.3430575583588128105e4, 2.5090809287301226727e3,
];
const centralDenominator = [
  1, 4.2313330701600911252e1, 6.871870074920579083e2, 5.3941960214247511077e3, 2.1213794301586595867e4,
  3.930789580009271061e4, 2.8729085735721942674e4, 5.226495278852854561e3,
];
const nearTailNumerator = [
  1.42343711074968357734, 4.6303378461565452959, 5.7694972214606914055, 3.64784832476320460504,
  1.27045825245236838258, 2.4178072517745061177e-1, 2.27238449892691845833e-2, 7.7454501427834140764e-4,
];
const nearTailDenominator = [
  1, 2.05319162663775882187, 1.6763848301838038494, 6.8976733498510000455e-1, 1.4810397642748007459e-1,
  1.51986665636164571966e-2, 5.475938084995344946e-4, 1.05075007164441684324e-9,
];
const farTailNumerator = [
  6.6579046435011037772, 5.4637849111641143699, 1.7848265399172913358, 2.9656057182850489123e-1,
  2.6532189526576123093e-2, 1.2426609473880784386e-3, 2.71155556874348757815e-5, 2.01033439929228813265e-7,
];
const farTailDenominator = [
  1, 5.998322065558879376e-1, 1.369298809227358053e-1, 1.48753612908506148525e-2, 7.868691311456132591e-4,
  1.8463183175100546818e-5, 1.4215117583164458887e-7, 2.04426310338993978564e-15,
];
