// The dashboard's GraphQL documents (validated against the schema by test/unit/web-documents.spec.ts). Each asks
// only for what a chart or a table shows: the dashboard is opened on the leading group's phones too.

/** The countdown, the phase and the archive's progress. */
export const DASHBOARD_CAMPAIGN = `query DashboardCampaign {
  campaign {
    id name inspectionDate daysToInspection countdownLabel timeZone
    phase phaseLabel phaseStartedAt nextPhase
    phases { phase label plannedStart startedAt current }
    archiveProgress { tasks archived complete }
    policy { mockPassRate }
  }
}`;

/** Every card of the live board, with what the 达标 rate and the overdue chart need. */
export const DASHBOARD_BOARD = `query DashboardBoard {
  board {
    columns {
      stage
      cards {
        id stage classification awaitingReview dueAt stageDueAt escalationLevel
        indicator { code itemName }
        unit { code name }
      }
    }
  }
}`;

/** Every rectification item, for the overdue and escalated work by unit. */
export const DASHBOARD_ITEMS = `query DashboardItems {
  itemBoard {
    columns {
      state
      items { id state dueAt escalationLevel unit { code name } }
    }
  }
}`;

/** When the campaign began (the assessment's default period starts there): the burn-down's first date. */
export const CAMPAIGN_PERIOD = `query CampaignPeriod { performanceAssessment { from to campaign { id } } }`;

/** The board as it stood at an instant, reduced to what counts an indicator task as met. */
export const BOARD_AS_OF = `query BoardAsOf($asOf: DateTime!) {
  boardAsOf(asOf: $asOf) {
    columns { stage cards { id stage classification awaitingReview } }
  }
}`;

/** 红黑榜: the week in progress and the complete weeks before it. */
export const UNIT_RANKING = `query UnitRanking($weeks: Int) {
  unitRanking(weeks: $weeks) {
    asOf top flagAfterWeeks
    weeks {
      start end label complete
      best { rank score handedInOnTime unit { code name } }
      worst { rank score handedInOnTime unit { code name } }
    }
    flagged { weeksRunning reason unit { code name } }
  }
}`;

/** 公共文明指数: score rates of the closed mock assessments, oldest first. */
export const CIVILITY_INDEX = `query CivilityIndex {
  publicCivilityIndex { roundId title plannedOn score maxScore scoreRate change }
}`;

/** The API's own workbook of the performance assessment (units, the weekly ranking, the rules). */
export const EXPORT_PERFORMANCE = `query ExportPerformance {
  exportPerformanceAssessment(format: XLSX) { fileName mimeType contentBase64 }
}`;

/** 重点难点: the tasks and the items the office marked, with what the panel shows of each (at most 200 of each). */
export const DASHBOARD_KEY_WORK = `query DashboardKeyWork {
  tasks(filter: { keyDifficult: true }, first: 200) {
    totalCount
    edges { node { id stage stageLabel dueAt stageDueAt escalationLevel indicator { code name } unit { code name } keyFlag { kind kindLabel reason } } }
  }
  items(filter: { keyDifficult: true }, first: 200) {
    totalCount
    edges { node { id state stateLabel dueAt escalationLevel description unit { code name } keyFlag { kind kindLabel reason } } }
  }
}`;
