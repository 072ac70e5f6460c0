import { packageBuild } from '../../tools/config/tsup.js';

export default packageBuild({ index: 'src/index.ts', internal: 'src/internal.ts', bands: 'src/bands.ts' });
