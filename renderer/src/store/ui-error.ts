import { AppError } from '../../../shared/ipc/errors';

/** An error as the screens show it: one general message, plus messages for named fields. */
export interface UiError {
  message: string;
  fieldErrors: Record<string, string>;
  /** The AppError's code, when the failure was one the app named (e.g. 'busy'). */
  code?: string;
}

export function toUiError(error: unknown): UiError {
  if (error instanceof AppError) return { message: error.message, fieldErrors: error.fieldErrors ?? {}, code: error.code };
  const detail = error instanceof Error ? error.message : String(error);
  return { message: `Something went wrong: ${detail}. Nothing you typed was lost; try again.`, fieldErrors: {} };
}
