import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useAppStore } from '../../store/app-store';

const BADGE_INPUT_ID = 'badge-code';

/**
 * A keyboard-wedge scanner types the badge's code as fast keystrokes ending with Enter. A
 * vCard arrives as several such lines (the scanner types each line break as Enter), so the
 * lines are collected until END:VCARD. Enter in the empty field saves the lead, as in every field.
 */
function isUnfinishedVCard(lines: string[], line: string): boolean {
  const text = [...lines, line].join('\n');
  return /^\s*BEGIN:VCARD/i.test(text) && !/END:VCARD\s*$/i.test(text);
}

/** "Badge": scan the visitor's badge with a wedge scanner, or read its code (QR, PDF417, Aztec, DataMatrix, 1D) from a photo. */
export function BadgeArea() {
  const applyBadgePayload = useAppStore((state) => state.applyBadgePayload);
  const readBadgeImage = useAppStore((state) => state.readBadgeImage);
  const badge = useAppStore((state) => state.badge);
  const badgeError = useAppStore((state) => state.badgeError);
  const clearBadge = useAppStore((state) => state.clearBadge);
  const loadBadgeProfiles = useAppStore((state) => state.loadBadgeProfiles);
  const currentEventId = useAppStore((state) => state.settings.currentEventId);
  const [value, setValue] = useState('');
  const lines = useRef<string[]>([]);
  const input = useRef<HTMLInputElement>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  // The show's own badge profiles, read again when the booth moves to another show.
  useEffect(() => {
    void loadBadgeProfiles();
  }, [loadBadgeProfiles, currentEventId]);

  // Alt+D (baDge; Alt+B is Backups) from anywhere on the form: focus the badge field, then pull the scanner's trigger.
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.altKey && !event.ctrlKey && !event.metaKey && event.key.toLowerCase() === 'd') {
        event.preventDefault();
        input.current?.focus();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  function handleKeyDown(event: KeyboardEvent<HTMLInputElement>): void {
    if (event.key !== 'Enter' || event.nativeEvent.isComposing) return;
    if (value.trim() === '' && lines.current.length === 0) return; // Enter in the empty field saves the lead
    // The badge's Enter ends the code; it must not also save the lead.
    event.preventDefault();
    event.stopPropagation();
    if (isUnfinishedVCard(lines.current, value)) {
      lines.current.push(value);
      setValue('');
      return;
    }
    const text = [...lines.current, value].join('\n');
    lines.current = [];
    setValue('');
    applyBadgePayload(text);
  }

  return (
    <section className="form-section badge-area" aria-labelledby="section-badge">
      <div className="scan-area-row">
        <h2 id="section-badge">Badge</h2>
        <label className="badge-field">
          <span className="visually-hidden">Badge code</span>
          <input
            id={BADGE_INPUT_ID}
            ref={input}
            value={value}
            autoComplete="off"
            spellCheck={false}
            placeholder="Scan the badge here (Alt+D)"
            onChange={(event) => setValue(event.currentTarget.value)}
            onKeyDown={handleKeyDown}
          />
        </label>
        <button type="button" className="button-quiet" onClick={() => fileInput.current?.click()}>
          Badge code from a photo…
        </button>
      </div>
      <input
        ref={fileInput}
        type="file"
        accept="image/*"
        hidden
        aria-label="Badge photo"
        onChange={(event) => {
          const file = event.currentTarget.files?.[0];
          event.currentTarget.value = '';
          if (!file) return;
          void readBadgeImage(file, { sayWhenNone: true });
        }}
      />
      <p className="scan-status" aria-live="polite">
        {badge && (
          <>
            {badge.summary}{' '}
            <button type="button" className="link-button" onClick={clearBadge}>
              Forget the badge
            </button>
          </>
        )}
      </p>
      {badgeError && (
        <div className="banner banner-error" role="alert">
          <p>{badgeError}</p>
        </div>
      )}
    </section>
  );
}
