import type { HubError } from '../../shared/sync/protocol';

/** A refusal the hub answers with a status and a one-line message (protocol.ts's hubErrorSchema). */
export class HubRequestError extends Error {
  constructor(
    readonly status: number,
    readonly code: HubError['error'],
    message: string,
  ) {
    super(message);
    this.name = 'HubRequestError';
  }
}
