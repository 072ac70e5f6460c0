import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild(
  { main: 'src/main.ts', bin: 'src/bin.ts', 'batch-worker': 'src/batch-worker.ts' },
  { platform: 'node' },
);
