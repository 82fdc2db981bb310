import { useEffect } from 'react';
import { useAppStore, useAppStoreApi } from '../store/app-store';
import type { Route, ScreenName } from '../store/navigation-slice';
import { HeaderBar } from './HeaderBar';
import { ScreenTabs } from './ScreenTabs';
import { renderRoute, SCREENS, TAB_SCREENS, tabOf } from './screens';

/** Alt+<key> switches screens from anywhere: the booth is run from the keyboard. */
function screenForShortcut(event: KeyboardEvent): ScreenName | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  return TAB_SCREENS.find((name) => event.code === `Key${SCREENS[name].tab?.key}`) ?? null;
}

export function BoothScreen() {
  const route = useAppStore((state) => state.route);
  const store = useAppStoreApi();

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const screen = screenForShortcut(event);
      if (!screen) return;
      event.preventDefault();
      // Tab screens are the ones whose route is only their name.
      store.getState().navigate({ screen } as Route);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const tab = tabOf(route);
  return (
    <div className="booth">
      <HeaderBar />
      <ScreenTabs current={tab} />
      <main className="booth-main" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {renderRoute(route)}
      </main>
    </div>
  );
}
