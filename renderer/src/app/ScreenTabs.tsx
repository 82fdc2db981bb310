import type { KeyboardEvent } from 'react';

export type BoothTab = 'entry' | 'leads';

const TABS: { id: BoothTab; label: string; shortcut: string }[] = [
  { id: 'entry', label: 'New lead', shortcut: 'Alt+N' },
  { id: 'leads', label: 'Leads', shortcut: 'Alt+L' },
];

interface ScreenTabsProps {
  current: BoothTab;
  onChange(tab: BoothTab): void;
}

/** The two booth screens as tabs (arrow keys move between them, as in any tab list). */
export function ScreenTabs({ current, onChange }: ScreenTabsProps) {
  function onKeyDown(event: KeyboardEvent<HTMLDivElement>): void {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const index = TABS.findIndex((tab) => tab.id === current);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    onChange(next.id);
    document.getElementById(`tab-${next.id}`)?.focus();
  }
  return (
    <div className="screen-tabs" role="tablist" aria-label="Screens" onKeyDown={onKeyDown}>
      {TABS.map((tab) => (
        <button
          key={tab.id}
          id={`tab-${tab.id}`}
          type="button"
          role="tab"
          aria-selected={tab.id === current}
          aria-controls={`panel-${tab.id}`}
          tabIndex={tab.id === current ? 0 : -1}
          aria-keyshortcuts={tab.shortcut}
          className="screen-tab"
          onClick={() => onChange(tab.id)}
        >
          {tab.label} <kbd className="tab-shortcut">{tab.shortcut}</kbd>
        </button>
      ))}
    </div>
  );
}
