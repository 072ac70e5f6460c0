import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild({
  index: 'src/index.ts',
  internal: 'src/internal.ts',
  'testing/index': 'src/testing/index.ts',
  'parallel/index': 'src/parallel/index.ts',
  'node/index': 'src/node/index.ts',
  // Loaded by the pool with new URL('./worker.js', import.meta.url): must sit beside parallel/index.js.
  'parallel/worker': 'src/parallel/worker.ts',
});
