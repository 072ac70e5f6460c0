import * as M from '@ndimage/morphology';
import { makeInputs } from './morphology-ops.mjs';

const I = makeInputs(2048);
for (let i = 0; i < 60; i++) M.objectStats(I.labels);
