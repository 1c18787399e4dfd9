import type { Route } from '../shell/navigation';

/** Placeholder until this screen is built. */
export default function BoardPage(_props: { route: Route }) {
  return null;
}
