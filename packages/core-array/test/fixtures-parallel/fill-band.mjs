// Tasks for test/parallel.test.ts, run inside pool workers.
export function fillBand({ out, start, end }) {
  if (!out) return;
  for (let i = start; i < end; i++) out[i] = i * 2;
}
export function fails() {
  throw new Error('deliberate');
}
