// The 重点/难点 mark (workflows/shared/key-flag.ts) as the API shows it on a task's and an item's card.
import { KEY_FLAG_KIND_LABELS, type KeyFlag } from '../../workflows/shared/key-flag';

/** A 重点/难点 mark as the API shows it: its kind's label, and the person who set it. */
export async function keyFlagView(flag: KeyFlag | null | undefined, person: (userId: string) => Promise<{ userId: string; displayName: string; role: string } | undefined>) {
  if (!flag) return null;
  const by = (await person(flag.flaggedBy)) ?? { userId: flag.flaggedBy, displayName: flag.flaggedBy, role: 'OFFICE' };
  return { kind: flag.kind, kindLabel: KEY_FLAG_KIND_LABELS[flag.kind], reason: flag.reason, flaggedBy: by, flaggedAt: flag.flaggedAt };
}
