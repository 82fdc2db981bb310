// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { BadgeProfilesEditor } from '../../../renderer/src/show-setup/BadgeProfilesEditor';
import { AppError } from '../../../shared/ipc/errors';
import { badgeProfileSchema, type BadgeProfile, type BadgeProfileInput } from '../../../shared/parsing/badge-profiles';
import { fakeApi, readyStore } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

describe('BadgeProfilesEditor', () => {
  it("tries a payload before saving, saves the show's profile, shows a refusal, and removes it", async () => {
    let stored: BadgeProfile[] = [];
    const save = vi.fn(async (input: { profile: BadgeProfileInput }) => {
      if (input.profile.name === 'Broken') throw new AppError('invalid_input', 'Check the profile.', { 'profile.fields.1': 'Each field is one of: refId, firstName, …' });
      stored = [...stored, badgeProfileSchema.parse(input.profile)];
      return stored;
    });
    const remove = vi.fn(async () => (stored = []));
    const store = readyStore(fakeApi({ 'events.badgeProfiles': vi.fn(async () => stored), 'events.saveBadgeProfile': save, 'events.removeBadgeProfile': remove }));
    renderWithStore(store, <BadgeProfilesEditor />);
    expect(await screen.findByText(/No profiles of this show’s own yet/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Profile name'), { target: { value: 'Expo' } });
    fireEvent.change(screen.getByLabelText('Delimiter'), { target: { value: ';' } });
    fireEvent.change(screen.getByLabelText('Fields, in order'), { target: { value: 'lastName, firstName, company, refId' } });
    fireEvent.change(screen.getByLabelText('Try a scan'), { target: { value: 'Okafor;Chidi;Northwind;77120' } });
    expect(screen.getByText(/Read with “Expo”: lastName Okafor · firstName Chidi · company Northwind · id 77120/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Fields, in order'), { target: { value: 'lastName, surname' } });
    expect(screen.getByText(/Not a field: surname/)).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Fields, in order'), { target: { value: 'lastName, firstName, company, refId' } });

    fireEvent.click(screen.getByRole('button', { name: 'Save badge profile' }));
    await waitFor(() => expect(screen.getByText(/Saved “Expo”/)).toBeTruthy());
    expect(save).toHaveBeenCalledWith({ profile: { name: 'Expo', delimiter: ';', fields: ['lastName', 'firstName', 'company', 'refId'], prefix: '', suffix: '', idField: 'refId' } });
    expect(screen.getByRole('list', { name: "This show's badge profiles" }).textContent).toMatch(/Expo: lastName, firstName, company, refId — semicolon ;, id: refId/);
    expect(store.getState().badgeProfiles).toHaveLength(1); // the booth's badge field reads with it at once

    fireEvent.change(screen.getByLabelText('Profile name'), { target: { value: 'Broken' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save badge profile' }));
    expect(await screen.findByText(/Check the profile\. Each field is one of/)).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Remove Expo' }));
    await waitFor(() => expect(screen.getByText(/No profiles of this show’s own yet/)).toBeTruthy());
  });
});
