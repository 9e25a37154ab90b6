// The backup channels' handlers: one BackupService on <dataDir>/backups.
import path from 'node:path';
import type { BridgeHandlers } from '../core/bridge';
import { BackupService } from './services/backup-service';

type BackupChannels = 'backupBegin' | 'backupWrite' | 'backupEnd' | 'listBackups' | 'readBackup' | 'readBackupNext';

export function backupHandlers(dataDir: string): Pick<BridgeHandlers, BackupChannels> {
  const backups = new BackupService(path.join(dataDir, 'backups'));
  return {
    backupBegin: () => backups.begin(),
    backupWrite: ({ session, records }) => backups.write(session, records),
    backupEnd: ({ session, abort }) => backups.end(session, abort ?? false),
    listBackups: () => backups.list(),
    readBackup: ({ id }) => backups.open(id),
    readBackupNext: ({ session }) => backups.next(session),
  };
}
