// The words of card actions and of what events carry, Chinese first (as the workflows' own labels in
// workflows/*/…labels.ts, which the board cannot import), English through the language switch.
import { ITEM_ACTIONS, TASK_ACTIONS } from '../actions/specs';
import type { Locale } from './index';

type Words = Record<string, { zh: string; en: string }>;

// Action names are the action forms' own labels (web/src/actions/specs.ts), so a button and the form it opens say
// the same thing.
const labelsOf = (specs: Record<string, { label: { zh: string; en: string } }>): Words => Object.fromEntries(Object.entries(specs).map(([action, spec]) => [action, spec.label]));

/** Lifecycle actions on an indicator task (IndicatorTaskAction). */
export const TASK_ACTION_WORDS: Words = labelsOf(TASK_ACTIONS);

/** Actions on a rectification item (ItemAction); a repeated report is recorded, never chosen from a card. */
export const ITEM_ACTION_WORDS: Words = { ...labelsOf(ITEM_ACTIONS), REPORT_DUPLICATE: { zh: '重复上报', en: 'Repeated report' } };

export const REVIEW_WORDS: Words = {
  SELF_CHECK_REVIEW: { zh: '自查结果待审核', en: 'Self-check awaiting review' },
  RECTIFICATION_REVIEW: { zh: '整改完成待审核', en: 'Rectification awaiting review' },
  ARCHIVE_REVIEW: { zh: '档案材料待验收', en: 'Archive material awaiting acceptance' },
};

export const METHOD_WORDS: Words = {
  FIELD: { zh: '实地考察', en: 'Field inspection' },
  MATERIAL: { zh: '材料审核', en: 'Material review' },
  SURVEY: { zh: '问卷调查', en: 'Survey' },
  SIMULATED: { zh: '模拟暗访', en: 'Simulated visit' },
};

/** An action's label in the chosen language; an unknown code is shown as it is. */
export function actionLabel(kind: 'task' | 'item', action: string, locale: Locale): string {
  const words = kind === 'task' ? TASK_ACTION_WORDS : ITEM_ACTION_WORDS;
  return words[action]?.[locale] ?? action;
}

export function wordOf(words: Words, code: string | null | undefined, locale: Locale): string {
  if (!code) return '';
  return words[code]?.[locale] ?? code;
}
