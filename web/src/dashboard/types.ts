// The shapes of what the dashboard's documents (./documents.ts) return.
import type { DashboardKeyWorkQuery, BoardAsOfQuery, CivilityIndexQuery, DashboardBoardQuery, DashboardCampaignQuery, DashboardItemsQuery, UnitRankingQuery } from '../api/graphql.generated';

export type DashboardCampaign = DashboardCampaignQuery['campaign'];
export type DashCard = DashboardBoardQuery['board']['columns'][number]['cards'][number];
export type DashItem = DashboardItemsQuery['itemBoard']['columns'][number]['items'][number];
/** A card of the board as it stood at an instant: enough to say whether it was met. */
export type PastCard = BoardAsOfQuery['boardAsOf']['columns'][number]['cards'][number];
export type UnitRanking = UnitRankingQuery['unitRanking'];
export type RankingWeek = UnitRanking['weeks'][number];
export type RankedUnit = RankingWeek['best'][number];
export type CivilityPoint = CivilityIndexQuery['publicCivilityIndex'][number];
export type KeyTask = DashboardKeyWorkQuery['tasks']['edges'][number]['node'];
export type KeyItem = DashboardKeyWorkQuery['items']['edges'][number]['node'];
