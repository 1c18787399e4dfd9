// Heap of another Node process, through its inspector (started with NODE_OPTIONS=--inspect=127.0.0.1:PORT): a full
// garbage collection in the main thread and in every worker thread (the Temporal worker runs workflows in one), then
// each isolate's used heap. Without the collection, a process's RSS says as much about when V8 last collected as about
// what it holds.
import WebSocket from 'ws';

interface Pending {
  resolve: (result: unknown) => void;
  reject: (err: Error) => void;
}

export interface HeapUsage {
  /** Used heap of the main thread's isolate, after a full collection. */
  main: number;
  /** Used heap of all worker threads' isolates together, after a full collection. */
  workers: number;
  workerCount: number;
}

export async function heapAfterGc(inspectPort: number): Promise<HeapUsage> {
  const targets = (await (await fetch(`http://127.0.0.1:${inspectPort}/json/list`)).json()) as { webSocketDebuggerUrl: string }[];
  if (!targets[0]) throw new Error(`no inspector target on port ${inspectPort}`);
  const socket = new WebSocket(targets[0].webSocketDebuggerUrl);
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  let nextId = 1;
  const pending = new Map<number, Pending>();
  const workerPending = new Map<string, Pending>();
  const workers: string[] = [];
  socket.on('message', (data: WebSocket.RawData) => {
    const message = JSON.parse(String(data)) as { id?: number; result?: unknown; error?: { message: string }; method?: string; params?: Record<string, unknown> };
    if (message.id !== undefined) {
      const p = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) p?.reject(new Error(message.error.message));
      else p?.resolve(message.result);
    } else if (message.method === 'NodeWorker.attachedToWorker') {
      workers.push(String(message.params!.sessionId));
    } else if (message.method === 'NodeWorker.receivedMessageFromWorker') {
      const inner = JSON.parse(String(message.params!.message)) as { id?: number; result?: unknown; error?: { message: string } };
      const key = `${String(message.params!.sessionId)}:${inner.id}`;
      const p = workerPending.get(key);
      workerPending.delete(key);
      if (inner.error) p?.reject(new Error(inner.error.message));
      else p?.resolve(inner.result);
    }
  });
  const send = (method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve, reject });
      socket.send(JSON.stringify({ id, method, params }));
    });
  const sendToWorker = (sessionId: string, method: string, params: Record<string, unknown> = {}) =>
    new Promise<unknown>((resolve, reject) => {
      const id = nextId++;
      workerPending.set(`${sessionId}:${id}`, { resolve, reject });
      void send('NodeWorker.sendMessageToWorker', { sessionId, message: JSON.stringify({ id, method, params }) }).catch(reject);
    });
  try {
    await send('NodeWorker.enable', { waitForDebuggerOnStart: false });
    // The running workers are announced right after enabling.
    await new Promise((r) => setTimeout(r, 300));
    let workerHeap = 0;
    for (const sessionId of workers) {
      await sendToWorker(sessionId, 'HeapProfiler.collectGarbage');
      workerHeap += ((await sendToWorker(sessionId, 'Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    }
    await send('HeapProfiler.collectGarbage');
    const main = ((await send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
    await send('NodeWorker.disable');
    return { main, workers: workerHeap, workerCount: workers.length };
  } finally {
    socket.close();
  }
}
