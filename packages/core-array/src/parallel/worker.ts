/**
 * A pool worker: waits for its control word, takes the posted task, imports the task's module
 * (once) and calls the named export, then signals back. Every path signals, so the calling thread
 * never waits forever on a task that threw.
 */
import { type MessagePort, receiveMessageOnPort, workerData } from 'node:worker_threads';
import type { ThreadTask } from './registry.js';

const { port, control } = workerData as { port: MessagePort; control: Int32Array };
const modules = new Map<string, Promise<Record<string, unknown>>>();

for (;;) {
  Atomics.wait(control, 0, 0);
  const task = receiveMessageOnPort(port)?.message as ThreadTask | undefined;
  try {
    if (task === undefined) throw new Error('no task posted');
    let mod = modules.get(task.module);
    if (mod === undefined) {
      mod = import(task.module) as Promise<Record<string, unknown>>;
      modules.set(task.module, mod);
    }
    const fn = (await mod)[task.fn];
    if (typeof fn !== 'function') throw new Error(`${task.module} has no function ${task.fn}`);
    fn(task.args);
    Atomics.store(control, 1, 0);
  } catch (e) {
    port.postMessage({ error: e instanceof Error ? (e.stack ?? e.message) : String(e) });
    Atomics.store(control, 1, 1);
  } finally {
    Atomics.store(control, 0, 0);
    Atomics.notify(control, 0);
  }
}
