// The worker thread that opens one uploaded .xlsx (see xlsx-thread.ts): the checks, exceljs, the grids, and
// nothing else. Its answer is posted back whole; a failure is seen by the parent as the thread's error.
import { parentPort, workerData } from 'node:worker_threads';
import { readWorkbookGridsHere, toWire } from './xlsx-workbook';

const { input } = workerData as { input: Uint8Array };
void readWorkbookGridsHere(Buffer.from(input.buffer, input.byteOffset, input.byteLength)).then((grids) => parentPort?.postMessage(toWire(grids)));
