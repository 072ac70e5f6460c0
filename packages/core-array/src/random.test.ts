import { describe, expect, it } from 'vitest';
import { NdImageError } from './errors.js';
import { RandomState, random, randomNormal } from './random.js';

describe('RandomState', () => {
  it('reproduces np.random.seed(0); np.random.random(2)', () => {
    expect(random([2], { seed: 0 }).toArray()).toEqual([0.5488135039273248, 0.7151893663724195]);
  });

  it('continues one stream across draws, like successive NumPy calls', () => {
    const rng = new RandomState(0);
    const first = rng.random([2]).toArray();
    const next = rng.random([1]).toArray();
    expect(random([3], { seed: 0 }).toArray()).toEqual([...(first as number[]), ...(next as number[])]);
  });

  it('the textbook noise is two lines: randomNormal(shape, { std: 30, seed })', () => {
    const noise = randomNormal([4, 4], { std: 30, seed: 1 });
    expect(noise.shape).toEqual([4, 4]);
    expect(noise.toArray()).toEqual(randomNormal([4, 4], { std: 30, seed: 1 }).toArray());
  });

  it('unseeded generators differ', () => {
    expect(random([4]).toArray()).not.toEqual(random([4]).toArray());
  });

  it('validates seed, std and shape', () => {
    for (const bad of [() => new RandomState(-1), () => new RandomState(2 ** 32), () => new RandomState(1.5)]) {
      expect(bad).toThrow(NdImageError);
    }
    expect(() => randomNormal([2], { std: -1 })).toThrow(/`std` must be a finite number ≥ 0/);
    expect(() => random([-2])).toThrow(/`shape`/);
  });
});
