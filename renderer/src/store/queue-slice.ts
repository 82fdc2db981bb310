import { MAX_CARD_IMAGE_BASE64_LENGTH, type QueueItem } from '../../../shared/ipc/contract';
import { formHasInput } from '../capture/model/lead-form-model';
import { readFileAsBase64 } from '../capture/model/read-file-base64';
import type { SliceCreator } from './app-state';
import { toUiError } from './ui-error';

export interface QueueSlice {
  /** The capture queue as the main process last announced it (cards.progress). */
  queue: QueueItem[];
  /** Photos of the batch still being sent (read from disk, not queued yet). */
  queueSending: number;
  queueError: string | null;
  /** The queue item whose card is on the form. */
  openQueueItemId: string | null;

  loadQueue(): Promise<void>;
  /** A cards.progress event: the queue as it now is; a card that just became ready opens if the form is free. */
  applyQueue(items: QueueItem[]): void;
  /** Many photos (or a folder) at once: each becomes a queue item, read in the background. */
  enqueueFiles(files: File[]): Promise<void>;
  /** Puts a read card on the form (only when the form is free: two people's details never mix). */
  openQueueItem(itemId: string): Promise<void>;
  retryQueueItem(itemId: string): Promise<void>;
  removeQueueItem(itemId: string): Promise<void>;
  /** After a save: the saved card's item is done; the next card that is ready opens. */
  queueItemSaved(scanId: string | null): void;
  /** "Clear form" on a queued card: it stays in the queue but does not open again by itself. */
  setAsideOpenQueueItem(): void;
}

const MAX_FILE_BYTES = Math.floor((MAX_CARD_IMAGE_BASE64_LENGTH * 3) / 4);

export const createQueueSlice: SliceCreator<QueueSlice> = ({ api }) => (set, get) => {
  // Cards the person cleared from the form: opened again only when they pick them.
  const setAside = new Set<string>();

  /** The form holds nobody yet: no typing, no card, no badge, no save on its way. */
  function formIsFree(): boolean {
    const state = get();
    return !formHasInput(state.form) && !state.scanId && !state.scanPending && !state.badge && !state.saving;
  }

  function openNextReady(): void {
    if (!formIsFree()) return;
    const next = get().queue.find((item) => item.status === 'ready' && item.scanId && !setAside.has(item.id));
    if (next) void get().openQueueItem(next.id);
  }

  return {
    queue: [],
    queueSending: 0,
    queueError: null,
    openQueueItemId: null,

    async loadQueue() {
      try {
        get().applyQueue(await api['cards.queue']({}));
      } catch (error) {
        set({ queueError: toUiError(error).message });
      }
    },

    applyQueue(items) {
      const open = get().openQueueItemId;
      set({ queue: items, ...(open && !items.some((item) => item.id === open) && { openQueueItemId: null }) });
      openNextReady();
    },

    async enqueueFiles(files) {
      set({ queueError: null, queueSending: get().queueSending + files.length });
      const refused: string[] = [];
      // One photo per call, in order: a 20-photo batch is never one 100 MB message.
      for (const file of files) {
        try {
          if (file.size > MAX_FILE_BYTES) throw new Error(`${file.name} is larger than 30 MB: use a smaller photo of the card.`);
          const item = await api['cards.enqueue']({ imageBase64: await readFileAsBase64(file), fileName: file.name });
          // The event usually arrives first; this keeps the list right where events are slow.
          if (!get().queue.some((known) => known.id === item.id)) set({ queue: [...get().queue, item] });
        } catch (error) {
          refused.push(toUiError(error).fieldErrors.imageBase64 ?? toUiError(error).message);
        } finally {
          set({ queueSending: get().queueSending - 1 });
        }
      }
      if (refused.length > 0) set({ queueError: refused.join(' ') });
    },

    async openQueueItem(itemId) {
      const item = get().queue.find((known) => known.id === itemId);
      if (!item?.scanId || !formIsFree()) return;
      setAside.delete(itemId);
      set({ openQueueItemId: itemId });
      try {
        const stored = await api['cards.get']({ scanId: item.scanId });
        // Someone started typing meanwhile: their lead comes first.
        if (get().openQueueItemId !== itemId || !formIsFree()) return;
        get().showStoredScan(stored);
      } catch (error) {
        set({ openQueueItemId: null, queueError: toUiError(error).message });
      }
    },

    async retryQueueItem(itemId) {
      try {
        await api['cards.retry']({ itemId });
      } catch (error) {
        set({ queueError: toUiError(error).message });
      }
    },

    async removeQueueItem(itemId) {
      try {
        await api['cards.dequeue']({ itemId });
        set({ queue: get().queue.filter((item) => item.id !== itemId) });
        if (get().openQueueItemId === itemId) {
          set({ openQueueItemId: null });
          get().clearForm();
        }
      } catch (error) {
        set({ queueError: toUiError(error).message });
      }
    },

    setAsideOpenQueueItem() {
      const open = get().openQueueItemId;
      if (open) setAside.add(open);
      set({ openQueueItemId: null });
    },

    queueItemSaved(scanId) {
      if (!scanId) return;
      // The main process removed the item with the save; the event may come a moment later.
      set({ queue: get().queue.filter((item) => item.scanId !== scanId), openQueueItemId: null });
      openNextReady();
    },
  };
};
