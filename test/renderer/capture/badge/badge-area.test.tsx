// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { missingForExport, type NewLead } from '../../../../shared/domain/lead';
import { AppError } from '../../../../shared/ipc/errors';
import { emptyParsedCard } from '../../../../shared/parsing/card-fields';
import type { SavedLead } from '../../../../shared/ipc/contract';
import type { BadgeProfile } from '../../../../shared/parsing/badge-profiles';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { type AppStore } from '../../../../renderer/src/store/app-store';
import { renderWithStore } from '../../render-screen';
import { fakeApi, leadWith, readyStore } from '../../fake-store';

afterEach(cleanup);

const renderEntry = (store: AppStore) => renderWithStore(store, <LeadEntryScreen />);

async function echo(input: NewLead): Promise<SavedLead> {
  const lead = leadWith({ firstName: input.firstName ?? '', lastName: input.lastName ?? '' });
  return { lead, missingForExport: missingForExport(lead) };
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' }) as HTMLInputElement;

/** A keyboard-wedge scanner: the characters of one line, then Enter. */
function wedgeLine(text: string): void {
  const badge = field('Badge code');
  fireEvent.change(badge, { target: { value: text } });
  fireEvent.keyDown(badge, { key: 'Enter' });
}

describe('badge field (keyboard-wedge scanner)', () => {
  it('collects a vCard typed line by line, fills the fields without saving, and saves as a badge scan', async () => {
    const api = fakeApi({ 'leads.create': vi.fn(echo), 'leads.findDuplicates': vi.fn(async () => []), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    fireEvent.change(field('Company'), { target: { value: 'Typed Co' } });
    for (const line of ['BEGIN:VCARD', 'VERSION:3.0', 'N:Okafor;Chidi', 'ORG:Northwind', 'EMAIL:chidi@northwind.example', 'END:VCARD']) wedgeLine(line);
    expect(field('First name').value).toBe('Chidi');
    expect(field('Last name').value).toBe('Okafor');
    expect(field('Name').value).toBe('Chidi Okafor'); // the badge's first and last name, joined
    expect(field('Company').value).toBe('Typed Co'); // what was typed stays; the badge's reading is offered
    expect(screen.getByText(/The card reads “Northwind”/)).toBeTruthy();
    expect(screen.getByText(/Badge read \(vCard\)/)).toBeTruthy();
    expect(api['leads.create']).not.toHaveBeenCalled();

    fireEvent.keyDown(field('Badge code'), { key: 'Enter' }); // empty badge field: Enter saves, as everywhere
    await waitFor(() => expect(api['leads.create']).toHaveBeenCalledWith(expect.objectContaining({ lastName: 'Okafor', captureMethod: 'badge_scan' })));
  });

  it('keeps a registration id raw on the lead', async () => {
    const api = fakeApi({ 'leads.create': vi.fn(echo), 'leads.findDuplicates': vi.fn(async () => []), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    wedgeLine('REG-2026-004711');
    expect(screen.getByText(/Badge id kept: REG-2026-004711/)).toBeTruthy();
    fireEvent.change(field('Name'), { target: { value: 'Okafor' } });
    fireEvent.keyDown(field('Name'), { key: 'Enter' });
    await waitFor(() =>
      expect(api['leads.create']).toHaveBeenCalledWith(expect.objectContaining({ badgeId: 'REG-2026-004711', captureMethod: 'badge_scan' })),
    );
  });

  it('one bad scan never blocks the next: one line, the field stays ready, the next badge is read', () => {
    renderEntry(readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) })));
    wedgeLine('MECARD:X'); // garbled
    expect(screen.getByRole('alert').textContent).toMatch(/could not be read/);
    expect(field('Badge code').value).toBe('');
    wedgeLine('A1029384^Ana^Müller^ana@acme.example^CTO^Acme GmbH^Berlin^BE^10115^+49 30 1234567\t');
    expect(screen.queryByRole('alert')).toBeNull();
    expect(field('Last name').value).toBe('Müller');
    expect(field('Email').value).toBe('ana@acme.example');
    expect(screen.getByText(/Badge read \(profile "caret"\)/)).toBeTruthy();
  });

  it("flags a payload no profile fits and keeps it raw; the show's own profile reads it", async () => {
    const api = fakeApi({
      'leads.create': vi.fn(echo),
      'leads.findDuplicates': vi.fn(async () => []),
      'drafts.save': vi.fn(async () => null),
      'events.badgeProfiles': vi.fn(async (): Promise<BadgeProfile[]> => [
        { name: 'Expo', delimiter: '~', fields: ['refId', 'lastName', 'company'], prefix: '', suffix: '', idField: 'refId' },
      ]),
    });
    const store = readyStore(api);
    renderEntry(store);
    await waitFor(() => expect(store.getState().badgeProfiles).toHaveLength(1));
    wedgeLine('X1 / Okafor / Northwind');
    expect(screen.getByText(/no badge profile fits "X1 \/ Okafor \/ Northwind"/)).toBeTruthy();
    expect(field('Last name').value).toBe('');
    wedgeLine('X1~Okafor~Northwind');
    expect(field('Last name').value).toBe('Okafor');
    fireEvent.keyDown(field('Badge code'), { key: 'Enter' });
    await waitFor(() =>
      expect(api['leads.create']).toHaveBeenCalledWith(expect.objectContaining({ badgeId: 'X1', badgePayload: 'X1~Okafor~Northwind', captureMethod: 'badge_scan' })),
    );
    // The duplicate check hears of the badge: the same badge twice is recognised, not saved twice.
    expect(api['leads.findDuplicates']).toHaveBeenCalledWith(expect.objectContaining({ badgeId: 'X1' }));
  });

  it('reads a MECARD', () => {
    renderEntry(readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) })));
    wedgeLine('MECARD:N:Jensen,Sven;ORG:Globex;EMAIL:sven@globex.example;;');
    expect(field('First name').value).toBe('Sven');
    expect(field('Email').value).toBe('sven@globex.example');
  });
});

describe('a restored draft and its card photo', () => {
  it('says on the photo when the scan is gone, offers "Remove photo", and saves without it', async () => {
    const gone = 'This card photo is no longer stored. Remove the photo and scan the card again, or save the lead without it.';
    const api = fakeApi({
      'drafts.get': vi.fn(async () => ({ fields: { lastName: 'Okafor', _cardScanId: '00000000-0000-4000-8000-000000000001' }, savedAt: 'x' })),
      'cards.get': vi.fn(async () => Promise.reject(new AppError('not_found', gone))),
      'drafts.save': vi.fn(async () => null),
      'leads.findDuplicates': vi.fn(async () => []),
      'leads.create': vi.fn(echo),
    });
    const store = readyStore(api);
    await store.getState().restoreDraft();
    renderEntry(store);
    expect(field('Last name').value).toBe('Okafor');
    expect(screen.getByRole('alert').textContent).toBe(gone);
    fireEvent.click(screen.getByRole('button', { name: 'Remove photo' }));
    expect(screen.queryByText(gone)).toBeNull();
    fireEvent.keyDown(field('Last name'), { key: 'Enter' });
    await waitFor(() => expect(api['leads.create']).toHaveBeenCalledWith(expect.not.objectContaining({ cardScanId: expect.anything() })));
  });

  it('brings the photo back and saves the lead with its scan', async () => {
    const scanId = '00000000-0000-4000-8000-000000000002';
    const api = fakeApi({
      'drafts.get': vi.fn(async () => ({ fields: { lastName: 'Okafor', _cardScanId: scanId }, savedAt: 'x' })),
      'cards.get': vi.fn(async () => ({
        scanId, fileName: 'card.jpg', imageBase64: btoa('jpeg'), imageMime: 'image/jpeg', leadId: null,
        text: 'Chidi Okafor', ms: 0, imageWidth: 10, imageHeight: 10, fields: emptyParsedCard(),
      })),
      'drafts.save': vi.fn(async () => null),
      'leads.findDuplicates': vi.fn(async () => []),
      'leads.create': vi.fn(echo),
    });
    const store = readyStore(api);
    await store.getState().restoreDraft();
    renderEntry(store);
    expect(screen.getByText(/card.jpg — compare/)).toBeTruthy();
    expect(screen.getByText('Chidi Okafor')).toBeTruthy(); // raw OCR text, one click away
    fireEvent.keyDown(field('Last name'), { key: 'Enter' });
    await waitFor(() => expect(api['leads.create']).toHaveBeenCalledWith(expect.objectContaining({ cardScanId: scanId, captureMethod: 'card_scan' })));
  });
});
