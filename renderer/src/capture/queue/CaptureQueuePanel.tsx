import type { QueueItem } from '../../../../shared/ipc/contract';
import { useAppStore } from '../../store/app-store';

const STATUS_TEXT: Record<QueueItem['status'], string> = {
  waiting: 'Waiting',
  scanning: 'Reading…',
  ready: 'Ready',
  failed: 'Could not be read',
};

/**
 * The batch: every dropped photo with its state, and the batch's progress. The first card
 * that is read opens on the form; Enter saves it and opens the next. A failed photo keeps
 * its message and a Retry; the others go on.
 */
export function CaptureQueuePanel() {
  const queue = useAppStore((state) => state.queue);
  const sending = useAppStore((state) => state.queueSending);
  const queueError = useAppStore((state) => state.queueError);
  const openId = useAppStore((state) => state.openQueueItemId);
  const openQueueItem = useAppStore((state) => state.openQueueItem);
  const retryQueueItem = useAppStore((state) => state.retryQueueItem);
  const removeQueueItem = useAppStore((state) => state.removeQueueItem);
  if (queue.length === 0 && sending === 0 && !queueError) return null;

  const read = queue.filter((item) => item.status === 'ready').length;
  const failed = queue.filter((item) => item.status === 'failed').length;
  const total = queue.length + sending;

  return (
    <section className="form-section capture-queue" aria-labelledby="section-queue">
      <div className="scan-area-row">
        <h2 id="section-queue">Card queue</h2>
        <p className="queue-progress" aria-live="polite">
          {read} of {total} read{failed > 0 ? ` · ${failed} failed` : ''}
          {sending > 0 ? ` · adding ${sending}…` : ''}
        </p>
        <progress max={Math.max(total, 1)} value={read + failed} aria-label="Cards read" />
      </div>
      {queueError && (
        <div className="banner banner-error" role="alert">
          <p>{queueError}</p>
        </div>
      )}
      <ol className="queue-list">
        {queue.map((item) => (
          <li key={item.id} className={`queue-item is-${item.status}${item.id === openId ? ' is-open' : ''}`} data-status={item.status}>
            <span className="queue-item-name">{item.fileName || 'card photo'}</span>
            <span className="queue-item-status">
              {item.id === openId ? 'On the form — press Enter to save' : STATUS_TEXT[item.status]}
              {item.status === 'scanning' && <span className="spinner" aria-hidden="true" />}
            </span>
            {item.status === 'failed' && <span className="queue-item-error">{item.error}</span>}
            <span className="queue-item-actions">
              {item.status === 'ready' && item.id !== openId && (
                <button type="button" className="button-quiet" onClick={() => void openQueueItem(item.id)}>
                  Open
                </button>
              )}
              {item.status === 'failed' && (
                <button type="button" className="button-quiet" onClick={() => void retryQueueItem(item.id)}>
                  Retry
                </button>
              )}
              <button type="button" className="button-quiet" aria-label={`Remove ${item.fileName} from the queue`} onClick={() => void removeQueueItem(item.id)}>
                Remove
              </button>
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
