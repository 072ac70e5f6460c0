/** Types of median-network.mjs (a build-time module, also used by the tests). */
export interface NetworkOp {
  lo: number;
  hi: number;
  min: boolean;
  max: boolean;
}
export interface Network {
  ops: NetworkOp[];
  out: number;
}
export function selectionNetwork(k: number, r: number): Network;
export function checkNetwork(k: number, r: number, network: Network): void;
