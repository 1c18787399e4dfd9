// Short names for the generated shapes the screens share (web/src/api/graphql.generated.ts, from the documents in
// documents.ts): each is exactly what its document asks for.
import type { CampaignHeaderQuery, CardFragment, ItemCardFragment, MeQuery } from './graphql.generated';

export type { Role } from './graphql.generated';
export type Me = MeQuery['me'];
export type CampaignHeader = CampaignHeaderQuery['campaign'];
export type Card = CardFragment;
export type ItemCard = ItemCardFragment;
