// `npm run projections:rebuild`: rebuilds every projection from the events, in one transaction.
import { loadConfig } from '../platform/config/config';
import { migrateToLatest } from '../platform/database/database';
import { createEventStore } from '../platform/runtime/worker-runner';
import { runMain } from '../platform/runtime/run-main';
import { withDatabase } from './with-database';

runMain(() =>
  withDatabase(loadConfig(), async (db) => {
    await migrateToLatest(db);
    const started = Date.now();
    const results = await createEventStore(db).rebuildProjections();
    const seconds = (Date.now() - started) / 1000;
    for (const r of results) console.log(`已重建 ${r.name}：${r.events} 个事件 / rebuilt from ${r.events} events`);
    console.log(`用时 ${seconds.toFixed(2)} 秒 / took ${seconds.toFixed(2)} s`);
  }),
);
