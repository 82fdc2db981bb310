import type { KeyboardEvent } from 'react';
import { useAppStore } from '../store/app-store';
import type { Route, ScreenName } from '../store/navigation-slice';
import { SCREENS, TAB_SCREENS } from './screens';

/** The top-level screens as tabs (arrow keys move between them, as in any tab list). */
export function ScreenTabs({ current }: { current: ScreenName }) {
  const navigate = useAppStore((state) => state.navigate);

  function open(screen: ScreenName): void {
    // Tabs are the screens whose route needs nothing but its name.
    navigate({ screen } as Route);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = TAB_SCREENS.indexOf(current);
    const next = TAB_SCREENS[(index + (event.key === 'ArrowRight' ? 1 : TAB_SCREENS.length - 1)) % TAB_SCREENS.length];
    if (!next) return;
    open(next);
    document.getElementById(`tab-${next}`)?.focus();
  }
  return (
    <div className="screen-tabs" role="tablist" aria-label="Screens" onKeyDown={onKeyDown}>
      {TAB_SCREENS.map((name) => {
        const tab = SCREENS[name].tab;
        if (!tab) return null;
        const shortcut = `Alt+${tab.key}`;
        return (
          <button
            key={name}
            id={`tab-${name}`}
            type="button"
            role="tab"
            aria-selected={name === current}
            aria-controls={`panel-${name}`}
            tabIndex={name === current ? 0 : -1}
            aria-keyshortcuts={shortcut}
            className="screen-tab"
            onClick={() => open(name)}
          >
            {tab.label} <kbd className="tab-shortcut">{shortcut}</kbd>
          </button>
        );
      })}
    </div>
  );
}
