// @vitest-environment jsdom
import { cleanup, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { BatchHistory } from '../../../renderer/src/exchange/BatchHistory';
import type { ExportBatch } from '../../../shared/domain/exchange';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

describe('BatchHistory', () => {
  it('names each batch’s format as the format picker does, not by its code', async () => {
    const batch: ExportBatch = {
      id: crypto.randomUUID(),
      createdAt: '2026-11-28T10:00:00.000Z',
      createdBy: 'Dana Booth',
      format: 'salesforce-converted',
      filter: {},
      fileName: 'Opportunities.csv',
      sha256: 'ab'.repeat(32),
      leadCount: 3,
      skippedCount: 0,
      repeatOf: null,
    };
    renderWithStore(readyStore(fakeApi({ 'exchange.batches': async () => [batch] })), <BatchHistory />);
    const row = within(await screen.findByRole('table')).getAllByRole('row')[1];
    expect(row?.textContent).toContain('Salesforce converted records (Accounts, Contacts, Opportunities, contact roles)');
    expect(row?.textContent).not.toContain('salesforce-converted');
  });
});
