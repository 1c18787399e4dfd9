// Words for the campaign's codes, as the glossary names them (the API gives stage and state labels itself).
export const CLASSIFICATION_LABELS: Record<string, string> = { MET: '达标', NOT_MET: '未达标', UNKNOWN: '未知可否达标', RELAPSE_PRONE: '易反弹' };

export const ESCALATION_LABELS: Record<string, string> = { REMINDER: '提醒', URGE: '催办', SUPERVISE: '督办', INTERVIEW: '约谈', ACCOUNTABILITY: '问责' };

/** The escalation ladder's colours, from a reminder to accountability. */
export const ESCALATION_COLORS: Record<string, string> = { REMINDER: 'gold', URGE: 'orange', SUPERVISE: 'volcano', INTERVIEW: 'red', ACCOUNTABILITY: 'magenta' };

export const AREA_LABELS: Record<string, string> = {
  TRAFFIC_ORDER: '交通秩序',
  CITY_APPEARANCE: '市容市貌',
  PUBLIC_SECURITY: '社会治安',
  SANITATION: '环境卫生',
  MARKETS: '集贸市场',
  SERVICE_WINDOWS: '窗口服务',
};
