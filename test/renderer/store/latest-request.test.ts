/** The store's one request pattern: only the latest request's answer or error lands. */
import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/ipc/errors';
import { latestRequest } from '../../../renderer/src/store/latest-request';

function deferred<Value>() {
  let resolve!: (value: Value) => void;
  let reject!: (error: unknown) => void;
  const promise = new Promise<Value>((yes, no) => {
    resolve = yes;
    reject = no;
  });
  return { promise, resolve, reject };
}

describe('latestRequest', () => {
  it('drops the answer and the error of a request a newer one replaced', async () => {
    const requests = latestRequest();
    const landed: string[] = [];
    const older = deferred<string>();
    const failing = deferred<string>();
    const newer = deferred<string>();
    const runs = [
      requests.run(() => older.promise, (answer) => landed.push(answer), (error) => landed.push(error.message)),
      requests.run(() => failing.promise, (answer) => landed.push(answer), (error) => landed.push(error.message)),
      requests.run(() => newer.promise, (answer) => landed.push(answer), (error) => landed.push(error.message)),
    ];
    newer.resolve('newer');
    older.resolve('older');
    failing.reject(new AppError('busy', 'stale failure'));
    await Promise.all(runs);
    expect(landed).toEqual(['newer']);
  });

  it('lets a request that appends to the latest one land beside it, and invalidate() drops both', async () => {
    const requests = latestRequest();
    const landed: string[] = [];
    await requests.run(async () => 'first page', (answer) => landed.push(answer), () => {});
    await requests.run(async () => 'next page', (answer) => landed.push(answer), () => {}, { appends: true });
    expect(landed).toEqual(['first page', 'next page']);

    const pending = deferred<string>();
    const run = requests.run(() => pending.promise, (answer) => landed.push(answer), (error) => landed.push(error.message), { appends: true });
    requests.invalidate();
    pending.resolve('after the words changed');
    await run;
    expect(landed).toEqual(['first page', 'next page']);
  });

  it('gives the error as the screens show it', async () => {
    const errors: string[] = [];
    await latestRequest().run(
      async () => Promise.reject(new AppError('not_found', 'That account is gone.')),
      () => {},
      (error) => errors.push(error.message),
    );
    expect(errors).toEqual(['That account is gone.']);
  });
});
