// The worker thread that opens uploaded .xlsx files (see xlsx-thread.ts), one at a time as they are posted to
// it: the checks, exceljs, the grids, and nothing else. Its answer is posted back whole; a failure is seen by
// the parent as the thread's error.
import { parentPort } from 'node:worker_threads';
import { readWorkbookGridsHere, toWire } from './xlsx-workbook';

parentPort?.on('message', (input: Uint8Array) => {
  void readWorkbookGridsHere(Buffer.from(input.buffer, input.byteOffset, input.byteLength)).then((grids) => parentPort?.postMessage(toWire(grids)));
});
