/**
 * A hybrid logical clock (Kulkarni et al., "Logical Physical Clocks", 2014): stamps that follow
 * the wall clock while it moves forward, never go backwards when it does not, and always come
 * after every stamp this device has seen from others. Last-writer-wins per field compares these
 * stamps, so a laptop whose clock is an hour off still orders an edit it made after seeing a
 * change after that change.
 *
 * Stamps are text in the protocol's format (`hlcSchema`): 13-digit milliseconds, 4-digit
 * counter, device id; string order is clock order. Pure: the wall clock is passed in.
 */

const MAX_COUNTER = 9999;

export interface HybridStamp {
  ms: number;
  counter: number;
  deviceId: string;
}

export interface HybridClock {
  /**
   * A stamp for a change made on this device: after every stamp issued or received. `wallMs`:
   * when the change was made, for one logged offline and stamped later (at its first push), so
   * last-writer-wins follows when people edited, not when their laptop found the network.
   */
  now(wallMs?: number): string;
  /** Takes in a stamp from another device, so the next `now()` comes after it. */
  receive(remoteStamp: string): void;
  /** The last stamp issued or received (to store, and start from, across restarts). */
  last(): string;
}

export function formatStamp(stamp: HybridStamp): string {
  return `${String(stamp.ms).padStart(13, '0')}-${String(stamp.counter).padStart(4, '0')}-${stamp.deviceId}`;
}

export function parseStamp(text: string): HybridStamp {
  const match = /^(\d{13})-(\d{4})-([0-9A-Za-z-]{1,64})$/.exec(text);
  if (!match) throw new Error(`"${text}" is not a sync clock stamp (expected <13-digit ms>-<4-digit counter>-<device id>).`);
  return { ms: Number(match[1]), counter: Number(match[2]), deviceId: match[3] ?? '' };
}

/**
 * @param deviceId  this device's id, the tie-breaker between equal times
 * @param wallClockMs  the physical clock, in ms since 1970
 * @param lastStamp  the last stamp of an earlier run, so a restart never issues a smaller one
 */
export function createHybridClock(deviceId: string, wallClockMs: () => number, lastStamp?: string): HybridClock {
  let ms = 0;
  let counter = 0;
  if (lastStamp) ({ ms, counter } = parseStamp(lastStamp));

  // The counter has four digits: past 9999 changes in one millisecond, the logical time moves
  // on to the next millisecond instead, which keeps the order and the fixed width.
  const advance = (nextMs: number, nextCounter: number): void => {
    if (nextCounter > MAX_COUNTER) {
      ms = nextMs + 1;
      counter = 0;
    } else {
      ms = nextMs;
      counter = nextCounter;
    }
  };

  return {
    now(wallMs) {
      const wall = Math.floor(wallMs ?? wallClockMs());
      if (wall > ms) advance(wall, 0);
      else advance(ms, counter + 1);
      return formatStamp({ ms, counter, deviceId });
    },
    receive(remoteStamp) {
      const remote = parseStamp(remoteStamp);
      const wall = Math.floor(wallClockMs());
      const nextMs = Math.max(ms, remote.ms, wall);
      if (nextMs === ms && nextMs === remote.ms) advance(nextMs, Math.max(counter, remote.counter) + 1);
      else if (nextMs === ms) advance(nextMs, counter + 1);
      else if (nextMs === remote.ms) advance(nextMs, remote.counter + 1);
      else advance(nextMs, 0);
    },
    last: () => formatStamp({ ms, counter, deviceId }),
  };
}
