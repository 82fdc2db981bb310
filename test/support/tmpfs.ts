import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { makeTempDir } from './temp-database';

/**
 * A real small file system that fills up (tmpfs), for disk-full tests: Linux, as root, where
 * mount is allowed (a container may refuse). Tests that need one skip where it is not.
 */
export function canMountTmpfs(): boolean {
  if (process.platform !== 'linux' || process.getuid?.() !== 0) return false;
  const probe = makeTempDir('leadbooth-mount-probe-');
  try {
    execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=64k', 'tmpfs', probe], { stdio: 'ignore' });
    execFileSync('umount', [probe], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  } finally {
    fs.rmSync(probe, { recursive: true, force: true });
  }
}

/**
 * Mounts a tmpfs of this size (mount's notation: "1m", "256k") on a fresh folder; `unmount`
 * also removes the folder. `readOnly`: a folder nobody may write in, root included (as a
 * write-protected stick; chmod does not stop root, who runs these tests).
 */
export function mountTmpfs(size: string, options: { readOnly?: boolean } = {}): { mountPoint: string; unmount(): void } {
  const mountPoint = makeTempDir('leadbooth-tmpfs-');
  execFileSync('mount', ['-t', 'tmpfs', '-o', `size=${size},mode=0700${options.readOnly ? ',ro' : ''}`, 'tmpfs', mountPoint]);
  return {
    mountPoint,
    unmount() {
      execFileSync('umount', ['-l', mountPoint]);
      fs.rmSync(mountPoint, { recursive: true, force: true });
    },
  };
}
