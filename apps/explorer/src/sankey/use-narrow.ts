import { useSyncExternalStore } from 'react';

/** Below this width a Sankey's labels cannot be read nor its nodes tapped: a list instead. */
const NARROW = '(max-width: 600px)';

const subscribe = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};

export function useNarrow(): boolean {
  return useSyncExternalStore(
    subscribe,
    () => window.matchMedia(NARROW).matches,
    () => false,
  );
}
