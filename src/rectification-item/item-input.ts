// The API's inputs for a problem found (reportItem, a round's recordFinding, meetingDecisionToItem) as the services
// take them.
import type { ItemLocationInput, ReportItemInput } from '../platform/graphql/graphql.generated';
import type { ItemLocation } from '../../workflows/rectification-item/rectification-item.types';
import type { ReportInput } from './rectification-item.service';

export function itemLocation(l: ItemLocationInput): ItemLocation {
  return { address: l.address, latitude: l.latitude ?? null, longitude: l.longitude ?? null };
}

/** The problem itself, without the campaign and source: reportItem gives those, a round's finding takes its round's. */
export function foundProblem(i: Omit<ReportItemInput, 'campaignId' | 'source'>): Omit<ReportInput, 'campaignId' | 'source'> {
  return {
    area: i.area,
    location: itemLocation(i.location),
    description: i.description,
    photos: i.photos,
    indicatorTaskId: i.indicatorTaskId,
    criterionCode: i.criterionCode,
    unitCode: i.unitCode,
    dueAt: i.dueAt,
  };
}
