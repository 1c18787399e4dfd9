// 领导驾驶舱: the countdown and the phase, the 达标 rate by 测评项目, the burn-down of unmet indicators, overdue and
// escalated work by unit, the 红黑榜, the 公共文明指数 and the 重点难点 work, for the leading group and the office. Every number is
// counted in metrics.ts from the API's board, its replay at past instants and its reports; each chart saves as a
// PNG and each table as an .xlsx. Two columns on a desktop, one on a phone.
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Card, Progress, Space, Statistic, Typography } from 'antd';
import { ReloadOutlined } from '@ant-design/icons';
import { gql } from '../api/client';
import type { Route } from '../shell/navigation';
import { useWords } from '../i18n';
import { BOARD_AS_OF, CAMPAIGN_PERIOD, CIVILITY_INDEX, DASHBOARD_BOARD, DASHBOARD_CAMPAIGN, DASHBOARD_ITEMS, DASHBOARD_KEY_WORK, UNIT_RANKING } from './documents';
import { burnDown, burnDownInstants, dateTime, inspectionInstant, keyWorkRows, metByItem, percent, pressureByUnit } from './metrics';
import { BurnDownPanel, CivilityPanel, KeyWorkPanel, MetRatePanel, PressurePanel, RankingPanel, fill } from './panels';
import type { DashCard, DashItem, PastCard } from './types';
import { useLoad } from './useLoad';
import { DASHBOARD_SPECIAL_DRIVES, SpecialDrivesPanel } from './SpecialDrivesPanel';
import './dashboard.css';
import { SurveyTrendPanel } from '../surveys/SurveyTrendPanel';
import type { BoardAsOfQuery, CampaignPeriodQuery, CivilityIndexQuery, DashboardBoardQuery, DashboardCampaignQuery, DashboardItemsQuery, DashboardKeyWorkQuery, SpecialDrivesQuery, UnitRankingQuery } from '../api/graphql.generated';
import { DASHBOARD_WORDS as WORDS } from '../i18n/dashboard';

interface BoardData {
  at: number;
  cards: DashCard[];
  items: DashItem[];
}

interface PastData {
  samples: { at: number; cards: PastCard[] }[];
}

/** How many past boards are replayed at once: each is a replay of the campaign's events on the server. */
const REPLAYS_AT_ONCE = 4;
/** A board older than this is settled (every event of then has been recorded) and is kept for this tab. */
const SETTLED_MS = 60 * 60_000;
const pastBoards = new Map<string, PastCard[]>();

async function loadPast(): Promise<PastData> {
  const { performanceAssessment: period } = await gql<CampaignPeriodQuery>(CAMPAIGN_PERIOD);
  const now = Date.parse(period.to);
  const instants = burnDownInstants(Date.parse(period.from), now);
  const key = (at: number) => `${period.campaign.id}@${at}`;
  const samples: { at: number; cards: PastCard[] }[] = [];
  for (let i = 0; i < instants.length; i += REPLAYS_AT_ONCE) {
    const batch = await Promise.all(
      instants.slice(i, i + REPLAYS_AT_ONCE).map(async (at) => {
        const kept = pastBoards.get(key(at));
        if (kept) return { at, cards: kept };
        const data = await gql<BoardAsOfQuery>(BOARD_AS_OF, { asOf: new Date(at).toISOString() });
        const cards = data.boardAsOf.columns.flatMap((c) => c.cards);
        if (now - at > SETTLED_MS) pastBoards.set(key(at), cards);
        return { at, cards };
      }),
    );
    samples.push(...batch);
  }
  return { samples };
}

async function loadBoard(): Promise<BoardData> {
  const [board, items] = await Promise.all([
    gql<DashboardBoardQuery>(DASHBOARD_BOARD),
    gql<DashboardItemsQuery>(DASHBOARD_ITEMS),
  ]);
  return { at: Date.now(), cards: board.board.columns.flatMap((c) => c.cards), items: items.itemBoard.columns.flatMap((c) => c.items) };
}

const loadCampaign = () => gql<DashboardCampaignQuery>(DASHBOARD_CAMPAIGN).then((d) => d.campaign);
const loadRanking = () => gql<UnitRankingQuery>(UNIT_RANKING, { weeks: 8 }).then((d) => d.unitRanking);
const loadKeyWork = () => gql<DashboardKeyWorkQuery>(DASHBOARD_KEY_WORK).then((d) => keyWorkRows(d.tasks.edges.map((e) => e.node), d.items.edges.map((e) => e.node), Date.now()));
const loadCivility = () => gql<CivilityIndexQuery>(CIVILITY_INDEX).then((d) => d.publicCivilityIndex);
const loadDrives = () => gql<SpecialDrivesQuery>(DASHBOARD_SPECIAL_DRIVES).then((d) => d.specialDrives);

/** The dashboard looks again every five minutes while it is open (a leader leaves it on a screen). */
const REFRESH_MS = 5 * 60_000;

export default function DashboardPage(_props: { route: Route }) {
  const w = useWords(WORDS);
  const [refresh, setRefresh] = useState(0);
  const [retries, setRetries] = useState({ campaign: 0, board: 0, past: 0, ranking: 0, civility: 0, drives: 0, keyWork: 0 });
  const retry = useCallback((key: keyof typeof retries) => () => setRetries((r) => ({ ...r, [key]: r[key] + 1 })), []);

  useEffect(() => {
    const timer = setInterval(() => setRefresh((n) => n + 1), REFRESH_MS);
    return () => clearInterval(timer);
  }, []);

  const campaign = useLoad(loadCampaign, refresh + retries.campaign);
  const board = useLoad(loadBoard, refresh + retries.board);
  const past = useLoad(loadPast, refresh + retries.past);
  const ranking = useLoad(loadRanking, refresh + retries.ranking);
  const civility = useLoad(loadCivility, refresh + retries.civility);
  const drives = useLoad(loadDrives, refresh + retries.drives);
  const keyWork = useLoad(loadKeyWork, refresh + retries.keyWork);

  const c = campaign.data;
  const at = board.data?.at ?? null;
  const cards = useMemo(() => board.data?.cards ?? [], [board.data]);
  const met = useMemo(() => metByItem(cards), [cards]);
  const pressure = useMemo(() => (board.data ? pressureByUnit(board.data.cards, board.data.items, board.data.at) : []), [board.data]);
  const inspectionAt = c ? inspectionInstant(c.inspectionDate) : null;
  const burn = useMemo(() => {
    if (!past.data || !board.data || !c || inspectionAt === null) return [];
    const samples = [...past.data.samples.filter((s) => s.at < board.data!.at), { at: board.data.at, cards: board.data.cards, daysLeft: c.daysToInspection }];
    return burnDown(samples, inspectionAt);
  }, [past.data, board.data, c, inspectionAt]);

  const subtitle = fill(w('subtitle'), { campaign: c?.name ?? '', time: at ? dateTime(at) : '' });
  const loadingAny = campaign.loading || board.loading || past.loading || ranking.loading || civility.loading || drives.loading || keyWork.loading;
  const next = c ? c.phases[c.phases.findIndex((p) => p.current) + 1] : undefined;
  const pressureTasks = pressure.reduce((n, u) => n + u.tasks, 0);
  const pressureItems = pressure.reduce((n, u) => n + u.items, 0);

  return (
    <div className="dashboard">
      <div className="dash-head">
        <Typography.Title level={4} style={{ margin: 0 }}>
          {w('title')}
        </Typography.Title>
        <Space wrap>
          {at && <Typography.Text type="secondary">{fill(w('asOf'), { time: dateTime(at) })}</Typography.Text>}
          <Button icon={<ReloadOutlined />} onClick={() => setRefresh((n) => n + 1)} loading={loadingAny}>
            {w('refresh')}
          </Button>
        </Space>
      </div>

      <div className="dash-stats">
        <Card size="small" className="dash-stat dash-countdown" data-testid="dash-countdown">
          <Statistic title={w('countdown')} value={c?.daysToInspection ?? '—'} suffix={w('days')} loading={!c && campaign.loading} />
          {c && (
            <Typography.Text type="secondary">
              {c.countdownLabel} · {fill(w('inspectionOn'), { date: c.inspectionDate })}
            </Typography.Text>
          )}
        </Card>
        <Card size="small" className="dash-stat" data-testid="dash-phase">
          <Statistic title={w('phase')} value={c?.phaseLabel ?? '—'} loading={!c && campaign.loading} />
          {c && (
            <Typography.Text type="secondary">
              {c.phaseStartedAt ? `${fill(w('phaseSince'), { date: dateTime(Date.parse(c.phaseStartedAt)).slice(0, 10) })} · ` : ''}
              {next ? fill(w('nextPhase'), { label: next.label }) + (next.plannedStart ? fill(w('nextPlanned'), { date: next.plannedStart }) : '') : w('lastPhase')}
            </Typography.Text>
          )}
        </Card>
        <Card size="small" className="dash-stat" data-testid="dash-met">
          <Statistic title={w('metRate')} value={board.data ? percent(met.total.rate) : '—'} loading={!board.data && board.loading} />
          {board.data && <Typography.Text type="secondary">{fill(w('metOf'), { met: met.total.met, tasks: met.total.tasks })}</Typography.Text>}
        </Card>
        <Card size="small" className="dash-stat" data-testid="dash-pressure">
          <Statistic title={w('pressure')} value={board.data ? pressureTasks + pressureItems : '—'} suffix={w('items')} loading={!board.data && board.loading} />
          {board.data && <Typography.Text type="secondary">{fill(w('pressureOf'), { tasks: pressureTasks, items: pressureItems })}</Typography.Text>}
        </Card>
        <Card size="small" className="dash-stat" data-testid="dash-archive">
          <Statistic title={w('archive')} value={c ? percent(c.archiveProgress.tasks ? c.archiveProgress.archived / c.archiveProgress.tasks : 0) : '—'} loading={!c && campaign.loading} />
          {c && (
            <>
              <Progress percent={c.archiveProgress.tasks ? Math.round((c.archiveProgress.archived / c.archiveProgress.tasks) * 100) : 0} showInfo={false} size="small" />
              <Typography.Text type="secondary">{fill(w('archiveOf'), { archived: c.archiveProgress.archived, tasks: c.archiveProgress.tasks })}</Typography.Text>
            </>
          )}
        </Card>
      </div>

      <div className="dash-grid">
        <MetRatePanel rows={met.rows} total={met.total} loading={board.loading} error={board.error} onRetry={retry('board')} subtitle={subtitle} />
        <BurnDownPanel
          points={burn}
          inspectionAt={inspectionAt ?? 0}
          loading={past.loading || board.loading || campaign.loading}
          error={past.error ?? board.error ?? campaign.error}
          onRetry={() => {
            retry('past')();
            if (board.error) retry('board')();
            if (campaign.error) retry('campaign')();
          }}
          subtitle={subtitle}
        />
        <PressurePanel units={pressure} loading={board.loading} error={board.error} onRetry={retry('board')} subtitle={subtitle} />
        <CivilityPanel
          points={civility.data ?? []}
          passRate={c?.policy.mockPassRate ?? null}
          loading={civility.loading}
          error={civility.error}
          onRetry={retry('civility')}
          subtitle={subtitle}
        />
        <RankingPanel ranking={ranking.data} loading={ranking.loading} error={ranking.error} onRetry={retry('ranking')} subtitle={subtitle} />
        <SurveyTrendPanel refresh={refresh} subtitle={subtitle} />
        <SpecialDrivesPanel drives={drives.data ?? []} loading={drives.loading} error={drives.error} onRetry={retry('drives')} subtitle={subtitle} />
        <KeyWorkPanel rows={keyWork.data ?? []} loading={keyWork.loading} error={keyWork.error} onRetry={retry('keyWork')} subtitle={subtitle} />
      </div>
    </div>
  );
}
