// @vitest-environment jsdom
import { act, cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/ipc/errors';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { reviewBox } from '../../../../renderer/src/capture/scan/review-box';
import { type AppStore } from '../../../../renderer/src/store/app-store';
import { renderWithStore } from '../../render-screen';
import { fakeApi, readyStore } from '../../fake-store';

afterEach(cleanup);

const renderEntry = (store: AppStore) => renderWithStore(store, <LeadEntryScreen />);

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });
/** The line under Name that says how it splits. */
const splitLine = () => document.getElementById(field('Name').getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('split')) ?? '');

describe('the Name field', () => {
  it('opens the form with the focus, and splits what is typed into first and last name, shown under it', () => {
    renderEntry(readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) })));
    const name = screen.getByRole('textbox', { name: /^Name/ });
    expect(document.activeElement).toBe(name);
    expect(splitLine()?.textContent).toContain('Lena Fischer');

    type('Name', 'Fischer, Lena');
    expect(field('Name').value).toBe('Fischer, Lena'); // as typed, not rewritten while typing
    expect(field('First name').value).toBe('Lena');
    expect(field('Last name').value).toBe('Fischer');
    expect(splitLine()?.textContent).toBe('First name Lena · Last name Fischer');

    type('Name', 'Ludwig van Beethoven');
    expect(field('First name').value).toBe('Ludwig');
    expect(field('Last name').value).toBe('van Beethoven');

    type('Name', 'Beethoven');
    expect(field('First name').value).toBe('');
    expect(field('Last name').value).toBe('Beethoven');
    expect(splitLine()?.textContent).toBe('First name — · Last name Beethoven');
  });

  it('follows an edit of First name or Last name, the place to correct a split', () => {
    renderEntry(readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) })));
    type('Name', 'María José García López');
    expect(field('First name').value).toBe('María José');
    expect(field('Last name').value).toBe('García López');
    type('First name', 'María');
    type('Last name', 'José García López');
    expect(field('Name').value).toBe('María José García López');
    expect(splitLine()?.textContent).toBe('First name María · Last name José García López');
  });

  it('shows first and last name joined when a scan or badge fills them', () => {
    const store = readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) }));
    renderEntry(store);
    act(() => void store.getState().applyBadgePayload('MECARD:N:Hartmann,Tessa;;'));
    expect(field('Name').value).toBe('Tessa Hartmann');
    expect(splitLine()?.textContent).toBe('First name Tessa · Last name Hartmann');
  });

  it('Alt+X in Name swaps first and last name', () => {
    renderEntry(readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) })));
    type('Name', 'Fischer Lena');
    fireEvent.keyDown(field('Name'), { key: 'x', altKey: true });
    expect(field('First name').value).toBe('Lena');
    expect(field('Last name').value).toBe('Fischer');
    expect(field('Name').value).toBe('Lena Fischer');
  });

  it('shows a last-name error at Name, focuses Name, and marks Last name without a second message', async () => {
    const message = 'Keep this under 80 characters.';
    const api = fakeApi({
      'leads.findDuplicates': vi.fn(async () => []),
      'leads.create': vi.fn(async () => Promise.reject(new AppError('invalid_input', `Check lastName: ${message}`, { lastName: message }))),
      'drafts.save': vi.fn(async () => null),
    });
    renderEntry(readyStore(api));
    type('Name', 'Lena Fischer');
    field('Email').focus();
    fireEvent.keyDown(field('Email'), { key: 'Enter' });

    const name = field('Name');
    await waitFor(() => expect(name.getAttribute('aria-invalid')).toBe('true'));
    const describedBy = (name.getAttribute('aria-describedby') ?? '').split(' ');
    expect(describedBy.map((id) => document.getElementById(id)?.textContent)).toContain(`Last name: ${message}`);
    await waitFor(() => expect(document.activeElement).toBe(name));
    expect(field('Last name').getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(field('Last name').getAttribute('aria-describedby') ?? '')?.textContent).toBe(`Last name: ${message}`);
    expect(screen.getAllByText(`Last name: ${message}`)).toHaveLength(1);

    type('Name', 'Lena Fisher');
    expect(field('Name').getAttribute('aria-invalid')).toBeNull();
  });

  it('a restored draft shows its first and last name in Name, and typing there is kept as a draft', async () => {
    const api = fakeApi({
      'drafts.get': vi.fn(async () => ({ fields: { firstName: 'Chidi', lastName: 'Okafor' }, savedAt: 'x' })),
      'drafts.save': vi.fn(async () => null),
    });
    const store = readyStore(api);
    await store.getState().restoreDraft();
    renderEntry(store);
    expect(field('Name').value).toBe('Chidi Okafor');

    type('Name', 'Okafor, Chidi Emeka');
    await waitFor(() =>
      expect(api['drafts.save']).toHaveBeenCalledWith({ fields: expect.objectContaining({ firstName: 'Chidi Emeka', lastName: 'Okafor' }) }),
    );
  });

  it('focusing Name reviews the name on the card: one box around first and last name', () => {
    const store = readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) }));
    renderEntry(store);
    fireEvent.focus(field('Company'));
    expect(store.getState().reviewField).toBe('company');
    fireEvent.focus(field('Name'));
    expect(store.getState().reviewField).toBe('name');

    const boxes = { firstName: { x0: 10, y0: 20, x1: 50, y1: 40 }, lastName: { x0: 60, y0: 22, x1: 120, y1: 42 }, email: { x0: 0, y0: 90, x1: 80, y1: 100 } };
    expect(reviewBox('name', boxes)).toEqual({ x0: 10, y0: 20, x1: 120, y1: 42 });
    expect(reviewBox('name', { lastName: boxes.lastName })).toEqual(boxes.lastName);
    expect(reviewBox('name', { email: boxes.email })).toBeUndefined();
    expect(reviewBox('email', boxes)).toEqual(boxes.email);
  });
});
