// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingForExport, type NewLead } from '../../../../shared/domain/lead';
import type { QueueItem, SavedLead, StoredCardScan } from '../../../../shared/ipc/contract';
import { emptyParsedCard } from '../../../../shared/parsing/card-fields';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { type AppStore } from '../../../../renderer/src/store/app-store';
import { renderWithStore } from '../../render-screen';
import { fakeApi, leadWith, readyStore } from '../../fake-store';

afterEach(cleanup);

const renderEntry = (store: AppStore) => renderWithStore(store, <LeadEntryScreen />);

const uuid = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
const item = (n: number, status: QueueItem['status'], extra: Partial<QueueItem> = {}): QueueItem => ({
  id: uuid(n),
  position: n,
  fileName: `card-${n}.jpg`,
  status,
  error: '',
  scanId: status === 'ready' ? uuid(n + 5) : null,
  addedAt: '2026-11-28T10:00:00.000Z',
  ...extra,
});

function storedScan(scanId: string, lastName: string): StoredCardScan {
  const fields = emptyParsedCard();
  fields.lastName = { value: lastName, confidence: 0.95, box: null };
  return { scanId, fields, text: lastName, ms: 0, imageWidth: 10, imageHeight: 10, fileName: 'card.jpg', imageBase64: btoa('jpg'), imageMime: 'image/jpeg', leadId: null };
}

async function echo(input: NewLead): Promise<SavedLead> {
  const lead = leadWith({ lastName: input.lastName ?? '' });
  return { lead, missingForExport: missingForExport(lead) };
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' }) as HTMLInputElement;

describe('capture queue on the entry form', () => {
  it('opens the first card read, saves it with Enter and opens the next; a failed card keeps its error and a Retry', async () => {
    const names: Record<string, string> = { [uuid(6)]: 'Okafor', [uuid(7)]: 'Müller' };
    const api = fakeApi({
      'cards.get': vi.fn(async ({ scanId }) => storedScan(scanId, names[scanId] ?? '?')),
      'cards.retry': vi.fn(async ({ itemId }) => item(Number(itemId.slice(-1)), 'waiting')),
      'leads.findDuplicates': vi.fn(async () => []),
      'leads.create': vi.fn(echo),
      'drafts.save': vi.fn(async () => null),
    });
    const store = readyStore(api);
    renderEntry(store);
    // The person was elsewhere (the webcam's Snapshot button, the queue): no field has the focus.
    (document.activeElement as HTMLElement | null)?.blur();
    act(() => store.getState().applyQueue([item(1, 'ready'), item(2, 'scanning'), item(3, 'failed', { error: 'notes.txt is not an image: pick a photo of the card.' })]));

    await waitFor(() => expect(field('Last name').value).toBe('Okafor'));
    // The focus goes to the form (the field the card filled), so Enter saves.
    await waitFor(() => expect(document.activeElement?.id).toBe('lead-name'));
    expect(screen.getByText('1 of 3 read', { exact: false })).toBeTruthy();
    expect(screen.getByText(/On the form — press Enter to save/)).toBeTruthy();
    expect(screen.getByText('notes.txt is not an image: pick a photo of the card.')).toBeTruthy();

    act(() => store.getState().applyQueue([item(1, 'ready'), item(2, 'ready'), item(3, 'failed')]));
    fireEvent.keyDown(field('Last name'), { key: 'Enter' });
    await waitFor(() => expect(api['leads.create']).toHaveBeenCalledWith(expect.objectContaining({ lastName: 'Okafor', cardScanId: uuid(6) })));
    // The next card that is ready opens by itself.
    await waitFor(() => expect(field('Last name').value).toBe('Müller'));

    fireEvent.click(screen.getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(api['cards.retry']).toHaveBeenCalledWith({ itemId: uuid(3) }));
  });

  it('never opens a queued card over a lead being typed', async () => {
    const api = fakeApi({ 'cards.get': vi.fn(async ({ scanId }) => storedScan(scanId, 'Okafor')), 'drafts.save': vi.fn(async () => null) });
    const store = readyStore(api);
    renderEntry(store);
    fireEvent.change(field('Name'), { target: { value: 'Dana' } });
    act(() => store.getState().applyQueue([item(1, 'ready')]));
    expect(api['cards.get']).not.toHaveBeenCalled();
    expect(screen.getByRole('button', { name: 'Open' })).toBeTruthy();
  });
});
