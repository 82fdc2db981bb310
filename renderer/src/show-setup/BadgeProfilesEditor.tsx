import { useEffect, useState } from 'react';
import { readBadgeCode } from '../../../shared/parsing/badge-payload';
import { BADGE_PROFILE_FIELDS, BUILT_IN_BADGE_PROFILES, type BadgeProfile, type BadgeProfileField } from '../../../shared/parsing/badge-profiles';
import { ErrorBanner } from '../components/ErrorBanner';
import { useAppStore } from '../store/app-store';

const DELIMITERS: ReadonlyArray<[string, string]> = [
  ['^', 'caret ^'],
  ['|', 'pipe |'],
  ['\t', 'tab'],
  [';', 'semicolon ;'],
  [',', 'comma ,'],
  ['~', 'tilde ~'],
];

const delimiterName = (delimiter: string) => DELIMITERS.find(([value]) => value === delimiter)?.[1] ?? `“${delimiter}”`;

function describe(profile: BadgeProfile): string {
  const frame = [profile.prefix && `prefix “${profile.prefix}”`, profile.suffix && `suffix “${profile.suffix}”`].filter(Boolean).join(', ');
  return `${profile.fields.join(', ')} — ${delimiterName(profile.delimiter)}, id: ${profile.idField ?? 'none'}${frame ? `, ${frame}` : ''}`;
}

/**
 * The show's own badge payload profiles: how its organiser's badges lay out their text
 * (delimiter, field order, prefix/suffix, id field). They are tried before the built-in
 * caret, pipe and tab profiles; a payload none fits is kept raw and flagged at the booth.
 * "Try a scan" shows what a pasted payload gives with the profiles as they would be.
 */
export function BadgeProfilesEditor() {
  const profiles = useAppStore((state) => state.badgeProfiles);
  const error = useAppStore((state) => state.badgeProfileError);
  const load = useAppStore((state) => state.loadBadgeProfiles);
  const save = useAppStore((state) => state.saveBadgeProfile);
  const remove = useAppStore((state) => state.removeBadgeProfile);
  const [name, setName] = useState('');
  const [delimiter, setDelimiter] = useState('^');
  const [fields, setFields] = useState('refId, firstName, lastName, email, company');
  const [idField, setIdField] = useState('refId');
  const [prefix, setPrefix] = useState('');
  const [suffix, setSuffix] = useState('');
  const [sample, setSample] = useState('');
  const [savedNote, setSavedNote] = useState('');

  useEffect(() => {
    void load();
  }, [load]);

  const fieldList = fields.split(',').map((field) => field.trim()).filter(Boolean);
  const unknown = fieldList.filter((field) => !(BADGE_PROFILE_FIELDS as readonly string[]).includes(field));
  const draft: BadgeProfile | null =
    name.trim() && fieldList.length >= 2 && unknown.length === 0
      ? { name: name.trim(), delimiter, fields: fieldList as BadgeProfileField[], prefix, suffix, idField: fieldList.includes(idField) ? (idField as BadgeProfileField) : null }
      : null;
  const tried = sample.trim() ? readBadgeCode(sample, draft ? [draft, ...profiles] : profiles) : null;

  return (
    <div className="badge-profiles">
      {profiles.length === 0 ? (
        <p className="list-status">No profiles of this show’s own yet: the built-in ones read caret, pipe and tab records ({BUILT_IN_BADGE_PROFILES.map((profile) => profile.name).join(', ')}).</p>
      ) : (
        <ul className="badge-profile-list" aria-label="This show's badge profiles">
          {profiles.map((profile) => (
            <li key={profile.name}>
              <strong>{profile.name}</strong>: {describe(profile)}{' '}
              <button type="button" className="link-button" onClick={() => void remove(profile.name)}>
                Remove {profile.name}
              </button>
            </li>
          ))}
        </ul>
      )}

      <div className="field-grid">
        <div className="field">
          <label htmlFor="badge-profile-name">Profile name</label>
          <input id="badge-profile-name" value={name} onChange={(change) => setName(change.target.value)} placeholder="e.g. Expo 2027 badges" />
        </div>
        <div className="field">
          <label htmlFor="badge-profile-delimiter">Delimiter</label>
          <select id="badge-profile-delimiter" value={delimiter} onChange={(change) => setDelimiter(change.target.value)}>
            {DELIMITERS.map(([value, label]) => (
              <option key={label} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="badge-profile-fields">Fields, in order</label>
          <input
            id="badge-profile-fields"
            value={fields}
            aria-invalid={unknown.length > 0 ? true : undefined}
            aria-describedby="badge-profile-fields-hint"
            onChange={(change) => setFields(change.target.value)}
          />
          <p className="field-hint" id="badge-profile-fields-hint">
            {unknown.length > 0 ? `Not a field: ${unknown.join(', ')}. ` : ''}Separated by commas, from: {BADGE_PROFILE_FIELDS.join(', ')}.
          </p>
        </div>
        <div className="field">
          <label htmlFor="badge-profile-id">Attendee id field</label>
          <select id="badge-profile-id" value={fieldList.includes(idField) ? idField : ''} onChange={(change) => setIdField(change.target.value)}>
            <option value="">none</option>
            {fieldList
              .filter((field) => field !== 'ignore' && !unknown.includes(field))
              .map((field) => (
                <option key={field} value={field}>
                  {field}
                </option>
              ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="badge-profile-prefix">Prefix (optional)</label>
          <input id="badge-profile-prefix" value={prefix} onChange={(change) => setPrefix(change.target.value)} />
        </div>
        <div className="field">
          <label htmlFor="badge-profile-suffix">Suffix (optional)</label>
          <input id="badge-profile-suffix" value={suffix} onChange={(change) => setSuffix(change.target.value)} />
        </div>
      </div>

      <div className="field">
        <label htmlFor="badge-profile-sample">Try a scan</label>
        <input
          id="badge-profile-sample"
          value={sample}
          spellCheck={false}
          placeholder="Scan or paste a badge here to see what it gives"
          aria-describedby="badge-profile-sample-result"
          onChange={(change) => setSample(change.target.value)}
        />
        <p className="field-hint" id="badge-profile-sample-result" role="status">
          {tried === null
            ? ''
            : tried.kind === 'contact'
              ? `Read${tried.profile ? ` with “${tried.profile}”` : ` as ${tried.format}`}: ${Object.entries(tried.fields)
                  .map(([field, value]) => `${field} ${value}`)
                  .join(' · ')}${tried.badgeId ? ` · id ${tried.badgeId}` : ''}`
              : tried.kind === 'id'
                ? `Attendee id: ${tried.badgeId}`
                : tried.kind === 'unrecognised'
                  ? 'No profile fits: the booth would keep it raw and flag it.'
                  : tried.message}
        </p>
      </div>

      {error && <ErrorBanner message={[error.message, ...Object.values(error.fieldErrors)].filter((line, index, all) => all.indexOf(line) === index).join(' ')} />}
      <div className="form-actions">
        <button
          type="button"
          className="button-primary"
          disabled={!name.trim()}
          onClick={() =>
            void save({
              name: name.trim(),
              delimiter,
              // The service names the allowed fields when one is unknown.
              fields: fieldList as BadgeProfileField[],
              prefix,
              suffix,
              idField: fieldList.includes(idField) ? (idField as BadgeProfileField) : null,
            }).then((ok) => setSavedNote(ok ? `Saved “${name.trim()}”.` : ''))
          }
        >
          Save badge profile
        </button>
        <p className="save-confirmation" role="status">
          {savedNote}
        </p>
      </div>
    </div>
  );
}
