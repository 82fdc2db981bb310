import type { BackupList, RestoreResult } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

export interface BackupsSlice {
  backups: BackupList | null;
  /** What is running: a backup being made, or the name of the one being restored. */
  backupWork: { kind: 'backup' } | { kind: 'restore'; name: string } | null;
  backupError: string | null;
  /** Said after a restore, so the person knows where the data before it went. */
  lastRestore: RestoreResult | null;

  loadBackups(): Promise<void>;
  backUpNow(): Promise<void>;
  restoreBackup(name: string): Promise<boolean>;
}

export const createBackupsSlice: SliceCreator<BackupsSlice> =
  ({ api }) =>
  (set, get) => ({
    backups: null,
    backupWork: null,
    backupError: null,
    lastRestore: null,

    async loadBackups() {
      try {
        set({ backups: await api['backups.list']({}), backupError: null });
      } catch (error) {
        set({ backupError: toUiError(error).message });
      }
    },

    async backUpNow() {
      set({ backupWork: { kind: 'backup' }, backupError: null });
      try {
        await api['backups.create']({});
        await get().loadBackups();
      } catch (error) {
        set({ backupError: toUiError(error).message });
      } finally {
        set({ backupWork: null });
      }
    },

    async restoreBackup(name) {
      set({ backupWork: { kind: 'restore', name }, backupError: null, lastRestore: null });
      try {
        const result = await api['backups.restore']({ name });
        set({ lastRestore: result });
        await get().loadBackups();
        // Everything shown before the restore may be gone or different.
        await get().loadFirstPage();
        return true;
      } catch (error) {
        set({ backupError: toUiError(error).message });
        return false;
      } finally {
        set({ backupWork: null });
      }
    },
  });
