import { useEffect, useState } from 'react';
import { LeadEntryScreen } from '../entry/LeadEntryScreen';
import { LeadsScreen } from '../leads/LeadsScreen';
import { HeaderBar } from './HeaderBar';
import { ScreenTabs, type BoothTab } from './ScreenTabs';

/** Alt+N and Alt+L switch screens from anywhere: the booth is run from the keyboard. */
function tabForShortcut(event: KeyboardEvent): BoothTab | null {
  if (!event.altKey || event.ctrlKey || event.metaKey) return null;
  if (event.code === 'KeyN') return 'entry';
  if (event.code === 'KeyL') return 'leads';
  return null;
}

export function BoothScreen() {
  const [tab, setTab] = useState<BoothTab>('entry');

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent): void {
      const next = tabForShortcut(event);
      if (!next) return;
      event.preventDefault();
      setTab(next);
    }
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <div className="booth">
      <HeaderBar />
      <ScreenTabs current={tab} onChange={setTab} />
      <main className="booth-main" id={`panel-${tab}`} role="tabpanel" aria-labelledby={`tab-${tab}`}>
        {tab === 'entry' ? <LeadEntryScreen /> : <LeadsScreen onNewLead={() => setTab('entry')} />}
      </main>
    </div>
  );
}
