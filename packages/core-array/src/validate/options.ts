/**
 * The options argument: absent, or a plain object whose every key the function knows. An
 * unknown key is an error naming it, listing the valid ones and suggesting the closest, so
 * `{ iteration: 2 }` or a positional argument in SciPy's style (`binaryOpening(x, s, 2)`) is
 * never silently ignored.
 */
import { describeValue, NdImageError } from '../errors.js';
import { didYouMean } from './did-you-mean.js';

/**
 * The option names of an options interface, as a list checked by the compiler: the record must
 * name every key of `T` (optional ones included) and nothing else, so the list cannot drift
 * from the interface.
 *
 * @example
 * ```ts
 * // In TypeScript: optionKeys<BlurOptions>({ … }) fails to compile when a key is missing or extra.
 * optionKeys({ sigma: true, mode: true }); // ['sigma', 'mode']
 * ```
 */
export function optionKeys<T extends object>(keys: { readonly [K in keyof Required<T>]: true }): readonly string[] {
  return Object.freeze(Object.keys(keys));
}

/** True for `{}`-like objects: made by a literal, `Object.create(null)` or `Object()`. */
function isPlainObject(value: object): boolean {
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === null || proto === Object.prototype || Object.getPrototypeOf(proto) === null;
}

/** A short phrase for what was passed where an options object belongs. */
function describeNonOptions(value: unknown): string {
  if (typeof value !== 'object' || value === null) return describeValue(value);
  if (Array.isArray(value)) return `an array ${describeValue(value)}`;
  if (ArrayBuffer.isView(value)) return `a ${value.constructor.name}`;
  const ctor = (value as { constructor?: { name?: unknown } }).constructor;
  const name = typeof ctor?.name === 'string' && ctor.name !== '' ? ctor.name : 'object';
  return `an instance of ${name}`;
}

/**
 * Checks an options argument and returns it: `undefined`/`null` give `{}`; anything but a plain
 * object, or a plain object with a key not in `known`, is `ERR_INVALID_ARGUMENT`. A key whose
 * value is `undefined` counts as absent, known or not: forwarding `{ ...common, ddof: undefined }`
 * loses nothing, so it is not an error.
 *
 * @param options - what the caller passed.
 * @param known - every valid key (from {@link optionKeys}).
 * @param name - the argument's name in messages.
 * @throws NdImageError `ERR_INVALID_ARGUMENT` naming the argument or the unknown key.
 * @example
 * ```ts
 * checkOptions({ iterations: 2 }, ['iterations', 'mask']); // { iterations: 2 }
 * checkOptions({ iteration: 2 }, ['iterations', 'mask']);
 * // throws: invalid argument: `options` has an unknown key 'iteration' (did you mean 'iterations'?); valid keys: 'iterations', 'mask'
 * checkOptions(2, ['iterations']); // throws: `options` must be a plain object of options; got 2
 * ```
 */
export function checkOptions<T extends object>(
  options: T | undefined | null,
  known: readonly string[],
  name = 'options',
): Partial<T> {
  if (options === undefined || options === null) return {};
  if (typeof options !== 'object' || Array.isArray(options) || !isPlainObject(options)) {
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `invalid argument: \`${name}\` must be a plain object of options; got ${describeNonOptions(options)}`,
      { argument: name },
    );
  }
  for (const key of Object.keys(options)) {
    if (known.includes(key) || (options as Record<string, unknown>)[key] === undefined) continue;
    const guess = didYouMean(key, known);
    const hint = guess === undefined ? '' : ` (did you mean '${guess}'?)`;
    const valid = known.length === 0 ? 'it takes no options' : `valid keys: ${known.map((k) => `'${k}'`).join(', ')}`;
    throw new NdImageError(
      'ERR_INVALID_ARGUMENT',
      `invalid argument: \`${name}\` has an unknown key '${key}'${hint}; ${valid}`,
      { argument: `${name}.${key}` },
    );
  }
  return options;
}
