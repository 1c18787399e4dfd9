// Placeholder until the card detail is built. The contract the board relies on:
//   kind: which card; id: the card to show (null: closed); onClose: the person closes it;
//   onAction(action): the person chose one of the card's allowed actions (the board runs it, with a form when it
//   needs input); version: bumps when the card changed, so that the drawer reads it again.
export interface CardDrawerProps {
  kind: 'task' | 'item';
  id: string | null;
  version?: number;
  onClose(): void;
  onAction(action: string): void;
}

export default function CardDrawer(_props: CardDrawerProps) {
  return null;
}
