import type { ReactNode } from 'react';
import { useAppStore } from '../../store/app-store';
import { useFileDrop } from './use-file-drop';

/** The lead form and its card photo: a card photo dropped anywhere on them is read. */
export function CardDropZone({ children }: { children: ReactNode }) {
  const scanCard = useAppStore((state) => state.scanCard);
  const enqueueFiles = useAppStore((state) => state.enqueueFiles);
  // One photo is read straight onto the form (the fastest path); several go to the queue.
  const { dragging, handlers } = useFileDrop((files) => {
    const [only] = files;
    if (files.length === 1 && only) void scanCard(only);
    else void enqueueFiles(files);
  });
  return (
    <div className={dragging ? 'entry-layout is-dragging' : 'entry-layout'} {...handlers}>
      {children}
      {dragging && (
        <div className="drop-overlay" aria-hidden="true">
          <p>Drop the card photo to read it</p>
        </div>
      )}
    </div>
  );
}
