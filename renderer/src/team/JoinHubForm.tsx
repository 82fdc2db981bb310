import { useState, type FormEvent } from 'react';
import { ErrorBanner } from '../components/ErrorBanner';
import { TextField } from '../components/TextField';
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
        <TextField
          id="team-hub-url"
          label="Hub address"
          value={url}
          onChange={setUrl}
          inputMode="url"
          placeholder="e.g. https://192.168.1.20:8470"
          error={fieldErrors.url}
          hint="As the hub printed it, with http:// or https://."
        />
        <TextField
          id="team-hub-code"
          label="Pairing code"
          value={code}
          onChange={setCode}
          autoComplete="off"
          spellCheck={false}
          placeholder="e.g. 8K3J-4QKQ-S4EF"
          error={fieldErrors.code}
          hint="Case and dashes do not matter."
        />
        <TextField
          id="team-hub-fingerprint"
          className="field-wide"
          inputClassName="team-fingerprint-input"
          label="Certificate fingerprint (https:// hubs)"
          value={fingerprint}
          onChange={setFingerprint}
          autoComplete="off"
          spellCheck={false}
          placeholder="44:2C:A4:…"
          error={fieldErrors.fingerprint}
          hint="Paste the SHA-256 fingerprint the hub printed: a hub showing another certificate is refused before anything is sent. Left empty, the one the hub presents now is kept, and shown here to compare."
        />
      </div>
      <button type="submit" className="button-primary" disabled={joining}>
        {joining ? 'Joining…' : 'Join the hub'}
      </button>
    </form>
  );
}
