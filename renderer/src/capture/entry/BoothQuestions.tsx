import { useEffect } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useAppStore } from '../../store/app-store';

/** The show's "ask at the booth" questions: one box each, ticked when the answer is yes. */
export function BoothQuestions() {
  const eventId = useAppStore((state) => state.settings.currentEventId);
  const questions = useAppStore((state) => state.boothQuestions);
  const ticked = useAppStore(useShallow((state) => state.boothTicked));
  const error = useAppStore((state) => state.boothQuestionsError);
  const loadBoothQuestions = useAppStore((state) => state.loadBoothQuestions);
  const toggleBoothQuestion = useAppStore((state) => state.toggleBoothQuestion);

  useEffect(() => {
    if (eventId) void loadBoothQuestions(eventId);
  }, [eventId, loadBoothQuestions]);

  if (questions.length === 0 && !error) return null;
  return (
    <fieldset className="field field-wide booth-questions">
      <legend>Ask at the booth</legend>
      <div className="booth-question-list">
        {questions.map((question) => (
          <label key={question.key} className="booth-question">
            <input type="checkbox" checked={ticked.includes(question.key)} onChange={() => toggleBoothQuestion(question.key)} />
            {question.label}
          </label>
        ))}
      </div>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
