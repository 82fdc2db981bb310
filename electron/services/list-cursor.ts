import { AppError } from '../../shared/ipc/errors';

export interface ListCursor {
  capturedAt: string;
  seq: number;
}

/** Opaque to callers: they pass back what the previous page gave them. */
export function encodeCursor(cursor: ListCursor): string {
  return Buffer.from(JSON.stringify([cursor.capturedAt, cursor.seq])).toString('base64url');
}

export function decodeCursor(text: string): ListCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isInteger(value[1])) {
      return { capturedAt: value[0], seq: value[1] as number };
    }
  } catch {
    // Falls through to the error below.
  }
  throw new AppError('invalid_input', 'The page cursor is not one this app gave out. Start again from the first page.', {
    after: 'Unknown cursor.',
  });
}
