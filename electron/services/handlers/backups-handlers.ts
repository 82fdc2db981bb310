import path from 'node:path';
import type { AreaHandlers } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { backupsFolder, createBackup, listBackups, restoreBackup } from '../backup-service';
import type { StoreHandle } from '../service-context';
import type { ServiceContext } from '../service-context';

export function backupsHandlers(context: ServiceContext): AreaHandlers<'backups'> {
  const store = (): StoreHandle => {
    if (!context.store) throw new AppError('internal', 'Backups are not available in this window.');
    return context.store;
  };
  return {
    'backups.list': async () => ({ folder: backupsFolder(store().path), backups: listBackups(store().path) }),
    'backups.create': () => createBackup(store(), context.clock),
    'backups.restore': async ({ name }) => {
      const file = path.join(backupsFolder(store().path), path.basename(name));
      const result = await restoreBackup(store(), context.clock, file);
      context.notify('leads.changed', { ids: [] });
      return result;
    },
  };
}
