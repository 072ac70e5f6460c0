import { describe, expect, it } from 'vitest';
import { planFor } from './execute.js';
import { factorize, goodSize } from './plan.js';

describe('FFT plans', () => {
  it('factors powers of two into radix-8 passes (an 8 and a 2 become two 4s)', () => {
    expect(factorize(2048)).toEqual([8, 8, 8, 4]);
    expect(factorize(1024)).toEqual([8, 8, 4, 4]);
    expect(factorize(16)).toEqual([4, 4]);
    expect(factorize(1500)).toEqual([4, 3, 5, 5, 5]);
    expect(factorize(1000)).toEqual([8, 5, 5, 5]);
    expect(factorize(77)).toEqual([7, 11]);
    expect(factorize(1)).toEqual([]);
  });

  it('good sizes are the smallest 2^a·3^b·5^c at or above n', () => {
    expect(goodSize(2017)).toBe(2025);
    expect(goodSize(1025)).toBe(1080);
    expect(goodSize(4096)).toBe(4096);
    expect(goodSize(7)).toBe(8);
  });

  it('large prime factors go through Bluestein, small ones through the generic radix', () => {
    expect(planFor(1009).kind).toBe('bluestein');
    expect(planFor(4099).kind).toBe('bluestein');
    expect(planFor(2 * 1031).kind).toBe('bluestein');
    expect(planFor(97 * 8).kind).toBe('cooley-tukey'); // pocketfft's cost rule: 97 is small enough here
    expect(planFor(49).kind).toBe('cooley-tukey');
    expect(planFor(7 * 11 * 13).kind).toBe('cooley-tukey');
    expect(planFor(2048).kind).toBe('cooley-tukey');
  });
});
