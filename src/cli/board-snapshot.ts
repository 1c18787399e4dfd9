// `npm run board:snapshot [活动编号…]`: takes the board snapshot of the campaigns named (all, without names) now,
// as the nightly schedule does (src/reports/board-snapshot.ts). Safe beside the schedule: one taker at a time.
import { loadConfig } from '../platform/config/config';
import { migrateToLatest } from '../platform/database/database';
import { runMain } from '../platform/runtime/run-main';
import { BoardSnapshotRepository } from '../reports/board-snapshot.repository';
import { withDatabase } from './with-database';

runMain(() =>
  withDatabase(loadConfig(), async (db) => {
    await migrateToLatest(db);
    const snapshots = new BoardSnapshotRepository(db);
    const named = process.argv.slice(2).filter((a) => !a.startsWith('-'));
    const known = await snapshots.campaignIds();
    const unknown = named.filter((id) => !known.includes(id));
    if (unknown.length > 0) throw new Error(`创文活动不存在 / no such campaign: ${unknown.join(', ')}`);
    for (const campaignId of named.length > 0 ? named : known) {
      const started = Date.now();
      const taken = await snapshots.take(campaignId);
      const seconds = ((Date.now() - started) / 1000).toFixed(2);
      if (!taken) console.log(`${campaignId}：上次快照后没有新事件，未生成快照 / nothing new since the last snapshot (${seconds} s)`);
      else
        console.log(
          `${campaignId}：第 ${taken.seq} 个快照，${taken.events} 个事件，${taken.streams} 张卡片有变化，用时 ${seconds} 秒 / snapshot ${taken.seq}: ${taken.events} events, ${taken.streams} cards changed, ${seconds} s${taken.restarted ? '（旧版本快照已清除，重新生成 / older version dropped, started afresh）' : ''}`,
        );
    }
  }),
);
