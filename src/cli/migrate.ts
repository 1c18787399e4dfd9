// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../config/config';
import { migrateToLatest } from '../database/database';
import { runCli } from './run-cli';
import { withDatabase } from './with-database';

runCli(async () => {
  const applied = await withDatabase(loadConfig(), migrateToLatest);
  console.log(applied.length ? `已执行迁移 / applied: ${applied.join(', ')}` : '数据库已是最新 / database is up to date');
});
