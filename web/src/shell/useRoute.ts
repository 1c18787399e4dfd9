import { useEffect, useState } from 'react';
import { parseRoute, type Route } from './navigation';

/** The current route, following the address bar (links, back and forward). */
export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const onChange = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  return route;
}

/** Goes to a route, keeping history so that Back returns. */
export function navigate(href: string): void {
  if (location.hash !== href) location.hash = href;
}
