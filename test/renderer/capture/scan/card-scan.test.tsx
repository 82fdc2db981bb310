// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { missingForExport, type NewLead } from '../../../../shared/domain/lead';
import type { CardScanResult, SavedLead } from '../../../../shared/ipc/contract';
import { AppError } from '../../../../shared/ipc/errors';
import { emptyParsedCard, type CardField } from '../../../../shared/parsing/card-fields';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { AppStoreContext, type AppStore } from '../../../../renderer/src/store/app-store';
import { fakeApi, leadWith, readyStore } from '../../fake-store';

const SCAN_ID = '0f8fad5b-d9cb-469f-a165-70867728950e';

beforeEach(() => {
  // jsdom has no object URLs; the photo panel only needs a string to put in <img src>.
  vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: vi.fn(() => 'blob:card-photo'), revokeObjectURL: vi.fn() }));
});
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
});

function renderEntry(store: AppStore) {
  render(
    <AppStoreContext.Provider value={store}>
      <LeadEntryScreen />
    </AppStoreContext.Provider>,
  );
}

/** What the scanner returns for a card: each field with a value and a confidence. */
function scanResult(fields: Partial<Record<CardField, [value: string, confidence: number]>>): CardScanResult {
  const card = emptyParsedCard();
  for (const [name, [value, confidence]] of Object.entries(fields) as [CardField, [string, number]][]) {
    card[name] = { value, confidence, box: { x0: 0, y0: 0, x1: 10, y1: 10 } };
  }
  return { scanId: SCAN_ID, fields: card, text: 'raw text', ms: 900, imageWidth: 960, imageHeight: 640 };
}

const TESSA = scanResult({
  firstName: ['Tessa', 0.95],
  lastName: ['Hartmann', 0.93],
  company: ['Hallström & Wexmoor SARL', 0.45],
  email: ['hartmann@hallstroem.example.org', 0.97],
  phone: ['05.36.49.92.91', 0.9],
  city: ['Bordeaux', 0.8],
  fax: ['05.36.49.92.99', 0.8],
});

async function echoCreate(input: NewLead): Promise<SavedLead> {
  const lead = leadWith({ firstName: input.firstName ?? '', lastName: input.lastName ?? '', company: input.company ?? '' });
  return { lead, missingForExport: missingForExport(lead) };
}

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input, textarea, select' }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
const cardPhoto = (name = 'card.jpg') => new File([new Uint8Array([0xff, 0xd8, 0xff, 0xe0])], name, { type: 'image/jpeg' });
const pickPhoto = (file: File) => fireEvent.change(screen.getByLabelText('Card photo', { selector: 'input' }), { target: { files: [file] } });

describe('card scanning on the lead form', () => {
  it('fills the empty fields, keeps what was typed, and offers the card’s differing value', async () => {
    const scan = vi.fn(async () => TESSA);
    const api = fakeApi({ 'cards.scan': scan, 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    type('Name', 'Hartman-Typed'); // one word: the last name

    pickPhoto(cardPhoto('tessa.jpg'));
    await waitFor(() => expect(field('First name').value).toBe('Tessa'));

    expect(scan).toHaveBeenCalledWith({ imageBase64: '/9j/4A==', fileName: 'tessa.jpg' });
    expect(field('Email').value).toBe('hartmann@hallstroem.example.org');
    expect(field('Phone').value).toBe('05.36.49.92.91');
    expect(field('City').value).toBe('Bordeaux');
    expect(field('Notes').value).toBe('Fax: 05.36.49.92.99');
    // Typed by the person: kept, with the card's reading offered beside it.
    expect(field('Last name').value).toBe('Hartman-Typed');
    expect(field('Name').value).toBe('Tessa Hartman-Typed'); // the card's first name joined with the typed last name
    expect(field('Name').getAttribute('aria-describedby')).toBe('lead-name-split lead-lastName-scan');
    expect(field('Last name').getAttribute('aria-describedby')).toBe('lead-lastName-scan');
    expect(screen.getByText(/The card reads “Hartmann”/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use the card’s' }));
    expect(field('Last name').value).toBe('Hartmann');
    expect(field('Name').value).toBe('Tessa Hartmann');

    expect(screen.getByRole('img', { name: /tessa\.jpg/ }).getAttribute('src')).toBe('blob:card-photo');
    // The filled form is kept as a draft like a typed one.
    await waitFor(() => expect(api['drafts.save']).toHaveBeenCalledWith({ fields: expect.objectContaining({ firstName: 'Tessa', city: 'Bordeaux' }) }));
  });

  it('after a picked card the focus leaves the scan button for the first field to check, so Enter saves', async () => {
    const api = fakeApi({
      'cards.scan': vi.fn(async () => TESSA),
      'leads.findDuplicates': vi.fn(async () => []),
      'leads.create': vi.fn(echoCreate),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    const scanButton = screen.getByRole('button', { name: 'Choose card photos…' });
    scanButton.focus(); // where the focus is when the file picker closes
    pickPhoto(cardPhoto('tessa.jpg'));
    // Company was read unsure (marked Check): the first field to look at, in the form's order.
    await waitFor(() => expect(document.activeElement).toBe(field('Company')));
    fireEvent.keyDown(document.activeElement ?? document.body, { key: 'Enter' });
    await waitFor(() => expect(api['leads.create']).toHaveBeenCalledWith(expect.objectContaining({ lastName: 'Hartmann', cardScanId: SCAN_ID })));
  });

  it('a card landing while the person types in a field leaves the focus where it is', async () => {
    const api = fakeApi({ 'cards.scan': vi.fn(async () => TESSA), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    pickPhoto(cardPhoto('tessa.jpg'));
    field('Notes').focus();
    type('Notes', 'met at the bar');
    await waitFor(() => expect(field('Email').value).toBe('hartmann@hallstroem.example.org'));
    expect(document.activeElement).toBe(field('Notes'));
  });

  it('marks unsure fields to check, and the mark goes when the person edits the field', async () => {
    const api = fakeApi({ 'cards.scan': vi.fn(async () => TESSA), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    pickPhoto(cardPhoto());
    await waitFor(() => expect(field('Company').value).toBe('Hallström & Wexmoor SARL'));

    const company = field('Company');
    expect(company.closest('.field')?.classList.contains('field-check')).toBe(true);
    expect(company.getAttribute('aria-describedby')).toBe('lead-company-scan');
    expect(document.getElementById('lead-company-scan')?.textContent).toMatch(/Hard to read on the card/);
    expect(field('Email').closest('.field')?.classList.contains('field-check')).toBe(false);
    expect(screen.getByText(/Compare the field marked “Check” with the photo/)).toBeTruthy();

    type('Company', 'Hallström & Wexmoor');
    expect(company.closest('.field')?.classList.contains('field-check')).toBe(false);
    expect(company.getAttribute('aria-describedby')).toBeNull();
    expect(document.getElementById('lead-company-scan')).toBeNull();
  });

  it('follows the scanner’s own marks: a sure-looking field it doubts, and a name it could not read', async () => {
    const result = scanResult({ company: ['Meridel Systems GmbH', 0.95], email: ['berg@mendel.example.com', 0.97], city: ['Berlin', 0.4] });
    result.fields.email.check = 'unsure';
    result.fields.company.check = null;
    result.fields.city.check = null; // the rule found nothing to doubt: the confidence alone does not mark it
    result.fields.firstName.check = 'not-read';
    result.fields.lastName.check = 'not-read';
    const api = fakeApi({ 'cards.scan': vi.fn(async () => result), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    pickPhoto(cardPhoto());
    await waitFor(() => expect(field('Email').value).toBe('berg@mendel.example.com'));

    expect(field('Email').closest('.field')?.classList.contains('field-check')).toBe(true);
    expect(field('City').closest('.field')?.classList.contains('field-check')).toBe(false);
    expect(field('Company').closest('.field')?.classList.contains('field-check')).toBe(false);
    // The name was not read: the empty fields are marked, and say so.
    expect(field('Last name').value).toBe('');
    expect(field('Name').closest('.field')?.classList.contains('field-check')).toBe(true);
    expect(document.getElementById('lead-lastName-scan')?.textContent).toMatch(/Check: not read/);
    expect(screen.getByText(/Compare the 3 fields marked “Check” with the photo/)).toBeTruthy();

    type('Name', 'Michael Berg');
    expect(document.getElementById('lead-lastName-scan')).toBeNull();
  });

  it('says when the card is printed in a script the scanner cannot read, beside the marks', async () => {
    const result = scanResult({ email: ['d.sokolov@severveter.example', 0.9] });
    result.fields.email.check = 'unsure';
    result.fields.lastName.check = 'not-read';
    result.notice = 'This card looks like it is printed in a script LeadBooth cannot read yet — type the fields in.';
    const api = fakeApi({ 'cards.scan': vi.fn(async () => result), 'drafts.save': vi.fn(async () => null) });
    renderEntry(readyStore(api));
    pickPhoto(cardPhoto());
    await waitFor(() => expect(field('Email').value).toBe('d.sokolov@severveter.example'));
    expect(screen.getByText(/printed in a script LeadBooth cannot read yet — type the fields in\. Filled 1 field/)).toBeTruthy();
  });

  it('saves the lead with its scan id, then clears the photo and marks with the form', async () => {
    const create = vi.fn(echoCreate);
    const api = fakeApi({ 'cards.scan': vi.fn(async () => TESSA), 'leads.create': create, 'drafts.save': vi.fn(async () => null) });
    const store = readyStore(api);
    renderEntry(store);
    pickPhoto(cardPhoto());
    await waitFor(() => expect(field('Email').value).not.toBe(''));

    fireEvent.keyDown(field('Email'), { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved Tessa Hartmann'));
    expect(create).toHaveBeenCalledWith(
      expect.objectContaining({ cardScanId: SCAN_ID, captureMethod: 'card_scan', email: 'hartmann@hallstroem.example.org' }),
    );
    expect(field('Email').value).toBe('');
    expect(screen.queryByRole('img')).toBeNull();
    expect(document.querySelector('.field-check')).toBeNull();
    expect(store.getState().scanId).toBeNull();

    // The next lead, typed by hand, is not tied to the card.
    type('Name', 'Okafor');
    fireEvent.keyDown(field('Name'), { key: 'Enter' });
    await waitFor(() => expect(create).toHaveBeenCalledTimes(2));
    expect(create.mock.calls[1]?.[0]).toMatchObject({ captureMethod: 'typed' });
    expect(create.mock.calls[1]?.[0]).not.toHaveProperty('cardScanId');
  });

  it('shows the scanner’s message when the file is no card photo, and nothing typed is lost', async () => {
    const message = 'notes.jpg is not an image (its contents are not JPEG, PNG, WebP, TIFF, GIF or HEIC): pick a photo of the card';
    const api = fakeApi({
      'cards.scan': vi.fn(async () => Promise.reject(new AppError('invalid_input', message, { image: message }))),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    type('Name', 'Ben');
    pickPhoto(new File(['just text'], 'notes.jpg', { type: 'image/jpeg' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain(`${message}.`);
    expect(alert.textContent).toContain('Nothing you typed was changed');
    expect(alert.closest('.scan-area')).not.toBeNull();
    expect(field('Name').value).toBe('Ben');
    expect(screen.queryByRole('img')).toBeNull();
  });

  it('reads a photo dropped on the form', async () => {
    const scan = vi.fn(async () => TESSA);
    renderEntry(readyStore(fakeApi({ 'cards.scan': scan, 'drafts.save': vi.fn(async () => null) })));
    const form = screen.getByRole('form', { name: 'New lead' });
    const dataTransfer = { types: ['Files'], files: [cardPhoto('dropped.jpg')], dropEffect: 'none' };
    fireEvent.dragEnter(form, { dataTransfer });
    expect(screen.getByText('Drop the card photo to read it')).toBeTruthy();
    fireEvent.drop(form, { dataTransfer });
    expect(screen.queryByText('Drop the card photo to read it')).toBeNull();
    await waitFor(() => expect(field('First name').value).toBe('Tessa'));
    expect(scan).toHaveBeenCalledWith(expect.objectContaining({ fileName: 'dropped.jpg' }));
  });

  it('drops a scan result that arrives after the form was cleared', async () => {
    let finish: (result: CardScanResult) => void = () => {};
    const api = fakeApi({
      'cards.scan': vi.fn(() => new Promise<CardScanResult>((resolve) => (finish = resolve))),
      'drafts.save': vi.fn(async () => null),
    });
    const store = readyStore(api);
    renderEntry(store);
    pickPhoto(cardPhoto());
    await waitFor(() => expect(api['cards.scan']).toHaveBeenCalled());
    // Busy where the person looks: next to the scan button and on the photo; the form stays usable.
    expect(document.querySelector('.scan-status')?.textContent).toContain('Reading the card… You can keep typing meanwhile.');
    expect(within(screen.getByRole('complementary', { name: 'Card photo' })).getByText(/Reading the card/)).toBeTruthy();
    type('Name', 'Typed while reading');
    expect(field('Name').value).toBe('Typed while reading');

    fireEvent.click(screen.getByRole('button', { name: 'Clear form' }));
    expect(screen.queryByRole('complementary')).toBeNull();
    expect(field('Name').value).toBe('');
    finish(TESSA);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(field('Name').value).toBe('');
    expect(field('Email').value).toBe('');
    expect(store.getState().scanId).toBeNull();
  });

  it('a scan still running when the lead is saved does not fill the next person’s form', async () => {
    let finish: (result: CardScanResult) => void = () => {};
    const create = vi.fn(echoCreate);
    const api = fakeApi({
      'cards.scan': vi.fn(() => new Promise<CardScanResult>((resolve) => (finish = resolve))),
      'leads.create': create,
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    pickPhoto(cardPhoto());
    await waitFor(() => expect(api['cards.scan']).toHaveBeenCalled());
    type('Name', 'Hartmann');
    fireEvent.keyDown(field('Name'), { key: 'Enter' });
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
    expect(create.mock.calls[0]?.[0]).not.toHaveProperty('cardScanId');

    finish(TESSA);
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(field('Email').value).toBe('');
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('a scan that finishes while the save is on its way does not spill into the next person’s form', async () => {
    let finishScan: (result: CardScanResult) => void = () => {};
    let finishSave: () => void = () => {};
    const create = vi.fn(async (input: Parameters<typeof echoCreate>[0]) => {
      await new Promise<void>((resolve) => (finishSave = resolve));
      return echoCreate(input);
    });
    const api = fakeApi({
      'cards.scan': vi.fn(() => new Promise<CardScanResult>((resolve) => (finishScan = resolve))),
      'leads.create': create,
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    pickPhoto(cardPhoto());
    await waitFor(() => expect(api['cards.scan']).toHaveBeenCalled());
    type('Name', 'Hartmann');
    fireEvent.keyDown(field('Name'), { key: 'Enter' });
    await waitFor(() => expect(create).toHaveBeenCalled());

    finishScan(TESSA); // arrives between sending the save and its answer
    await new Promise((resolve) => setTimeout(resolve, 10));
    finishSave();
    await waitFor(() => expect(screen.getByRole('status').textContent).toContain('Saved'));
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(field('Email').value).toBe('');
    expect(field('Name').value).toBe('');
    expect(screen.queryByRole('complementary')).toBeNull();
  });

  it('a second scan replaces what the first filled, but not what the person corrected', async () => {
    const second = scanResult({ firstName: ['Paul', 0.9], lastName: ['Becker', 0.9], email: ['paul@kessler.example.net', 0.9] });
    const scan = vi.fn().mockResolvedValueOnce(TESSA).mockResolvedValueOnce({ ...second, scanId: '6a2f41a3-c54c-4c01-9d6b-3f0e5c1a1b11' });
    const create = vi.fn(echoCreate);
    renderEntry(readyStore(fakeApi({ 'cards.scan': scan, 'leads.create': create, 'drafts.save': vi.fn(async () => null) })));
    pickPhoto(cardPhoto('blurry.jpg'));
    await waitFor(() => expect(field('First name').value).toBe('Tessa'));
    type('Job title', 'Buyer');
    type('City', 'Paris'); // corrected by hand

    pickPhoto(cardPhoto('sharp.jpg'));
    await waitFor(() => expect(field('First name').value).toBe('Paul'));
    expect(field('Email').value).toBe('paul@kessler.example.net');
    expect(field('Company').value).toBe(''); // read by the first scan only: not mixed into the second card
    expect(field('City').value).toBe('Paris');
    expect(field('Job title').value).toBe('Buyer');

    fireEvent.keyDown(field('Email'), { key: 'Enter' });
    await waitFor(() => expect(create).toHaveBeenCalledWith(expect.objectContaining({ cardScanId: '6a2f41a3-c54c-4c01-9d6b-3f0e5c1a1b11' })));
  });
});
