import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild({
  index: 'src/index.ts',
  internal: 'src/internal.ts',
  // Started by the chunk pool with new URL('./worker.js', import.meta.url): must sit beside the index.
  worker: 'src/worker.ts',
});
