import * as M from '@ndimage/morphology';
import { makeInputs } from './morphology-ops.mjs';

const I = makeInputs(2048);
const t = (name, f) => { for (let i=0;i<3;i++) f(); const ts=[]; for (let i=0;i<15;i++){const s=performance.now(); f(); ts.push(performance.now()-s);} ts.sort((a,b)=>a-b); console.log(name, ts[7].toFixed(2)); };
t('objectStats grey', () => M.objectStats(I.labels, I.grey));
t('objectStats', () => M.objectStats(I.labels));
t('objectStats f64', () => M.objectStats(I.labels, I.noisy.astype('float64')));
