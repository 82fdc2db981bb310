import { useEffect, useState } from 'react';
import { useAppStore, useAppStoreApi } from '../store/app-store';
import type { Route, ScreenName } from '../store/navigation-slice';
import { HeaderBar } from './HeaderBar';
import { ShortcutSheet } from './ShortcutSheet';
import { SideBar } from './SideBar';
import { renderRoute, SCREENS, TAB_SCREENS, tabOf } from './screens';

/** Alt+<key> switches screens from anywhere: the booth is run from the keyboard. */
function screenForShortcut(event: KeyboardEvent): ScreenName | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  return TAB_SCREENS.find((name) => event.code === `Key${SCREENS[name].tab?.key}`) ?? null;
}

/** Where a typed `?` is text, not a request for help. */
function isTypingInto(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || target instanceof HTMLTextAreaElement || target instanceof HTMLSelectElement) return true;
  return target instanceof HTMLInputElement && !['checkbox', 'radio', 'button', 'submit', 'reset', 'file', 'range', 'color'].includes(target.type);
}

/** F1 anywhere, or `?` outside a text field, opens the shortcut sheet. */
function asksForShortcuts(event: KeyboardEvent): boolean {
  if (event.key === 'F1') return true;
  return event.key === '?' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTypingInto(event.target);
}

export function BoothScreen() {
  const route = useAppStore((state) => state.route);
  const store = useAppStoreApi();
  const [showingShortcuts, setShowingShortcuts] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      if (asksForShortcuts(event)) {
        event.preventDefault();
        setShowingShortcuts(true);
        return;
      }
      const screen = screenForShortcut(event);
      if (!screen) return;
      event.preventDefault();
      setShowingShortcuts(false);
      // Tab screens are the ones whose route is only their name.
      store.getState().navigate({ screen } as Route);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);

  const tab = tabOf(route);
  const label = SCREENS[tab].tab?.label ?? '';
  return (
    <div className="app-shell">
      <HeaderBar />
      <SideBar current={tab} onShowShortcuts={() => setShowingShortcuts(true)} />
      <main className="app-main">
        {/* One h1 per page, for screen readers and the window's outline; the side bar already shows where the person is. */}
        <h1 className="visually-hidden">{label}</h1>
        <div className={SCREENS[route.screen].fullWidth ? 'booth-main booth-main-full' : 'booth-main'} id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
          {renderRoute(route)}
        </div>
      </main>
      {showingShortcuts && <ShortcutSheet onClose={() => setShowingShortcuts(false)} />}
    </div>
  );
}
