import { useAppStore } from '../store/app-store';
import { needsSetup } from '../store/session-slice';
import { SetupScreen } from '../session-setup/SetupScreen';
import { BoothScreen } from './BoothScreen';
import { StartupScreen } from './StartupScreen';

/** Which screen: starting up, first-run setup (or "change show or name"), or the booth. */
export function App() {
  const startupStatus = useAppStore((state) => state.startupStatus);
  const showSetup = useAppStore((state) => state.setupOpen || needsSetup(state));
  if (startupStatus !== 'ready') return <StartupScreen />;
  return showSetup ? <SetupScreen /> : <BoothScreen />;
}
