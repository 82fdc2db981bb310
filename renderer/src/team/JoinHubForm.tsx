import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { FieldMessage } from '../components/FieldMessage';
import { useAppStore } from '../store/app-store';

/**
 * Joining a team hub: the address and the one-time pairing code `leadbooth hub start` printed,
 * and for an https:// hub the certificate fingerprint it printed (checked before anything is
 * sent). The contract's own validation names what is wrong, field by field.
 */
export function JoinHubForm() {
  const joining = useAppStore((state) => state.joining);
  const error = useAppStore((state) => state.joinError);
  const joinTeamHub = useAppStore((state) => state.joinTeamHub);
  const [url, setUrl] = useState('');
  const [code, setCode] = useState('');
  const [fingerprint, setFingerprint] = useState('');
  const fieldErrors = error?.fieldErrors ?? {};
  // A refusal that names no field (the hub's answer, no answer at all) goes in the banner.
  const bannerMessage = error && Object.keys(fieldErrors).length === 0 ? error.message : null;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    void joinTeamHub({ url, code, ...(fingerprint.trim() && { fingerprint: fingerprint.trim() }) });
  };

  return (
    <form className="team-join" onSubmit={submit} aria-labelledby="team-join-title" noValidate>
      <h3 id="team-join-title">Join your team's hub</h3>
      <p className="section-hint">
        The hub's computer shows its address and pairing codes when it starts (<code>leadbooth hub start</code>). Each code joins one laptop; a
        manager code lets this laptop see and revoke the team's devices.
      </p>
      <ErrorBanner message={bannerMessage} />
      <div className="field-grid">
        <div className={`field${fieldErrors.url ? ' field-invalid' : ''}`}>
          <label htmlFor="team-hub-url">Hub address</label>
          <input
            id="team-hub-url"
            value={url}
            inputMode="url"
            placeholder="e.g. https://192.168.1.20:8470"
            aria-invalid={fieldErrors.url ? true : undefined}
            aria-describedby="team-hub-url-message"
            onChange={(change) => setUrl(change.target.value)}
          />
          <FieldMessage id="team-hub-url-message" error={fieldErrors.url} hint="As the hub printed it, with http:// or https://." />
        </div>
        <div className={`field${fieldErrors.code ? ' field-invalid' : ''}`}>
          <label htmlFor="team-hub-code">Pairing code</label>
          <input
            id="team-hub-code"
            value={code}
            autoComplete="off"
            spellCheck={false}
            placeholder="e.g. 8K3J-4QKQ-S4EF"
            aria-invalid={fieldErrors.code ? true : undefined}
            aria-describedby="team-hub-code-message"
            onChange={(change) => setCode(change.target.value)}
          />
          <FieldMessage id="team-hub-code-message" error={fieldErrors.code} hint="Case and dashes do not matter." />
        </div>
        <div className={`field field-wide${fieldErrors.fingerprint ? ' field-invalid' : ''}`}>
          <label htmlFor="team-hub-fingerprint">Certificate fingerprint (https:// hubs)</label>
          <input
            id="team-hub-fingerprint"
            className="team-fingerprint-input"
            value={fingerprint}
            autoComplete="off"
            spellCheck={false}
            placeholder="44:2C:A4:…"
            aria-invalid={fieldErrors.fingerprint ? true : undefined}
            aria-describedby="team-hub-fingerprint-message"
            onChange={(change) => setFingerprint(change.target.value)}
          />
          <FieldMessage
            id="team-hub-fingerprint-message"
            error={fieldErrors.fingerprint}
            hint="Paste the SHA-256 fingerprint the hub printed: a hub showing another certificate is refused before anything is sent. Left empty, the one the hub presents now is kept, and shown here to compare."
          />
        </div>
      </div>
      <button type="submit" className="button-primary" disabled={joining}>
        {joining ? 'Joining…' : 'Join the hub'}
      </button>
    </form>
  );
}
