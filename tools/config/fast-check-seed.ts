/**
 * Property tests explore new random cases on every local run (fast-check prints the seed of a
 * failure, and FC_SEED=<seed> replays it). In CI (CI=1) they use one fixed seed, so a landing never
 * hinges on the draw; a failure found locally becomes a unit test.
 */
import fc from 'fast-check';

const fixed = process.env.FC_SEED ?? (process.env.CI ? '20261126' : undefined);
if (fixed !== undefined) fc.configureGlobal({ seed: Number(fixed) });
