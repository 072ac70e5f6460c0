import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild({ index: 'src/index.ts', 'v73-worker': 'src/v73-worker.ts' });
