import type { SyncConflict, SyncReport, SyncStatus, TeamDevice } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';

/**
 * Team sync as this window sees it (issue 18): the laptop's sync state for the header, and the
 * Team screen's join form, devices and conflicts. The sync itself runs in the main process
 * (also every minute by itself); the window only asks and shows, so capture never waits for it.
 */
export interface TeamSyncSlice {
  /** null until asked (and when the question failed: the header then shows nothing). */
  syncStatus: SyncStatus | null;
  syncRunning: boolean;
  /** The last Sync now's report or refusal, for the Team screen and the header. */
  lastSyncReport: SyncReport | null;
  syncError: string | null;
  joining: boolean;
  joinError: UiError | null;
  /** The hub's device list (manager devices only); null until loaded. */
  teamDevices: TeamDevice[] | null;
  teamDevicesError: string | null;
  revokingDeviceId: string | null;
  syncConflicts: SyncConflict[] | null;

  loadSyncStatus(): Promise<void>;
  syncWithHub(): Promise<void>;
  joinTeamHub(input: { url: string; code: string; fingerprint?: string }): Promise<boolean>;
  /** The Team screen's data: the status, recent conflicts and (on a manager device) the devices. */
  loadTeam(): Promise<void>;
  revokeTeamDevice(deviceId: string): Promise<boolean>;
}

export const createTeamSyncSlice: SliceCreator<TeamSyncSlice> =
  ({ api }) =>
  (set, get) => ({
    syncStatus: null,
    syncRunning: false,
    lastSyncReport: null,
    syncError: null,
    joining: false,
    joinError: null,
    teamDevices: null,
    teamDevicesError: null,
    revokingDeviceId: null,
    syncConflicts: null,

    async loadSyncStatus() {
      try {
        set({ syncStatus: await api['sync.status']({}) });
      } catch {
        // The header's sync line is extra information: without an answer it stays away, capture goes on.
        set({ syncStatus: null });
      }
    },

    async syncWithHub() {
      if (get().syncRunning) return;
      set({ syncRunning: true, syncError: null });
      try {
        const report = await api['sync.now']({});
        set({ lastSyncReport: report, syncStatus: report.status });
        if (report.conflicts > 0) void get().loadTeam();
      } catch (error) {
        set({ syncError: toUiError(error).message });
        await get().loadSyncStatus();
      } finally {
        set({ syncRunning: false });
      }
    },

    async joinTeamHub(input) {
      set({ joining: true, joinError: null });
      try {
        const status = await api['sync.join'](input);
        set({ syncStatus: status, lastSyncReport: null, syncError: null });
        void get().loadTeam();
        return true;
      } catch (error) {
        set({ joinError: toUiError(error) });
        return false;
      } finally {
        set({ joining: false });
      }
    },

    async loadTeam() {
      await get().loadSyncStatus();
      const status = get().syncStatus;
      if (!status?.joined) return;
      const conflicts = api['sync.conflicts']({}).then(
        (syncConflicts) => set({ syncConflicts }),
        () => set({ syncConflicts: [] }),
      );
      if (status.role === 'manager') {
        try {
          set({ teamDevices: await api['sync.devices']({}), teamDevicesError: null });
        } catch (error) {
          set({ teamDevicesError: toUiError(error).message });
        }
      }
      await conflicts;
    },

    async revokeTeamDevice(deviceId) {
      set({ revokingDeviceId: deviceId, teamDevicesError: null });
      try {
        const revoked = await api['sync.revokeDevice']({ deviceId });
        set({ teamDevices: (get().teamDevices ?? []).map((device) => (device.id === revoked.id ? revoked : device)) });
        return true;
      } catch (error) {
        set({ teamDevicesError: toUiError(error).message });
        return false;
      } finally {
        set({ revokingDeviceId: null });
      }
    },
  });
