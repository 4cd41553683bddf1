import { outOfRange } from "./errors";
import { normalQuantile } from "./normal";

/*
 * Student's t distribution for whole degrees of freedom, as the fit's confidence bounds need
 * (n − 2 of them). The distribution function has a closed form for whole ν (Abramowitz and Stegun
 * 26.7.3 and 26.7.4, with θ = atan(t / √ν)):
 *
 *   P(|T| ≤ t) = sin θ (1 + ½ cos²θ + (1·3)/(2·4) cos⁴θ + … + (1·3…(ν−3))/(2·4…(ν−2)) cos^(ν−2)θ)   ν even
 *   P(|T| ≤ t) = (2/π) (θ + sin θ (cos θ + ⅔ cos³θ + … + (2·4…(ν−3))/(1·3…(ν−2)) cos^(ν−2)θ))     ν odd
 *
 * a finite sum, so it is exact to rounding; the quantile inverts it by Newton's method, kept inside a
 * bracket that bisection shrinks whenever a Newton step would leave it. The sum has ν/2 terms whose
 * roundings add up, so from 3000 degrees of freedom on the quantile comes instead from the normal
 * quantile z by the Cornish-Fisher expansion (Abramowitz and Stegun 26.7.5), whose first omitted
 * term is below 1e-16 there:
 *
 *   t = z + g1/ν + g2/ν² + g3/ν³ + g4/ν⁴,   g1 = (z³ + z)/4,   g2 = (5z⁵ + 16z³ + 3z)/96,
 *   g3 = (3z⁷ + 19z⁵ + 17z³ − 15z)/384,   g4 = (79z⁹ + 776z⁷ + 1482z⁵ − 1920z³ − 945z)/92160
 */

/** The largest degrees of freedom accepted: the distribution's sum has ν/2 terms. */
export const MAX_DEGREES_OF_FREEDOM = 10_000_000;

/** From here on the quantile uses the Cornish-Fisher expansion. */
const expansionFromDegreesOfFreedom = 3000;

function cornishFisherQuantile(probability: number, degreesOfFreedom: number): number {
  const z = normalQuantile(probability);
  const z2 = z * z;
  const g1 = (z * (z2 + 1)) / 4;
  const g2 = (z * ((5 * z2 + 16) * z2 + 3)) / 96;
  const g3 = (z * (((3 * z2 + 19) * z2 + 17) * z2 - 15)) / 384;
  const g4 = (z * ((((79 * z2 + 776) * z2 + 1482) * z2 - 1920) * z2 - 945)) / 92160;
  const inverse = 1 / degreesOfFreedom;
  return z + inverse * (g1 + inverse * (g2 + inverse * (g3 + inverse * g4)));
}

function checkDegreesOfFreedom(degreesOfFreedom: number): void {
  if (!(Number.isInteger(degreesOfFreedom) && degreesOfFreedom >= 1 && degreesOfFreedom <= MAX_DEGREES_OF_FREEDOM)) {
    throw outOfRange(`Degrees of freedom must be a whole number from 1 to ${MAX_DEGREES_OF_FREEDOM}; got ${degreesOfFreedom}.`);
  }
}

/** P(|T| ≤ t) for t ≥ 0. */
function centralProbability(t: number, degreesOfFreedom: number): number {
  const theta = Math.atan(t / Math.sqrt(degreesOfFreedom));
  const sine = Math.sin(theta);
  const cosine = Math.cos(theta);
  const cosineSquared = cosine * cosine;
  if (degreesOfFreedom % 2 === 0) {
    let term = 1;
    let sum = 1;
    for (let k = 1; k <= (degreesOfFreedom - 2) / 2; k++) {
      term *= ((2 * k - 1) / (2 * k)) * cosineSquared;
      sum += term;
    }
    return sine * sum;
  }
  if (degreesOfFreedom === 1) return (2 / Math.PI) * theta;
  let term = cosine;
  let sum = cosine;
  for (let k = 1; k <= (degreesOfFreedom - 3) / 2; k++) {
    term *= ((2 * k) / (2 * k + 1)) * cosineSquared;
    sum += term;
  }
  return (2 / Math.PI) * (theta + sine * sum);
}

/**
 * Student's t distribution function P(T ≤ t) for whole degrees of freedom.
 *
 * @example studentTDistribution(1.812461122811676, 10) // 0.95
 */
export function studentTDistribution(t: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (Number.isNaN(t)) throw outOfRange("t must be a number; got NaN.");
  if (t === Infinity) return 1;
  if (t === -Infinity) return 0;
  const central = centralProbability(Math.abs(t), degreesOfFreedom);
  return t >= 0 ? 0.5 + 0.5 * central : 0.5 - 0.5 * central;
}

/* Γ((ν+1)/2) / (√(νπ) Γ(ν/2)), the density's constant, by Γ(x+1) = x Γ(x) from ν = 1 or 2. */
function densityConstant(degreesOfFreedom: number): number {
  let ratio = degreesOfFreedom % 2 === 1 ? 1 / Math.sqrt(Math.PI) : Math.sqrt(Math.PI) / 2;
  for (let nu = degreesOfFreedom % 2 === 1 ? 1 : 2; nu < degreesOfFreedom; nu += 2) ratio *= (nu + 1) / nu;
  return ratio / Math.sqrt(degreesOfFreedom * Math.PI);
}

/**
 * The quantile of Student's t distribution: the t with P(T ≤ t) = probability, for whole degrees
 * of freedom, as Excel's T.INV(probability, degrees_freedom). Relative error about 1e-15 at a few
 * hundred degrees of freedom, 1e-13 at 2,000, 1e-16 from 3,000 on (the expansion), measured
 * against SciPy.
 *
 * @example studentTQuantile(0.95, 10) // 1.8124611228116756 (one-sided 95%, two-sided 90%)
 * @example studentTQuantile(0.975, 1) // 12.706204736174696
 */
export function studentTQuantile(probability: number, degreesOfFreedom: number): number {
  checkDegreesOfFreedom(degreesOfFreedom);
  if (!(probability > 0 && probability < 1)) throw outOfRange(`The probability must be between 0 and 1, both excluded; got ${probability}.`);
  if (probability === 0.5) return 0;
  if (probability < 0.5) return -studentTQuantile(1 - probability, degreesOfFreedom);
  if (degreesOfFreedom === 1) return Math.tan(Math.PI * (probability - 0.5));
  if (degreesOfFreedom === 2) return (2 * probability - 1) / Math.sqrt(2 * probability * (1 - probability));
  if (degreesOfFreedom >= expansionFromDegreesOfFreedom) return cornishFisherQuantile(probability, degreesOfFreedom);
  const target = 2 * probability - 1; // P(|T| ≤ t) at the quantile
  let low = 0;
  let high = 1;
  while (centralProbability(high, degreesOfFreedom) < target) {
    low = high;
    high *= 2;
    if (high > 1e300) return Infinity;
  }
  const constant = densityConstant(degreesOfFreedom);
  let t = (low + high) / 2;
  for (let iteration = 0; iteration < 200; iteration++) {
    const error = centralProbability(t, degreesOfFreedom) - target;
    if (error === 0) return t;
    if (error < 0) low = t;
    else high = t;
    const density = 2 * constant * Math.pow(1 + (t * t) / degreesOfFreedom, -(degreesOfFreedom + 1) / 2);
    let next = t - error / density;
    if (!(next > low && next < high)) next = (low + high) / 2;
    if (Math.abs(next - t) <= 1e-15 * Math.abs(next) || high - low <= 1e-15 * high) return next;
    t = next;
  }
  return t;
}
