// @vitest-environment jsdom
import { cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { QualificationFramework } from '../../../shared/domain/event';
import { BUILT_IN_FRAMEWORKS, type Criterion } from '../../../shared/domain/qualification';
import type { ApiClient } from '../../../shared/ipc/client';
import type { AutoConversionReport, Checklist } from '../../../shared/ipc/contract';
import { AppError } from '../../../shared/ipc/errors';
import { ShowSetupScreen } from '../../../renderer/src/show-setup/ShowSetupScreen';
import { createAppStore } from '../../../renderer/src/store/app-store';
import { conversionWith } from '../crm-fixtures';
import { fakeApi, readyStore, SHOW } from '../fake-store';
import { renderWithStore } from '../render-screen';

afterEach(cleanup);

function checklistOf(framework: QualificationFramework, criteria: readonly Criterion[]): Checklist {
  return { eventId: SHOW.id, framework, criteria: criteria.map((criterion) => ({ ...criterion })) };
}

/** The API as a fresh show has it: BANT, no rule, nothing to review; the test overrides what it exercises. */
function setupApi(overrides: Partial<ApiClient> = {}) {
  return fakeApi({
    'qualification.checklist': async () => checklistOf('BANT', BUILT_IN_FRAMEWORKS.BANT),
    'conversion.getRule': async () => null,
    'conversion.review': async () => [],
    ...overrides,
  });
}

function renderSetup(api: ApiClient, store = readyStore(api)) {
  renderWithStore(store, <ShowSetupScreen />);
  return store;
}

const criteriaList = () => screen.getByRole('list', { name: 'Criteria, in the order they are asked' });
const criterionNames = () => within(criteriaList()).getAllByRole('textbox', { name: 'Name' }) as HTMLInputElement[];

describe('show setup: checklist', () => {
  it('switches the framework only once the person confirms it', async () => {
    const setFramework = vi.fn(async ({ framework }: { framework: QualificationFramework }) =>
      checklistOf(framework, framework === 'custom' ? [] : BUILT_IN_FRAMEWORKS[framework]),
    );
    const store = renderSetup(setupApi({ 'qualification.setFramework': setFramework }));
    expect(await screen.findByRole('radio', { name: /^BANT/ })).toHaveProperty('checked', true);

    fireEvent.click(screen.getByRole('radio', { name: /^ANUM/ }));
    expect(setFramework).not.toHaveBeenCalled();
    expect(screen.getByText(/The checklist becomes Authority, Need, Urgency, Money/)).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Use ANUM' }));

    await waitFor(() => expect(criterionNames().map((input) => input.value)).toEqual(['Authority', 'Need', 'Urgency', 'Money']));
    expect(setFramework).toHaveBeenCalledWith({ eventId: SHOW.id, framework: 'ANUM' });
    expect(screen.getByText('This show now uses ANUM.')).toBeTruthy();
    // The show's framework is kept in step in the session's list of shows.
    expect(store.getState().events[0]?.qualificationFramework).toBe('ANUM');
  });

  it('adds, renames, reorders and removes criteria, and saves them with stable keys', async () => {
    const saveCriteria = vi.fn(async ({ criteria }: { criteria: Criterion[] }) => checklistOf('custom', criteria));
    renderSetup(setupApi({ 'qualification.saveCriteria': saveCriteria }));
    await screen.findByRole('radio', { name: /^BANT/ });

    fireEvent.click(screen.getByRole('button', { name: '+ Add a criterion' }));
    const added = criterionNames().at(-1) as HTMLInputElement;
    await waitFor(() => expect(document.activeElement).toBe(added));
    fireEvent.change(added, { target: { value: 'Team size' } });
    const kinds = within(criteriaList()).getAllByRole('combobox', { name: 'Answer' });
    fireEvent.change(kinds.at(-1) as HTMLElement, { target: { value: 'choice' } });
    fireEvent.change(screen.getByRole('textbox', { name: 'Choices, one per line' }), { target: { value: '1-10\n11-50\n50+' } });
    fireEvent.click(within(criteriaList()).getAllByRole('checkbox', { name: 'Ask at the booth' }).at(-1) as HTMLElement);
    fireEvent.click(screen.getByRole('button', { name: 'Move Team size up' }));
    fireEvent.change(criterionNames()[0] as HTMLElement, { target: { value: 'Budget range' } });
    fireEvent.click(screen.getByRole('button', { name: 'Remove Timeline' }));
    expect(screen.getByText('Unsaved changes')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    await waitFor(() => expect(saveCriteria).toHaveBeenCalledTimes(1));
    const saved = saveCriteria.mock.calls[0]?.[0].criteria;
    expect(saved?.map((criterion) => [criterion.key, criterion.label])).toEqual([
      ['budget', 'Budget range'],
      ['authority', 'Authority'],
      ['need', 'Need'],
      ['team-size', 'Team size'],
    ]);
    expect(saved?.[3]).toMatchObject({ kind: 'choice', choices: ['1-10', '11-50', '50+'], askAtBooth: true });
    expect(await screen.findByText('Checklist saved.')).toBeTruthy();
    expect(screen.getByText(/in use/, { selector: '.current-tag' })).toBeTruthy();
    expect(screen.getByRole('radio', { name: /^Custom/ })).toHaveProperty('checked', true);
  });

  it('says what to fix before saving, and shows the API’s message next to the criterion it is about', async () => {
    const saveCriteria = vi.fn(async () =>
      Promise.reject(new AppError('invalid_input', 'Check criteria.1.label: Keep it shorter.', { 'criteria.1.label': 'Keep it shorter.' })),
    );
    renderSetup(setupApi({ 'qualification.saveCriteria': saveCriteria }));
    await screen.findByRole('radio', { name: /^BANT/ });

    fireEvent.change(criterionNames()[0] as HTMLElement, { target: { value: '' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    expect(await screen.findByText('Give the criterion a name.')).toBeTruthy();
    expect(saveCriteria).not.toHaveBeenCalled();
    await waitFor(() => expect(document.activeElement).toBe(criterionNames()[0]));

    fireEvent.change(criterionNames()[0] as HTMLElement, { target: { value: 'Budget' } });
    fireEvent.change(criterionNames()[1] as HTMLElement, { target: { value: 'Who signs' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save checklist' }));
    expect(await screen.findByText('Keep it shorter.')).toBeTruthy();
    expect(criterionNames()[1]?.getAttribute('aria-invalid')).toBe('true');
    expect(criterionNames()[1]?.value).toBe('Who signs');
  });
});

describe('show setup: follow-up email', () => {
  it('inserts a placeholder and saves subject and text to the show', async () => {
    const update = vi.fn(async (input: { id: string; followupSubject?: string; followupBody?: string }) => ({
      ...SHOW,
      followupSubject: input.followupSubject ?? '',
      followupBody: input.followupBody ?? '',
    }));
    const store = renderSetup(setupApi({ 'events.update': update }));
    const subject = (await screen.findByRole('textbox', { name: 'Subject' })) as HTMLInputElement;
    fireEvent.change(subject, { target: { value: 'Hi from ' } });
    fireEvent.focus(subject);
    subject.setSelectionRange(subject.value.length, subject.value.length);
    fireEvent.click(screen.getByRole('button', { name: /Insert \{show\}/ }));
    expect(subject.value).toBe('Hi from {show}');

    fireEvent.click(screen.getByRole('button', { name: 'Save email template' }));
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1));
    expect(update.mock.calls[0]?.[0]).toMatchObject({ id: SHOW.id, followupSubject: 'Hi from {show}' });
    expect(await screen.findByText(/Saved\. Follow-up emails/)).toBeTruthy();
    expect(store.getState().events[0]?.followupSubject).toBe('Hi from {show}');
  });
});

describe('show setup: automatic conversion', () => {
  it('saves the rule, runs it with a progress bar and shows what it did', async () => {
    let sendProgress: ((payload: { done: number; total: number }) => void) | undefined;
    let finishRun: ((report: AutoConversionReport) => void) | undefined;
    const setRule = vi.fn(async ({ eventId, rule }) => (rule ? { eventId, ...rule } : null));
    const api = setupApi({
      'conversion.setRule': setRule,
      'conversion.runRule': () => new Promise<AutoConversionReport>((resolve) => (finishRun = resolve)),
    });
    const store = createAppStore({
      api,
      bridge: {
        on: (event, listener) => {
          if (event === 'conversion.progress') sendProgress = listener as typeof sendProgress;
          return () => {};
        },
      },
      draftSaveDelayMs: 20,
      searchDelayMs: 5,
    });
    store.setState({ startupStatus: 'ready', settings: { staffName: 'Dana Booth', currentEventId: SHOW.id, fastScan: false }, events: [SHOW] });
    renderSetup(api, store);

    const run = await screen.findByRole('button', { name: 'Run the rule over this show now' });
    expect(run).toHaveProperty('disabled', true);
    fireEvent.click(screen.getByRole('checkbox', { name: 'Convert leads automatically when they meet this rule' }));
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Criteria met, at least' }), { target: { value: '4' } });
    fireEvent.click(screen.getByRole('checkbox', { name: /only when the lead has an expected close date/ }));
    fireEvent.change(screen.getByRole('combobox', { name: 'Opportunity stage' }), { target: { value: 'Needs Analysis' } });
    fireEvent.change(screen.getByRole('spinbutton', { name: 'Close date, when the lead has none' }), { target: { value: '30' } });
    fireEvent.click(screen.getByRole('button', { name: 'Save rule' }));
    await waitFor(() =>
      expect(setRule).toHaveBeenCalledWith({
        eventId: SHOW.id,
        rule: { minMet: 4, requireCloseDate: true, stage: 'Needs Analysis', closeInDays: 30 },
      }),
    );

    await waitFor(() => expect(screen.getByRole('button', { name: 'Run the rule over this show now' })).toHaveProperty('disabled', false));
    fireEvent.click(screen.getByRole('button', { name: 'Run the rule over this show now' }));
    expect(await screen.findByRole('button', { name: 'Cancel' })).toBeTruthy();
    sendProgress?.({ done: 3, total: 8 });
    expect(await screen.findByText('Checking leads… 3 of 8')).toBeTruthy();
    expect(screen.getByRole('progressbar').getAttribute('value')).toBe('3');

    finishRun?.({
      converted: 5,
      skippedCount: 3,
      skipped: [],
      skippedByReason: { 'no expected close date yet': 2, Unqualified: 1 },
      cancelled: false,
    });
    expect(await screen.findByText(/Converted 5 leads, skipped 3 leads\./)).toBeTruthy();
    expect(screen.getByText('no expected close date yet')).toBeTruthy();
    expect(screen.queryByRole('progressbar')).toBeNull();
  });

  it('shows the rule as saved, and says when no lead can meet it', async () => {
    renderSetup(
      setupApi({ 'conversion.getRule': async () => ({ eventId: SHOW.id, minMet: 2, requireCloseDate: false, stage: 'Prospecting', closeInDays: 90 }) }),
    );
    const min = (await screen.findByRole('spinbutton', { name: 'Criteria met, at least' })) as HTMLInputElement;
    expect(min.value).toBe('2');
    expect(screen.getByRole('checkbox', { name: 'Convert leads automatically when they meet this rule' })).toHaveProperty('checked', true);
    fireEvent.change(min, { target: { value: '9' } });
    expect(screen.getByText('The checklist has 4 criteria, so no lead can meet this.')).toBeTruthy();
  });
});

describe('show setup: converted automatically — check', () => {
  it('opens the lead, marks a conversion checked, and undoes another after asking', async () => {
    const ana = conversionWith({ contactName: 'Ana Müller' });
    const ben = conversionWith({ contactName: 'Ben Okafor', accountName: 'Initech', accountCreated: false });
    const markReviewed = vi.fn(async () => ({ reviewed: true }));
    const undo = vi.fn(async () => Promise.reject(new AppError('conflict', 'Undo that conversion first.')));
    const store = renderSetup(setupApi({ 'conversion.review': async () => [ana, ben], 'conversion.markReviewed': markReviewed, 'conversion.undo': undo }));

    const list = await screen.findByRole('list', { name: 'Converted automatically, to check' });
    expect(within(list).getAllByRole('listitem')).toHaveLength(2);
    expect(within(list).getByText(/existing account Initech/)).toBeTruthy();

    fireEvent.click(within(list).getByRole('button', { name: 'Ana Müller' }));
    expect(store.getState().route).toEqual({ screen: 'lead', leadId: ana.leadId });

    const [anaRow, benRow] = within(list).getAllByRole('listitem') as [HTMLElement, HTMLElement];
    fireEvent.click(within(anaRow).getByRole('button', { name: /Mark as checked/ }));
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(markReviewed).toHaveBeenCalledWith({ id: ana.id });

    fireEvent.click(within(benRow).getByRole('button', { name: 'Undo conversion' }));
    expect(undo).not.toHaveBeenCalled();
    fireEvent.click(within(benRow).getByRole('button', { name: 'Yes, undo it' }));
    expect(await screen.findByText('Undo that conversion first.')).toBeTruthy();
    expect(undo).toHaveBeenCalledWith({ leadId: ben.leadId });
    expect(within(list).getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('show setup: card scanning', () => {
  it('turns "fast scan" on for this laptop, with its one line of help, and shows the saved setting', async () => {
    const setFastScan = vi.fn(async ({ fastScan }: { fastScan: boolean }) => ({ staffName: 'Dana Booth', currentEventId: SHOW.id, fastScan }));
    renderSetup(setupApi({ 'settings.setFastScan': setFastScan }));
    const box = screen.getByRole('checkbox', { name: 'Fast scan' }) as HTMLInputElement;
    expect(box.checked).toBe(false);
    expect(box.getAttribute('aria-describedby')).toBe('fast-scan-help');
    expect(screen.getByText(/without the second text recognizer/).id).toBe('fast-scan-help');
    fireEvent.click(box);
    await waitFor(() => expect(setFastScan).toHaveBeenCalledWith({ fastScan: true }));
    await waitFor(() => expect((screen.getByRole('checkbox', { name: 'Fast scan' }) as HTMLInputElement).checked).toBe(true));
  });
});
