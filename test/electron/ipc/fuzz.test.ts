import { describe, expect, it } from 'vitest';
import { CHANNEL_NAMES } from '../../../shared/ipc/channels';
import { runDispatcherFuzz, runHostFuzz } from '../../support/fuzz-runs';

const FUZZ_COUNT = 1000;

describe('fuzzed input', () => {
  it(`through the dispatcher: ${FUZZ_COUNT} malformed payloads on every channel all refused, nothing written, no prototype polluted`, async () => {
    const report = await runDispatcherFuzz(FUZZ_COUNT);
    console.log(
      `dispatcher fuzz payloads ${report.payloads}, refused ${report.payloads - report.accepted.length}, accepted ${report.accepted.length}, ` +
        `${[...report.outcomes].map(([code, n]) => `${code} ${n}`).join(', ')}, ${Math.round(report.ms)} ms`,
    );
    expect(report.accepted).toEqual([]);
    expect([...report.channelsHit].sort()).toEqual([...CHANNEL_NAMES].sort());
    expect(new Set(report.outcomes.keys())).toEqual(new Set(['invalid_input', 'unknown_channel']));
    expect([report.storeChanged, report.prototypePolluted, report.aliveAfter]).toEqual([false, false, true]);
  });

  it(`to every host route: ${FUZZ_COUNT} malformed requests refused, no file outside the UI served, nothing written`, async () => {
    const report = await runHostFuzz(FUZZ_COUNT);
    console.log(
      `host fuzz requests ${report.requests}, accepted ${report.accepted}, files leaked ${report.leaked}, ` +
        `statuses ${[...report.statuses].sort().map(([status, n]) => `${status}:${n}`).join(' ')}, ${Math.round(report.ms)} ms`,
    );
    expect([report.accepted, report.leaked, report.statuses.has(500)]).toEqual([0, 0, false]);
    expect([report.storeChanged, report.aliveAfter]).toEqual([false, true]);
  });
});
