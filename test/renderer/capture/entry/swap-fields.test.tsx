// @vitest-environment jsdom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LeadEntryScreen } from '../../../../renderer/src/capture/entry/LeadEntryScreen';
import { type AppStore } from '../../../../renderer/src/store/app-store';
import { renderWithStore } from '../../render-screen';
import { fakeApi, readyStore } from '../../fake-store';

afterEach(cleanup);

const renderEntry = (store: AppStore) => renderWithStore(store, <LeadEntryScreen />);

const field = (label: string) => screen.getByLabelText(new RegExp(`^${label}`), { selector: 'input' }) as HTMLInputElement;
const type = (label: string, value: string) => fireEvent.change(field(label), { target: { value } });

describe('one-key swaps', () => {
  it('Alt+X swaps first and last name, phone and mobile, title and company; the focus stays', () => {
    renderEntry(readyStore(fakeApi({ 'drafts.save': vi.fn(async () => null) })));
    type('Name', 'Müller Ana');
    field('Name').focus();
    fireEvent.keyDown(field('Name'), { key: 'x', altKey: true });
    expect(field('First name').value).toBe('Ana');
    expect(field('Last name').value).toBe('Müller');
    expect(field('Name').value).toBe('Ana Müller');
    expect(document.activeElement).toBe(field('Name'));
    // In First name or Last name themselves too.
    fireEvent.keyDown(field('First name'), { key: 'x', altKey: true });
    expect(field('First name').value).toBe('Müller');
    type('Job title', 'Acme GmbH');
    fireEvent.keyDown(field('Job title'), { key: 'x', altKey: true });
    expect(field('Company').value).toBe('Acme GmbH');
    expect(field('Job title').value).toBe('');
    fireEvent.keyDown(field('Email'), { key: 'x', altKey: true });
    expect(field('Email').value).toBe('');
  });
});
