/**
 * The Bessel function of the first kind of order one, J₁(x), as SciPy's `ni_fourier.c` computes
 * it for the 2-d ellipsoid filter: the Cephes rational approximations (|x| ≤ 5) and asymptotic
 * expansion (beyond), with their published coefficients (written here as the doubles they round
 * to), so the filter matches SciPy's to the last bits rather than to another J₁'s accuracy.
 */

const RP = [-899971225.7055594, 452228297998.19403, -72749424522181.83, 3682957328638529.0];
const RQ = [
  620.8364781180543, 256987.25675774884, 83514679.14319493, 22151159547.97925, 4749141220799.914, 784369607876235.9,
  8.952223361846274e16, 5.322786203326801e18,
];
const PP = [
  0.0007621256162081731, 0.07313970569409176, 1.1271960812968493, 5.112079511468076, 8.424045901417724,
  5.214515986823615, 1.0,
];
const PQ = [
  0.0005713231280725487, 0.06884559087544954, 1.105142326340617, 5.073863861286015, 8.399855543276042,
  5.209828486823619, 1.0,
];
const QP = [
  0.05108625947501766, 4.982138729512334, 75.82382841325453, 366.7796093601508, 710.8563049989261, 597.4896124006136,
  211.68875710057213, 25.207020585802372,
];
const QQ = [
  74.23732770356752, 1056.4488603826283, 4986.410583376536, 9562.318924047562, 7997.041604473507, 2826.1927851763908,
  336.0936078106983,
];

const THPIO4 = 2.356194490192345;
const SQ2OPI = 0.7978845608028654;
const Z1 = 14.681970642123893;
const Z2 = 49.2184563216946;

/** Σ coef[i]·x^(N−i), Horner's rule from the leading coefficient (Cephes `polevl`). */
function polevl(x: number, coef: readonly number[]): number {
  let ans = coef[0] as number;
  for (let i = 1; i < coef.length; i++) ans = ans * x + (coef[i] as number);
  return ans;
}

/** The same with an implicit leading coefficient 1 (Cephes `p1evl`). */
function p1evl(x: number, coef: readonly number[]): number {
  let ans = x + (coef[0] as number);
  for (let i = 1; i < coef.length; i++) ans = ans * x + (coef[i] as number);
  return ans;
}

/**
 * J₁(x).
 *
 * @example
 * ```ts
 * besselJ1(1); // 0.44005058574493355
 * ```
 */
export function besselJ1(x: number): number {
  const w0 = x < 0 ? -x : x;
  if (w0 <= 5.0) {
    const z = x * x;
    const w = polevl(z, RP) / p1evl(z, RQ);
    return w * x * (z - Z1) * (z - Z2);
  }
  const w = 5.0 / x;
  const z = w * w;
  let p = polevl(z, PP) / polevl(z, PQ);
  const q = polevl(z, QP) / p1evl(z, QQ);
  const xn = x - THPIO4;
  p = p * Math.cos(xn) - w * q * Math.sin(xn);
  return (p * SQ2OPI) / Math.sqrt(x);
}
