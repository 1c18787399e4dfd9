// Rectification-item fixtures shared by the specs that write item streams by hand.
import { DEFAULT_ITEM_POLICY } from '../../workflows/rectification-item/rectification-item.types';

/** The data of an ItemReported event: an overflowing bin found by supervision at `address`, under the default policy. */
export function reportedItem(campaignId: string, address: string) {
  return {
    campaignId,
    source: 'SUPERVISION',
    area: 'SANITATION',
    location: { address, latitude: null, longitude: null },
    description: '垃圾桶满溢',
    photos: [],
    indicatorTaskId: null,
    criterionCode: null,
    inspectionRoundId: null,
    policy: DEFAULT_ITEM_POLICY,
  };
}
