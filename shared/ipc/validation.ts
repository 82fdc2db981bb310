import { z } from 'zod';
import { AppError } from './errors';

/** A schema failure, with one message per field so the UI can show each next to its field. */
export function invalidInput(error: z.ZodError): AppError {
  const fieldErrors: Record<string, string> = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join('.') || '(input)';
    fieldErrors[path] ??= issue.message;
  }
  const first = Object.entries(fieldErrors)[0];
  const message = first ? `Check ${first[0]}: ${first[1]}` : 'The request was not in the expected shape.';
  return new AppError('invalid_input', message, fieldErrors);
}

/** Parses with the schema or throws the AppError a caller can show field by field. */
export function parseOrThrow<Schema extends z.ZodType>(schema: Schema, value: unknown): z.output<Schema> {
  const result = schema.safeParse(value);
  if (!result.success) throw invalidInput(result.error);
  return result.data;
}
