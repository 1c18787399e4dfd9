// `npm run migrate`: applies pending migrations to DATABASE_URL (or the embedded database).
import { loadConfig } from '../config/config';
import { migrateToLatest } from '../database/database';
import { withDatabase } from './with-database';

withDatabase(loadConfig(), migrateToLatest)
  .then((applied) => console.log(applied.length ? `已执行迁移 / applied: ${applied.join(', ')}` : '数据库已是最新 / database is up to date'))
  .catch((err) => {
    console.error(String(err instanceof Error ? err.message : err));
    process.exit(1);
  });
