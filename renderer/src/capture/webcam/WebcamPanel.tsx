import { useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { useAppStore } from '../../store/app-store';
import { readBadgeFromVideo } from '../model/read-badge-image';

/** How often the live picture is searched for a badge's QR code. */
const QR_LOOK_EVERY_MS = 300;
/** The same code in front of the camera is applied once, not again on every look. */
const SAME_CODE_QUIET_MS = 8000;

function cameraErrorMessage(error: unknown): string {
  const name = error instanceof DOMException ? error.name : '';
  if (name === 'NotAllowedError' || name === 'SecurityError') return 'The camera was not allowed. Allow it for LeadBooth, or pick card photos instead.';
  if (name === 'NotFoundError' || name === 'OverconstrainedError') return 'No camera was found. Plug one in, or pick card photos instead.';
  if (name === 'NotReadableError') return 'The camera is busy in another program. Close it there and try again.';
  return `The camera could not start (${error instanceof Error ? error.message : String(error)}). Pick card photos instead.`;
}

/** True when Space belongs to what has the focus (typing a space, pressing a button). */
function spaceIsTaken(target: EventTarget | null): boolean {
  return (
    target instanceof HTMLInputElement ||
    target instanceof HTMLTextAreaElement ||
    target instanceof HTMLSelectElement ||
    target instanceof HTMLButtonElement ||
    (target instanceof HTMLElement && target.isContentEditable)
  );
}

/**
 * The webcam at the booth: a live picture; Space (or the button) takes a snapshot of the
 * card, which goes into the card queue; a badge's QR code held up to the camera fills the
 * fields at once. Only the camera is asked for, never the microphone.
 * The button stays where it is; the live picture is drawn in `viewSlot` (beside the fields
 * it fills) when given, else in place.
 */
export function WebcamPanel({ viewSlot = null }: { viewSlot?: HTMLElement | null }) {
  const enqueueFiles = useAppStore((state) => state.enqueueFiles);
  const applyBadgePayload = useAppStore((state) => state.applyBadgePayload);
  const [open, setOpen] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [snapshots, setSnapshots] = useState(0);
  const [flash, setFlash] = useState(false);
  const video = useRef<HTMLVideoElement>(null);
  const lookCanvas = useRef<HTMLCanvasElement | null>(null);
  const lastCode = useRef<{ text: string; at: number } | null>(null);

  useEffect(() => {
    if (!open) return;
    let stream: MediaStream | null = null;
    let stopped = false;
    navigator.mediaDevices
      .getUserMedia({ video: { width: { ideal: 1920 }, height: { ideal: 1080 } }, audio: false })
      .then((granted) => {
        if (stopped) return granted.getTracks().forEach((track) => track.stop());
        stream = granted;
        if (video.current) {
          video.current.srcObject = granted;
          void video.current.play().catch(() => {});
        }
      })
      .catch((caught: unknown) => setError(cameraErrorMessage(caught)));

    // One frame at a time: a slow frame is skipped, never queued behind another.
    let looking = false;
    const look = setInterval(() => {
      if (!video.current || looking) return;
      lookCanvas.current ??= document.createElement('canvas');
      looking = true;
      readBadgeFromVideo(video.current, lookCanvas.current)
        .then((text) => {
          if (!text || stopped) return;
          const now = Date.now();
          if (lastCode.current?.text === text && now - lastCode.current.at < SAME_CODE_QUIET_MS) return;
          lastCode.current = { text, at: now };
          applyBadgePayload(text);
        })
        .catch(() => {
          // A frame the reader could not take (the camera stopping mid-frame): the next one is looked at.
        })
        .finally(() => {
          looking = false;
        });
    }, QR_LOOK_EVERY_MS);

    return () => {
      stopped = true;
      clearInterval(look);
      stream?.getTracks().forEach((track) => track.stop());
    };
  }, [open, applyBadgePayload]);

  function snapshot(): void {
    const frame = video.current;
    if (!frame || frame.videoWidth === 0) return;
    const canvas = document.createElement('canvas');
    canvas.width = frame.videoWidth;
    canvas.height = frame.videoHeight;
    canvas.getContext('2d')?.drawImage(frame, 0, 0);
    canvas.toBlob(
      (blob) => {
        if (!blob) return;
        const stamp = new Date().toISOString().replace(/[:.]/g, '-');
        void enqueueFiles([new File([blob], `webcam-${stamp}.jpg`, { type: 'image/jpeg' })]);
        setSnapshots((count) => count + 1);
        setFlash(true);
        setTimeout(() => setFlash(false), 150);
      },
      'image/jpeg',
      0.92,
    );
  }

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== ' ' || event.repeat || spaceIsTaken(event.target)) return;
      event.preventDefault();
      snapshot();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  });

  if (!open) {
    return (
      <button type="button" className="button-quiet" onClick={() => { setError(null); setOpen(true); }}>
        Use the webcam
      </button>
    );
  }

  const view = (
    <section className="webcam-panel" aria-label="Webcam">
      <div className={flash ? 'webcam-frame is-flashing' : 'webcam-frame'}>
        <video ref={video} muted playsInline aria-label="Live camera picture" />
      </div>
      {error ? (
        <div className="banner banner-error" role="alert">
          <p>{error}</p>
        </div>
      ) : (
        <p className="scan-status webcam-hint" aria-live="polite">
          Hold the card in front of the camera and press <kbd>Space</kbd> (outside the text fields) to take it; a badge&apos;s QR code is read by itself.
          {snapshots > 0 && ` ${snapshots} snapshot${snapshots === 1 ? '' : 's'} sent to the card queue.`}
        </p>
      )}
      <div className="webcam-actions">
        <button type="button" className="button-primary" onClick={snapshot} disabled={error !== null}>
          Snapshot (Space)
        </button>
        <button type="button" className="button-quiet" onClick={() => setOpen(false)}>
          Close the webcam
        </button>
      </div>
    </section>
  );
  return viewSlot ? createPortal(view, viewSlot) : view;
}
