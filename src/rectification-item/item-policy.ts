// A campaign's rules of time for rectification items: the reminder and the escalation ladder are the campaign's
// (the same as for indicator tasks), the days to fix, to re-check and to fix a relapse are the item defaults
// unless the campaign's stored policy (CampaignRepository.storedPolicy) has an `items` part.
import { withDefaults } from '../../workflows/indicator-task/indicator-task.policy';
import type { TaskPolicy } from '../../workflows/indicator-task/indicator-task.types';
import { DEFAULT_ITEM_POLICY, type ItemPolicy } from '../../workflows/rectification-item/rectification-item.types';

export function campaignItemPolicy(storedPolicy: unknown): ItemPolicy {
  const stored = storedPolicy as (Partial<TaskPolicy> & { items?: Partial<ItemPolicy> }) | null | undefined;
  const task = withDefaults(stored);
  const items = stored?.items ?? {};
  return {
    rectificationDays: positive(items.rectificationDays) ?? DEFAULT_ITEM_POLICY.rectificationDays,
    recheckAfterDays: positive(items.recheckAfterDays) ?? DEFAULT_ITEM_POLICY.recheckAfterDays,
    relapseDays: positive(items.relapseDays) ?? DEFAULT_ITEM_POLICY.relapseDays,
    reminderBeforeHours: task.reminderBeforeHours,
    escalationAfterHours: { ...task.escalationAfterHours },
    // Only when it counts working days, so that items of calendar-day campaigns record the policy as before.
    ...(task.dayCounting === 'WORKING' ? { dayCounting: 'WORKING' as const } : {}),
  };
}

function positive(n: unknown): number | null {
  return typeof n === 'number' && Number.isFinite(n) && n > 0 ? n : null;
}
