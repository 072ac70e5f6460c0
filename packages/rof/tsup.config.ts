import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild({ index: 'src/index.ts', threads: 'src/threads.ts', internal: 'src/internal.ts' });
