// Custom search attributes, for operators in the Temporal UI only; the board reads PostgreSQL projections.
// The dev server registers them at start (src/platform/runtime/temporal-dev-server.ts); a cluster needs them created once:
//   temporal operator search-attribute create --name CampaignId --type Keyword  (and so on for each below)
import type { SearchAttributeKey } from '@temporalio/common/lib/search-attributes';

export const CAMPAIGN_ID: SearchAttributeKey<'KEYWORD'> = { name: 'CampaignId', type: 'KEYWORD' };
export const UNIT_CODE: SearchAttributeKey<'KEYWORD'> = { name: 'UnitCode', type: 'KEYWORD' };
export const INDICATOR_CODE: SearchAttributeKey<'KEYWORD'> = { name: 'IndicatorCode', type: 'KEYWORD' };
export const TASK_STAGE: SearchAttributeKey<'KEYWORD'> = { name: 'TaskStage', type: 'KEYWORD' };

export const SEARCH_ATTRIBUTES = [CAMPAIGN_ID, UNIT_CODE, INDICATOR_CODE, TASK_STAGE] as const;
