// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../platform/config/config';
import { migrateToLatest } from '../platform/database/database';
import { runMain } from '../platform/runtime/run-main';
import { withDatabase } from './with-database';

runMain(async () => {
  const applied = await withDatabase(loadConfig(), migrateToLatest);
  console.log(applied.length ? `已执行迁移 / applied: ${applied.join(', ')}` : '数据库已是最新 / database is up to date');
});
