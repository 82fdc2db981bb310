import { showCurrency } from '../../../shared/domain/currency';
import type { ShowEvent } from '../../../shared/domain/event';
import type { AppInfo, Settings } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';

type StartupStatus = 'loading' | 'ready' | 'failed';

/** The show the person picks at setup: one that exists, or a new one to create. */
type ShowChoice =
  | { kind: 'existing'; eventId: string }
  | { kind: 'new'; name: string; location: string; startsOn: string; endsOn: string };

interface SetupInput {
  staffName: string;
  show: ShowChoice;
}

export interface SessionSlice {
  startupStatus: StartupStatus;
  startupError: string | null;
  appInfo: AppInfo | null;
  settings: Settings;
  events: ShowEvent[];
  /** The person asked to change their name or the show (the setup screen over a working app). */
  setupOpen: boolean;
  setupSaving: boolean;
  /** Field keys: staffName, eventId, name, location, startsOn, endsOn. */
  setupError: UiError | null;

  /** Loads everything the first screen needs and listens for changes from elsewhere; returns the unsubscribe. */
  start(): Promise<() => void>;
  completeSetup(input: SetupInput): Promise<boolean>;
  openSetup(): void;
  closeSetup(): void;
  /** Another window or the CLI changed the staff name or the show. */
  applySettings(settings: Settings): Promise<void>;
  fastScanSaving: boolean;
  fastScanError: string | null;
  /** Turn "fast scan" (cards read without the learned recognizer) on or off for this laptop. */
  setFastScan(fastScan: boolean): Promise<void>;
}

const NO_SETTINGS: Settings = { staffName: '', currentEventId: null, fastScan: false };

/** Setup is needed until there is a name and a show that still exists. */
export function needsSetup(state: Pick<SessionSlice, 'settings' | 'events'>): boolean {
  const { staffName, currentEventId } = state.settings;
  return staffName.trim() === '' || !state.events.some((event) => event.id === currentEventId);
}

export function currentEvent(state: Pick<SessionSlice, 'settings' | 'events'>): ShowEvent | undefined {
  return state.events.find((event) => event.id === state.settings.currentEventId);
}

/** The currency of a show's amounts: its own, the laptop's for a show without one (or an unknown show). */
export function currencyOfShow(state: Pick<SessionSlice, 'events'>, eventId: string | null): string {
  return showCurrency(state.events.find((event) => event.id === eventId));
}

export const createSessionSlice: SliceCreator<SessionSlice> = ({ api, bridge }) => {
  // Subscribed once per store, however often start() is retried after a failed start-up.
  let unsubscribe: (() => void) | null = null;

  return (set, get) => ({
    startupStatus: 'loading',
    startupError: null,
    appInfo: null,
    settings: NO_SETTINGS,
    events: [],
    setupOpen: false,
    setupSaving: false,
    setupError: null,

    async start() {
      set({ startupStatus: 'loading', startupError: null });
      if (!unsubscribe) {
        const stops = [
          bridge.on('leads.changed', ({ ids }) => {
            void get().loadFirstPage();
            // The lead on screen changed elsewhere (another window, the CLI, the automatic rule).
            const open = get().leadDetail?.lead.id;
            if (open && ids.includes(open) && !get().leadSaving) void get().reloadLeadDetail();
          }),
          bridge.on('settings.changed', (settings) => void get().applySettings(settings)),
          bridge.on('cards.progress', (progress) => get().applyQueue(progress.items)),
          bridge.on('leads.bulkProgress', (progress) => get().setBulkProgress(progress)),
        ];
        unsubscribe = () => stops.forEach((stop) => stop());
      }
      try {
        const [appInfo, settings, events] = await Promise.all([api['app.info']({}), api['settings.get']({}), api['events.list']({})]);
        set({ appInfo, settings, events });
        await get().restoreDraft();
        set({ startupStatus: 'ready' });
        void get().loadFirstPage();
        void get().loadQueue();
      } catch (error) {
        set({ startupStatus: 'failed', startupError: toUiError(error).message });
      }
      return () => {
        unsubscribe?.();
        unsubscribe = null;
      };
    },

    async completeSetup({ staffName, show }) {
      set({ setupSaving: true, setupError: null });
      try {
        // The name first: if the show fails, the name is kept and the person only fixes the show.
        let settings = await api['settings.update']({ staffName });
        if (show.kind === 'existing') {
          settings = await api['events.use']({ id: show.eventId });
        } else {
          await api['events.create']({ name: show.name, location: show.location, startsOn: show.startsOn, endsOn: show.endsOn });
          settings = await api['settings.get']({});
        }
        const events = await api['events.list']({});
        set({ settings, events, setupSaving: false, setupOpen: false });
        void get().loadFirstPage();
        return true;
      } catch (error) {
        set({ setupSaving: false, setupError: toUiError(error) });
        return false;
      }
    },

    fastScanSaving: false,
    fastScanError: null,
    async setFastScan(fastScan) {
      set({ fastScanSaving: true, fastScanError: null });
      try {
        set({ settings: await api['settings.setFastScan']({ fastScan }), fastScanSaving: false });
      } catch (error) {
        set({ fastScanSaving: false, fastScanError: toUiError(error).message });
      }
    },

    openSetup: () => set({ setupOpen: true, setupError: null }),
    closeSetup: () => set({ setupOpen: false, setupError: null }),

    async applySettings(settings) {
      const showChanged = settings.currentEventId !== get().settings.currentEventId;
      set({ settings });
      if (!showChanged) return;
      try {
        // The new show may have been created elsewhere, so the list of shows is read again.
        set({ events: await api['events.list']({}) });
      } catch (error) {
        set({ setupError: toUiError(error) });
      }
      void get().loadFirstPage();
    },
  });
};
