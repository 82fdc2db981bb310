import { describe, expect, it } from 'vitest';
import {
  blockingKeys,
  countryCodeOf,
  duplicateReasons,
  editDistanceUpTo2,
  findDuplicateGroups,
  findDuplicatesOf,
  matchProfile,
  type DuplicateSubject,
} from '../../../shared/domain/duplicates';

let counter = 0;
function subject(fields: Partial<DuplicateSubject>): DuplicateSubject {
  counter += 1;
  return { id: `lead-${counter}`, firstName: '', lastName: '', company: '', email: '', phone: '', mobile: '', country: '', ...fields };
}

describe('duplicateReasons', () => {
  it('same email, whatever the case and spaces, is enough by itself', () => {
    expect(duplicateReasons(subject({ email: ' Ana@Acme.com ' }), subject({ email: 'ana@acme.com', firstName: 'Someone' }))).toEqual(['email']);
  });

  it('name + company: accents, case, hyphens and legal forms ignored', () => {
    const a = subject({ firstName: 'José', lastName: 'Núñez-García', company: 'Acme Iberia S.L.' });
    const b = subject({ firstName: 'JOSE', lastName: 'nunez garcia', company: 'ACME IBERIA' });
    expect(duplicateReasons(a, b)).toEqual(['name+company']);
  });

  it('name + company with one typo in a name of 5 letters or more, and with first/last swapped', () => {
    const a = subject({ firstName: 'Katharina', lastName: 'Schmidt', company: 'Siemens AG' });
    expect(duplicateReasons(a, subject({ firstName: 'Katharnia', lastName: 'Schmidt', company: 'Siemens' }))).toEqual(['name+company']); // swapped letters
    expect(duplicateReasons(a, subject({ firstName: 'Katarina', lastName: 'Schmitt', company: 'Siemens' }))).toEqual(['name+company']); // one each
    expect(duplicateReasons(a, subject({ firstName: 'Schmidt', lastName: 'Katharina', company: 'Siemens' }))).toEqual(['name+company']);
  });

  it('short names must be equal, and two typos are a different person', () => {
    const anna = subject({ firstName: 'Anna', lastName: 'Berg', company: 'Acme' });
    expect(duplicateReasons(anna, subject({ firstName: 'Anne', lastName: 'Berg', company: 'Acme' }))).toEqual([]);
    expect(duplicateReasons(anna, subject({ firstName: 'Anna', lastName: 'Borg', company: 'Acme' }))).toEqual([]);
    const katharina = subject({ firstName: 'Katharina', lastName: 'Schmidt', company: 'Acme' });
    expect(duplicateReasons(katharina, subject({ firstName: 'Katrina', lastName: 'Schmidt', company: 'Acme' }))).toEqual([]);
  });

  it('a name alone, or a company alone, is not a duplicate', () => {
    expect(duplicateReasons(subject({ firstName: 'Ana', lastName: 'Lopes', company: 'A' }), subject({ firstName: 'Ana', lastName: 'Lopes', company: 'B' }))).toEqual([]);
    expect(duplicateReasons(subject({ firstName: 'Ana', lastName: 'Lopes', company: 'Acme' }), subject({ firstName: 'Rui', lastName: 'Silva', company: 'Acme' }))).toEqual([]);
    expect(duplicateReasons(subject({ lastName: 'Lopes', company: 'Acme' }), subject({ lastName: 'Lopes', company: 'Acme' }))).toEqual([]);
  });

  it('name + phone matches across formats', () => {
    const a = subject({ firstName: 'Jurgen', lastName: 'Muller', phone: '030 1234567', country: 'DE' });
    expect(duplicateReasons(a, subject({ firstName: 'Jürgen', lastName: 'Müller', mobile: '+49 (0)30 123 45 67' }))).toEqual(['name+phone']);
    expect(duplicateReasons(a, subject({ firstName: 'Jürgen', lastName: 'Müller', phone: '0049 30 1234567 ext. 12' }))).toEqual(['name+phone']);
    // No country known: the last 9 digits decide.
    const noCountry = subject({ firstName: 'Jurgen', lastName: 'Muller', phone: '030/123 4567' });
    expect(duplicateReasons(noCountry, subject({ firstName: 'Jurgen', lastName: 'Muller', phone: '+49 30 1234567' }))).toEqual(['name+phone']);
    // Same last 9 digits, different country codes, both readable: not the same number.
    const us = subject({ firstName: 'Jurgen', lastName: 'Muller', phone: '+1 301 234 5678' });
    expect(duplicateReasons(us, subject({ firstName: 'Jurgen', lastName: 'Muller', phone: '+44 301 234 5678' }))).toEqual([]);
    // Too short to say anything.
    expect(duplicateReasons(subject({ firstName: 'Jurgen', lastName: 'Muller', phone: '1234' }), subject({ firstName: 'Jurgen', lastName: 'Muller', phone: '1234' }))).toEqual([]);
  });

  it('name + domain: same company domain or a subdomain; mailbox providers never', () => {
    const a = subject({ firstName: 'Ana', lastName: 'Lopes', email: 'ana@acme.com' });
    expect(duplicateReasons(a, subject({ firstName: 'Ana', lastName: 'Lopes', email: 'a.lopes@eu.acme.com' }))).toEqual(['name+domain']);
    const gmail = subject({ firstName: 'Ana', lastName: 'Lopes', email: 'ana.lopes@gmail.com' });
    expect(duplicateReasons(gmail, subject({ firstName: 'Ana', lastName: 'Lopes', email: 'analopes@gmail.com' }))).toEqual([]);
  });

  it('gives every reason that applies', () => {
    const a = subject({ firstName: 'Ana', lastName: 'Lopes', email: 'ana@acme.com', company: 'Acme Inc.', phone: '+1 555 010 0100' });
    const b = subject({ firstName: 'ana', lastName: 'lopes', email: 'ANA@acme.com', company: 'ACME', mobile: '+1 (555) 010-0100' });
    expect(duplicateReasons(a, b)).toEqual(['email', 'name+company', 'name+phone', 'name+domain']);
  });
});

describe('blockingKeys', () => {
  it('gives the exact keys each branch of the rule needs', () => {
    const keys = blockingKeys(subject({ firstName: 'Ana', lastName: 'Lopes', email: 'Ana@EU.Acme.com', company: 'Acme GmbH', phone: '+49 30 1234567', mobile: '0172 12' }));
    expect(keys).toEqual(['email:ana@eu.acme.com', 'company:acme', 'phone:301234567', 'domain:eu.acme.com', 'domain:acme.com']);
  });
  it('never keys on a shared second-level domain, and a lead without both names only on its email', () => {
    expect(blockingKeys(subject({ firstName: 'A', lastName: 'B', email: 'a@acme.co.uk' }))).toEqual(['email:a@acme.co.uk', 'domain:acme.co.uk']);
    expect(blockingKeys(subject({ lastName: 'B', email: 'a@acme.com', company: 'Acme' }))).toEqual(['email:a@acme.com']);
  });
  it('every matching pair shares a key (checked on many near-duplicates)', () => {
    const firsts = ['Katharina', 'Jürgen', 'Ana', 'José', 'Oluwaseun'];
    const lasts = ['Schmidt', 'Müller', 'Lopes', 'Núñez', 'Adeyemi'];
    const people: DuplicateSubject[] = [];
    for (const first of firsts)
      for (const last of lasts) {
        people.push(subject({ firstName: first, lastName: last, company: 'Acme GmbH', email: `${first[0]}@acme.com` }));
        people.push(subject({ firstName: last, lastName: first, phone: '+49 30 1234567' }));
        people.push(subject({ firstName: first.toUpperCase(), lastName: `${last}e`, company: 'ACME', mobile: '030 1234567', country: 'DE', email: 'x@sales.acme.com' }));
      }
    for (const a of people)
      for (const b of people) {
        if (a === b || duplicateReasons(a, b).length === 0) continue;
        const shared = blockingKeys(a).filter((key) => blockingKeys(b).includes(key));
        expect(shared.length, `${a.id} ${b.id}`).toBeGreaterThan(0);
      }
  });
});

describe('findDuplicatesOf', () => {
  it('returns the candidates that match, with reasons, never the lead itself', () => {
    const lead = subject({ firstName: 'Ana', lastName: 'Lopes', company: 'Acme' });
    const same = subject({ firstName: 'Ana', lastName: 'Lopes', company: 'ACME Ltd' });
    const other = subject({ firstName: 'Rui', lastName: 'Lopes', company: 'Acme' });
    expect(findDuplicatesOf(lead, [lead, same, other])).toEqual([{ lead: same, reasons: ['name+company'] }]);
  });
});

describe('findDuplicateGroups', () => {
  it('joins matches transitively and leaves single leads out', () => {
    const a = subject({ firstName: 'Ana', lastName: 'Lopes', email: 'ana@acme.com' });
    const b = subject({ firstName: 'Ana', lastName: 'Lopes', email: 'ana@acme.com', company: 'Acme' });
    const c = subject({ firstName: 'Ana', lastName: 'Lopes', company: 'ACME GmbH' });
    const d = subject({ firstName: 'Rui', lastName: 'Silva', company: 'Acme' });
    const groups = findDuplicateGroups([a, d, b, c]);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.leadIds).toEqual([a.id, b.id, c.id]);
    expect(groups[0]!.links).toEqual(
      expect.arrayContaining([
        { firstId: a.id, secondId: b.id, reasons: ['email', 'name+domain'] },
        { firstId: b.id, secondId: c.id, reasons: ['name+company'] },
      ]),
    );
  });

  it('finds duplicates inside a large company bucket (split by name) as well as in small ones', () => {
    // Names that differ in at least two letters from each other, so only the planted pairs match.
    const letters = (index: number) => [index % 26, Math.floor(index / 26) % 26].map((code) => String.fromCharCode(97 + code)).join('');
    const nameOf = (prefix: string, index: number) => `${prefix}${letters(index)}${letters(index)}`;
    const staff = Array.from({ length: 300 }, (_, index) => subject({ firstName: nameOf('Fn', index), lastName: nameOf('Ln', index), company: 'Big Corp' }));
    const twin = subject({ firstName: nameOf('Fn', 7), lastName: `${nameOf('Ln', 7)}x`, company: 'BIG CORP Inc.' });
    const swapped = subject({ firstName: nameOf('Ln', 9), lastName: nameOf('Fn', 9), company: 'Big Corp' });
    const groups = findDuplicateGroups([...staff, twin, swapped]);
    expect(groups.map((group) => group.leadIds).sort()).toEqual([[staff[7]!.id, twin.id], [staff[9]!.id, swapped.id]].sort());
  });

  it('groups 100,000 synthetic leads and finds every planted second scan', () => {
    const firsts = ['Anna', 'Ben', 'Carla', 'David', 'Elena', 'Felix', 'Greta', 'Hugo', 'Ines', 'Jonas', 'Katharina', 'Lukas', 'Maria', 'Nils', 'Olga', 'Paul'];
    const lasts = Array.from({ length: 2000 }, (_, index) => `Nachname${index.toString(36)}`);
    const leads: DuplicateSubject[] = [];
    for (let index = 0; leads.length < 100_000; index++) {
      const first = firsts[index % firsts.length]!;
      const last = lasts[(index * 7) % lasts.length]!;
      const companyIndex = index % 5000;
      leads.push(
        subject({
          firstName: first,
          lastName: last,
          company: `Firma ${companyIndex} GmbH`,
          email: `${first}.${last}.${index}@firma${companyIndex}.de`.toLowerCase(),
          phone: `+49 30 ${(10_000_000 + index).toString()}`,
          country: 'DE',
        }),
      );
      // every 50th person was scanned twice: another email, a typo, the number written nationally
      if (index % 50 === 0) leads.push(subject({ firstName: first, lastName: `${last}e`, company: `FIRMA ${companyIndex}`, phone: `030 ${10_000_000 + index}`, country: 'Germany' }));
    }
    // Its speed is measured by `npm run bench -- duplicates`, not asserted here.
    const groups = findDuplicateGroups(leads);
    // The planted second scans (2,000) are all found; the generator also repeats some
    // name + company combinations, which are duplicates too.
    const planted = leads.filter((lead) => lead.email === '');
    const grouped = new Set(groups.flatMap((group) => group.leadIds));
    expect(planted.every((lead) => grouped.has(lead.id))).toBe(true);
    for (const group of groups) expect(group.links).toHaveLength(group.leadIds.length - 1);
  });
});

describe('helpers', () => {
  it('editDistanceUpTo2', () => {
    expect(editDistanceUpTo2('schmidt', 'schmidt')).toBe(0);
    expect(editDistanceUpTo2('schmidt', 'schmitt')).toBe(1);
    expect(editDistanceUpTo2('schmidt', 'schmid')).toBe(1);
    expect(editDistanceUpTo2('schmidt', 'schimdt')).toBe(1);
    expect(editDistanceUpTo2('schmidt', 'smith')).toBe(2);
    expect(editDistanceUpTo2('abcd', 'abdcx')).toBe(2);
  });
  it('countryCodeOf reads codes and names', () => {
    expect(countryCodeOf('de')).toBe('DE');
    expect(countryCodeOf('Deutschland')).toBe('DE');
    expect(countryCodeOf('Atlantis')).toBeUndefined();
    expect(countryCodeOf('')).toBeUndefined();
  });
  it('matchProfile keeps one key per distinct number', () => {
    expect(matchProfile(subject({ phone: '+49 30 1234567', mobile: '030 1234567' })).phones).toHaveLength(1);
  });
});
