import type { Criterion } from '../../../shared/domain/qualification';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

/**
 * The show's "ask at the booth" questions (criteria of its checklist marked askAtBooth),
 * ticked on the entry form while the person is there; each ticked one is recorded as met
 * with the lead (in leads.create's transaction), or on the lead a capture was merged into.
 */
export interface BoothQuestionsSlice {
  boothQuestions: Criterion[];
  /** Keys of the questions ticked for the lead in the form. */
  boothTicked: string[];
  boothQuestionsError: string | null;

  loadBoothQuestions(eventId: string): Promise<void>;
  toggleBoothQuestion(key: string): void;
  /** After a capture merged into an existing lead: records the ticked answers on it and clears them (a new lead carries them in leads.create). */
  recordBoothAnswers(leadId: string, ticked: string[]): Promise<void>;
}

export const createBoothQuestionsSlice: SliceCreator<BoothQuestionsSlice> = ({ api }) => (set, get) => {
  let latestLoad = 0;
  return {
    boothQuestions: [],
    boothTicked: [],
    boothQuestionsError: null,

    async loadBoothQuestions(eventId) {
      const request = ++latestLoad;
      try {
        const checklist = await api['qualification.checklist']({ eventId });
        if (request !== latestLoad) return;
        const questions = checklist.criteria.filter((criterion) => criterion.askAtBooth);
        set({ boothQuestions: questions, boothTicked: get().boothTicked.filter((key) => questions.some((question) => question.key === key)) });
      } catch {
        // No questions shown: the lead can still be saved and qualified later.
        if (request === latestLoad) set({ boothQuestions: [] });
      }
    },

    toggleBoothQuestion(key) {
      const ticked = get().boothTicked;
      set({ boothTicked: ticked.includes(key) ? ticked.filter((other) => other !== key) : [...ticked, key] });
    },

    async recordBoothAnswers(leadId, ticked) {
      set({ boothTicked: get().boothTicked.filter((key) => !ticked.includes(key)), boothQuestionsError: null });
      if (ticked.length === 0) return;
      try {
        // One change: the answers are stored together and the show's automatic rule runs once, after all of them.
        await api['qualification.answerMany']({ leadId, answers: ticked.map((key) => ({ key, state: 'met' as const })) });
      } catch (error) {
        set({ boothQuestionsError: `The lead is saved, but ${ticked.map((key) => `“${key}”`).join(', ')} could not be recorded: ${toUiError(error).message} Tick them on the lead's page.` });
      }
    },
  };
};
