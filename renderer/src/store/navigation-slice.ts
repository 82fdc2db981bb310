import type { SliceCreator } from './app-state';

/**
 * Where the person is: a screen and what it shows. Screens are registered in
 * app/screens.tsx by name; a route may carry the record it shows (a lead's id).
 */
export type Route =
  | { screen: 'entry' }
  | { screen: 'leads' }
  | { screen: 'lead'; leadId: string }
  | { screen: 'accounts' }
  | { screen: 'account'; accountId: string }
  | { screen: 'contacts' }
  | { screen: 'contact'; contactId: string }
  | { screen: 'opportunities' }
  | { screen: 'opportunity'; opportunityId: string }
  | { screen: 'show-settings' }
  | { screen: 'backups' }
  | { screen: 'exchange' }
  | { screen: 'duplicates' }
  | { screen: 'dashboard' }
  | { screen: 'team' };

export type ScreenName = Route['screen'];

export interface NavigationSlice {
  route: Route;
  /** The routes behind this one, so Escape goes back where the person came from (with the list's search kept). */
  history: Route[];

  navigate(route: Route): void;
  /** Back to the previous route, or `fallback` when there is none. */
  goBack(fallback?: Route): void;
}

const HISTORY_LIMIT = 50;

export const createNavigationSlice: SliceCreator<NavigationSlice> = () => (set, get) => ({
  route: { screen: 'entry' },
  history: [],

  navigate(route) {
    const { route: current, history } = get();
    if (sameRoute(current, route)) return;
    set({ route, history: [...history, current].slice(-HISTORY_LIMIT) });
  },

  goBack(fallback = { screen: 'leads' }) {
    const history = get().history;
    const previous = history.at(-1);
    set({ route: previous ?? fallback, history: history.slice(0, -1) });
  },
});

function sameRoute(first: Route, second: Route): boolean {
  return JSON.stringify(first) === JSON.stringify(second);
}
