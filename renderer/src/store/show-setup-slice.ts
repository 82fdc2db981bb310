import type { QualificationFramework, ShowEvent } from '../../../shared/domain/event';
import type { Criterion } from '../../../shared/domain/qualification';
import type { Checklist } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';
import { latestRequest } from './latest-request';

interface FollowupTemplate {
  subject: string;
  body: string;
}

/** A show's qualification checklist and its follow-up email template, as the show setup screen edits them. */
export interface ShowSetupSlice {
  checklist: Checklist | null;
  checklistLoading: boolean;
  checklistSaving: boolean;
  /** Field keys as the API gives them: framework, criteria, criteria.N.label, … */
  checklistError: UiError | null;
  /** "Checklist saved." after a save: kept here because the editor starts afresh from what was saved. */
  checklistNote: string;
  templateSaving: boolean;
  /** Field keys: followupSubject, followupBody. */
  templateError: UiError | null;

  loadChecklist(eventId: string): Promise<void>;
  chooseFramework(eventId: string, framework: QualificationFramework): Promise<boolean>;
  saveCriteria(eventId: string, criteria: Criterion[]): Promise<boolean>;
  saveFollowupTemplate(eventId: string, template: FollowupTemplate): Promise<boolean>;
  /** Field key: timeZone. */
  timeZoneError: UiError | null;
  saveShowTimeZone(eventId: string, timeZone: string): Promise<boolean>;
  /** Field keys: currency, cost. */
  moneyError: UiError | null;
  /** The show's currency and total cost (null: not known); true when saved. */
  saveShowMoney(eventId: string, money: { currency: string; cost: number | null }): Promise<boolean>;
}

export const createShowSetupSlice: SliceCreator<ShowSetupSlice> = ({ api }) => {
  const requests = latestRequest();

  return (set, get) => {
    /** The show's framework lives on the event too: keep the session's copy in step. */
    function replaceEvent(eventId: string, change: (event: ShowEvent) => ShowEvent): void {
      set({ events: get().events.map((event) => (event.id === eventId ? change(event) : event)) });
    }

    function applyChecklist(checklist: Checklist, note: string): void {
      set({ checklist, checklistSaving: false, checklistNote: note });
      replaceEvent(checklist.eventId, (event) => ({ ...event, qualificationFramework: checklist.framework }));
    }

    return {
      checklist: null,
      checklistLoading: false,
      checklistSaving: false,
      checklistError: null,
      checklistNote: '',
      templateSaving: false,
      templateError: null,
      timeZoneError: null,
      moneyError: null,

      async loadChecklist(eventId) {
        if (get().checklist?.eventId !== eventId) set({ checklist: null });
        set({ checklistLoading: true, checklistError: null, checklistNote: '', templateError: null });
        await requests.run(
          () => api['qualification.checklist']({ eventId }),
          (checklist) => set({ checklist, checklistLoading: false }),
          (error) => set({ checklistLoading: false, checklistError: error }),
        );
      },

      async chooseFramework(eventId, framework) {
        set({ checklistSaving: true, checklistError: null, checklistNote: '' });
        try {
          const checklist = await api['qualification.setFramework']({ eventId, framework });
          applyChecklist(checklist, `This show now uses ${framework === 'custom' ? 'its own checklist' : framework}.`);
          return true;
        } catch (error) {
          set({ checklistSaving: false, checklistError: toUiError(error) });
          return false;
        }
      },

      async saveCriteria(eventId, criteria) {
        set({ checklistSaving: true, checklistError: null, checklistNote: '' });
        try {
          applyChecklist(await api['qualification.saveCriteria']({ eventId, criteria }), 'Checklist saved.');
          return true;
        } catch (error) {
          set({ checklistSaving: false, checklistError: toUiError(error) });
          return false;
        }
      },

      async saveFollowupTemplate(eventId, template) {
        set({ templateSaving: true, templateError: null });
        try {
          const saved = await api['events.update']({ id: eventId, followupSubject: template.subject, followupBody: template.body });
          replaceEvent(eventId, () => saved);
          set({ templateSaving: false });
          return true;
        } catch (error) {
          set({ templateSaving: false, templateError: toUiError(error) });
          return false;
        }
      },

      async saveShowTimeZone(eventId, timeZone) {
        set({ timeZoneError: null });
        try {
          const saved = await api['events.update']({ id: eventId, timeZone });
          replaceEvent(eventId, () => saved);
          return true;
        } catch (error) {
          set({ timeZoneError: toUiError(error) });
          return false;
        }
      },

      async saveShowMoney(eventId, money) {
        set({ moneyError: null });
        try {
          const saved = await api['events.update']({ id: eventId, currency: money.currency, cost: money.cost });
          replaceEvent(eventId, () => saved);
          return true;
        } catch (error) {
          set({ moneyError: toUiError(error) });
          return false;
        }
      },
    };
  };
};
