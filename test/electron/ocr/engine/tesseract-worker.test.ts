import { describe, expect, it } from 'vitest';
import { EngineError, withTimeout } from '../../../../electron/ocr/engine/tesseract-worker';

describe('withTimeout (the hang guard of the accents worker)', () => {
  it('passes a result through', async () => {
    await expect(withTimeout(Promise.resolve(42), 1000, 'test')).resolves.toBe(42);
  });
  it('fails with an EngineError when the work hangs', async () => {
    const hung = new Promise<number>(() => {});
    await expect(withTimeout(hung, 20, 'accents line')).rejects.toBeInstanceOf(EngineError);
  });
});
