import type { KeyboardEvent } from 'react';
import { useAppStore } from '../store/app-store';
import type { Route, ScreenName } from '../store/navigation-slice';
import { SCREENS, SIDE_BAR_GROUPS, SIDE_BAR_ORDER, screensOfGroup } from './screens';

interface SideBarProps {
  current: ScreenName;
  /** Opens the keyboard-shortcut sheet (the same one `?` and F1 open). */
  onShowShortcuts(): void;
}

/** Which key moves the selection how far through the side bar (it is a vertical list). */
const MOVES: Partial<Record<string, (index: number, count: number) => number>> = {
  ArrowDown: (index, count) => (index + 1) % count,
  ArrowUp: (index, count) => (index + count - 1) % count,
  Home: () => 0,
  End: (_index, count) => count - 1,
};

/**
 * The top-level screens, grouped Booth / Review / CRM / Data, one per line so the list never wraps.
 * Each group is a vertical tab list (tab / tabpanel, as before the side bar): the arrow keys, Home and
 * End walk through all of them; the Alt shortcut of each screen shows on hover and in the shortcut sheet.
 */
export function SideBar({ current, onShowShortcuts }: SideBarProps) {
  const navigate = useAppStore((state) => state.navigate);

  function open(screen: ScreenName): void {
    // Side-bar screens are the ones whose route needs nothing but its name.
    navigate({ screen } as Route);
  }

  function onKeyDown(event: KeyboardEvent<HTMLElement>): void {
    const move = MOVES[event.key];
    if (!move || !(event.target instanceof HTMLElement) || event.target.getAttribute('role') !== 'tab') return;
    event.preventDefault();
    const next = SIDE_BAR_ORDER[move(Math.max(0, SIDE_BAR_ORDER.indexOf(current)), SIDE_BAR_ORDER.length)];
    if (!next) return;
    open(next);
    document.getElementById(`tab-${next}`)?.focus();
  }

  return (
    <nav className="side-bar" aria-label="Screens" onKeyDown={onKeyDown}>
      {SIDE_BAR_GROUPS.map((group) => (
        <div key={group} className="side-bar-group">
          <h2 className="side-bar-group-title" id={`side-bar-${group}`}>
            {group}
          </h2>
          <div role="tablist" aria-orientation="vertical" aria-labelledby={`side-bar-${group}`} className="side-bar-tabs">
            {screensOfGroup(group).map((name) => {
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
                  aria-controls={name === current ? `panel-${name}` : undefined}
                  tabIndex={name === current ? 0 : -1}
                  aria-keyshortcuts={shortcut}
                  title={`${tab.label} (${shortcut})`}
                  className="side-bar-tab"
                  onClick={() => open(name)}
                >
                  {tab.label}
                </button>
              );
            })}
          </div>
        </div>
      ))}
      <button type="button" className="side-bar-help" aria-keyshortcuts="Shift+? F1" title="Keyboard shortcuts (? or F1)" onClick={onShowShortcuts}>
        Keyboard shortcuts
      </button>
    </nav>
  );
}
