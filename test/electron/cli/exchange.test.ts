import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { makeTempDir } from '../../support/temp-database';
import { runLeadbooth } from '../../support/cli-run';
import { canMountTmpfs, mountTmpfs } from '../../support/tmpfs';

let dir: string;
beforeEach(() => {
  dir = makeTempDir();
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

const leadbooth = (db: string, ...args: string[]) => runLeadbooth(['--db', path.join(dir, db), ...args]);

async function booth(db: string) {
  await leadbooth(db, 'staff', 'Jo Booth');
  await leadbooth(db, 'events', 'add', 'Web Summit 2026');
  for (const lead of [
    { firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', email: 'ana@acme.example' },
    { firstName: 'Chidi', lastName: 'Okafor', company: 'Northwind' },
    { firstName: 'Ana', lastName: 'Muller', company: 'ACME', email: 'ana@acme.example' },
  ]) {
    expect((await leadbooth(db, 'leads', 'add', '--json', JSON.stringify(lead))).code).toBe(0);
  }
}

describe('leadbooth export / import / batches / duplicates', () => {
  it('exports batches to files, lists them, and only-new leaves nothing the second time', async () => {
    await booth('a.db');
    const out = path.join(dir, 'out', 'leads.csv');
    // The folder must exist: a mistyped path is an error, not a new folder somewhere.
    const missingFolder = await leadbooth('a.db', 'export', '--format', 'salesforce-leads', '--out', out);
    expect([missingFolder.code, missingFolder.stderr]).toEqual([1, [`leadbooth: The folder ${path.dirname(out)} does not exist: create it or choose another place. Nothing was recorded: the leads stay not exported.`]]);
    fs.mkdirSync(path.dirname(out));
    const exported = await leadbooth('a.db', 'export', '--format', 'salesforce-leads', '--out', out, '--event', 'web summit 2026', '--only-new');
    expect(exported.code).toBe(0);
    expect(exported.stdout[0]).toMatch(/^batch [0-9a-f-]{36}$/);
    expect(exported.stdout[1]).toMatch(/^exported 3 leads to .*leads\.csv \(sha256 [0-9a-f]{64}\)$/);
    const rows = parse(fs.readFileSync(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => row.LastName)).toEqual(['Müller', 'Okafor', 'Muller']);
    const again = await leadbooth('a.db', 'export', '--format', 'vcard', '--out', path.join(dir, 'x.vcf'), '--only-new');
    expect(again.code).toBe(1);
    expect(again.stderr[0]).toMatch(/nothing new to export/);
    const batches = await leadbooth('a.db', 'batches', 'list', '--json');
    expect(batches.stdout.map((line) => JSON.parse(line) as { leadCount: number; format: string })).toEqual([expect.objectContaining({ leadCount: 3, format: 'salesforce-leads' })]);

    const folder = path.join(dir, 'converted');
    const unconverted = await leadbooth('a.db', 'export', '--format', 'salesforce-converted', '--out', folder);
    expect(unconverted.code).toBe(1);
    expect(unconverted.stderr[0]).toMatch(/None of the chosen leads has been converted/);
    expect(fs.existsSync(folder)).toBe(false);
    const [lead] = (await leadbooth('a.db', 'leads', 'list', '--json')).stdout.map((line) => JSON.parse(line) as { id: string });
    expect((await leadbooth('a.db', 'leads', 'convert', lead?.id ?? '', '--account', 'new', '--contact', 'new', '--no-opportunity')).code).toBe(0);
    expect((await leadbooth('a.db', 'export', '--format', 'salesforce-converted', '--out', folder)).code).toBe(0);
    expect(fs.readdirSync(folder).sort()).toEqual(['Accounts.csv', 'Contacts.csv', 'Opportunities.csv', 'OpportunityContactRoles.csv']);
    expect((await leadbooth('a.db', 'export', '--format', 'xml', '--out', folder)).code).toBe(2);
  });

  it("takes the review list's filter as options: words, rating, status, captured by and when, how, exported, duplicates", async () => {
    await booth('r.db');
    const [ana, chidi] = (await leadbooth('r.db', 'leads', 'list', '--json')).json().reverse() as Array<{ id: string }>;
    expect((await leadbooth('r.db', 'leads', 'edit', ana?.id ?? '', '--json', '{"rating":"Hot","notes":"wants a demo"}')).code).toBe(0);
    expect((await leadbooth('r.db', 'leads', 'edit', chidi?.id ?? '', '--json', '{"rating":"Warm","status":"Working"}')).code).toBe(0);
    let file = 0;
    /** The last names `export` writes with these options, or the error it printed. */
    const exported = async (...options: string[]) => {
      const out = path.join(dir, `r${file++}.csv`);
      const run = await leadbooth('r.db', 'export', '--format', 'salesforce-leads', '--out', out, ...options);
      if (run.code !== 0) return { code: run.code, error: run.stderr[0] };
      return (parse(fs.readFileSync(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>).map((row) => row.LastName);
    };
    const day = (offset: number) => {
      const date = new Date();
      date.setDate(date.getDate() + offset);
      return `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;
    };
    // Before any batch: nothing exported yet. Then Okafor goes out, and the others never did.
    expect(await exported('--exported', 'yes')).toEqual({ code: 1, error: expect.stringMatching(/No lead matches this choice/) });
    expect(await exported('--duplicate', 'no', '--exported', 'no')).toEqual(['Okafor']);
    expect(await exported('--exported', 'yes')).toEqual(['Okafor']);
    expect(await exported('--exported', 'no', '--rating', 'Hot')).toEqual(['Müller']);
    expect(await exported('--search', 'demo')).toEqual(['Müller']);
    expect(await exported('--search', 'acm', '--event', 'web summit 2026')).toEqual(['Müller', 'Muller']);
    expect(await exported('--rating', 'none')).toEqual(['Muller']);
    expect(await exported('--status', 'Working', '--rating', 'Warm')).toEqual(['Okafor']);
    expect(await exported('--captured-by', 'JO BOOTH', '--how', 'typed', '--consent', 'missing', '--captured-from', day(0), '--captured-to', day(0))).toEqual(['Müller', 'Okafor', 'Muller']);
    expect(await exported('--captured-to', day(-1))).toEqual({ code: 1, error: expect.stringMatching(/No lead matches this choice/) });
    expect(await exported('--duplicate', 'yes')).toEqual(['Müller', 'Muller']);
    // A value the list does not know is a usage error that says what the option takes.
    expect(await exported('--rating', 'Lukewarm')).toEqual({ code: 2, error: 'leadbooth: --rating does not take "Lukewarm": one of Hot, Warm, Cold, none; see "leadbooth export --help"' });
    expect(await exported('--captured-from', '20.04.2026')).toEqual({ code: 2, error: expect.stringContaining('--captured-from takes a day as YYYY-MM-DD') });
    expect(await exported('--only-new', '--exported', 'yes')).toEqual({ code: 2, error: expect.stringContaining('contradict') });
  });

  it('exports Salesforce leads with a --profile file, printing by name what was left out, refused and neutralised', async () => {
    await leadbooth('p.db', 'staff', 'Jo Booth');
    await leadbooth('p.db', 'events', 'add', 'Web Summit 2026');
    for (const lead of [
      { firstName: 'Ana', lastName: 'Müller', company: 'Acme GmbH', phone: '+49 30 1234567', notes: '- wants a demo' },
      { firstName: 'Émile', email: 'emile@example.fr' },
      { firstName: 'Chidi', lastName: 'Okafor', company: 'Northwind' },
    ]) {
      expect((await leadbooth('p.db', 'leads', 'add', '--json', JSON.stringify(lead))).code).toBe(0);
    }
    const chidi = (await leadbooth('p.db', 'leads', 'list', '--json')).stdout
      .map((line) => JSON.parse(line) as { id: string; lastName: string })
      .find((lead) => lead.lastName === 'Okafor');
    expect((await leadbooth('p.db', 'leads', 'convert', chidi?.id ?? '', '--account', 'new', '--contact', 'new', '--no-opportunity')).code).toBe(0);
    const profile = path.join(dir, 'org.json');
    fs.writeFileSync(
      profile,
      JSON.stringify({ statusValues: { New: 'Neu', Working: 'In Arbeit', Qualified: 'Qualifiziert', Unqualified: 'Abgelehnt', Converted: 'Konvertiert' }, neverAskedOptedOut: true }),
    );
    const out = path.join(dir, 'leads.csv');
    const exported = await leadbooth('p.db', 'export', '--format', 'salesforce-leads', '--out', out, '--profile', profile);
    expect(exported.code).toBe(0);
    expect(exported.stdout[1]).toMatch(/^exported 2 leads, skipped 1 to /);
    expect(exported.stderr).toEqual([
      'skipped 1 lead: converted (export them with --format salesforce-converted)',
      '1 lead Salesforce will refuse (no Last Name or Company; leave them out with --skip-incomplete):',
      '  Émile: no LastName, no Company',
      "1 cell(s) start with ' so no spreadsheet runs them as a formula: Description 1",
    ]);
    const rows = parse(fs.readFileSync(out, 'utf8'), { bom: true, columns: true }) as Array<Record<string, string>>;
    expect(rows.map((row) => [row.LastName, row.Phone, row.Status, row.HasOptedOutOfEmail, row.Description])).toEqual([
      ['Müller', '+49 30 1234567', 'Neu', 'true', "'- wants a demo"],
      ['', '', 'Neu', 'true', ''],
    ]);

    fs.writeFileSync(profile, JSON.stringify({ statusValues: { New: 'Neu' }, neverAskedOptedOut: true }));
    const refused = await leadbooth('p.db', 'export', '--format', 'salesforce-leads', '--out', out, '--profile', profile);
    expect(refused.code).toBe(1);
    expect(refused.stderr[0]).toMatch(/org\.json: statusValues\.Working: .*It must look like \{"statusValues"/);
  });

  it('moves leads to another laptop with a bundle, imports CSVs with --map, and lists duplicate groups', async () => {
    await booth('a.db');
    const bundle = path.join(dir, 'a.leadbooth.json');
    expect((await leadbooth('a.db', 'export', '--format', 'bundle', '--out', bundle)).code).toBe(0);
    await leadbooth('b.db', 'staff', 'Sam');
    const imported = await leadbooth('b.db', 'import', bundle);
    expect(imported.stdout).toEqual([`${bundle}: added 3, updated 0, flagged 0, skipped 0`]);
    expect((await leadbooth('b.db', 'import', bundle)).stdout).toEqual([`${bundle}: added 0, updated 0, flagged 0, skipped 3`]);

    const csv = path.join(dir, 'badges.csv');
    fs.writeFileSync(csv, 'Nom;Prénom;Société;Code\nOkafor;Chidi;Northwind;B-7\n');
    const map = path.join(dir, 'map.json');
    fs.writeFileSync(map, JSON.stringify({ Nom: 'lastName', 'Prénom': 'firstName', 'Société': 'company', Code: 'badgeId' }));
    const fromCsv = await leadbooth('b.db', 'import', csv, '--map', map, '--event', 'Web Summit 2026');
    expect(fromCsv.stdout).toEqual([`${csv}: added 1, updated 0, flagged 1, skipped 0`]);

    const groups = (await leadbooth('b.db', 'duplicates', 'list', '--json')).stdout.map((line) => JSON.parse(line) as { leadIds: string[] });
    expect(groups.map((group) => group.leadIds.length).sort()).toEqual([2, 2]);

    const broken = path.join(dir, 'broken.csv');
    fs.writeFileSync(broken, 'Last Name,Company\n"Okafor,Northwind\n');
    const refused = await leadbooth('b.db', 'import', broken);
    expect(refused.code).toBe(1);
    expect(refused.stderr[0]).toMatch(/broken\.csv: Line 2: .*Nothing was imported/);
  });

  // A real full (or read-only) disk is a tmpfs mount, which needs root: CI and these machines have it; elsewhere skipped.
  it.skipIf(!canMountTmpfs())('an export that cannot be written records no batch, leaves no partial file, and --only-new still takes its leads', async () => {
    await booth('a.db');
    // A folder nobody may write in (a write-protected stick; chmod does not stop root, who runs the tests).
    const readOnly = mountTmpfs('64k', { readOnly: true });
    try {
      const refused = await leadbooth('a.db', 'export', '--format', 'hubspot', '--out', path.join(readOnly.mountPoint, 'leads.csv'), '--only-new');
      expect([refused.code, refused.stderr]).toEqual([1, [`leadbooth: ${readOnly.mountPoint} is on a read-only disk: choose another folder. Nothing was recorded: the leads stay not exported.`]]);
    } finally {
      readOnly.unmount();
    }
    // A disk that fills up part-way: 30 leads of long notes make a vCard file larger than the disk.
    for (let index = 0; index < 30; index++) await leadbooth('a.db', 'leads', 'add', '--json', JSON.stringify({ lastName: `Filler ${index}`, company: 'Acme', notes: 'booth note '.repeat(400) }));
    const small = mountTmpfs('64k');
    try {
      const full = await leadbooth('a.db', 'export', '--format', 'vcard', '--out', path.join(small.mountPoint, 'leads.vcf'), '--only-new');
      expect([full.code, full.stderr]).toEqual([1, ['leadbooth: The disk is full: leads.vcf could not be written. Free some space or choose another disk. Nothing was recorded: the leads stay not exported.']]);
      expect(fs.readdirSync(small.mountPoint)).toEqual([]);
    } finally {
      small.unmount();
    }
    expect((await leadbooth('a.db', 'batches', 'list')).stdout).toEqual([]);
    const out = path.join(dir, 'leads.csv');
    const written = await leadbooth('a.db', 'export', '--format', 'hubspot', '--out', out, '--only-new');
    expect(written.stdout[1]).toMatch(/^exported 33 leads to /);
    expect(fs.statSync(out).mode & 0o777).toBe(0o600);
  });
});

describe('leadbooth import: problem values and files without a header', () => {
  const longName = 'Maximiliane-Josephine Alexandra Theodora Wilhelmin';
  const csv = ['Last Name,First Name,Email,Company', `Okafor,Chidi,chidi@northwind.example,Northwind`, `Müller,${longName},ana@acme.example,Acme`, 'Roe,Bo,x@invalid,Zeta', ''].join('\n');

  it('imports every row, the problem values kept, and prints each problem to stderr', async () => {
    await leadbooth('a.db', 'staff', 'Jo Booth');
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, csv);
    const imported = await leadbooth('a.db', 'import', file);
    expect(imported.code).toBe(0);
    expect(imported.stdout[0]).toBe(`${file}: added 3, updated 0, flagged 0, skipped 0`);
    expect(imported.stdout).toContain(`${file}: kept on each lead as imported fields: First Name, Email`);
    expect(imported.stdout).toContain(`${file}: 1 lead with an email that is not valid (kept as text in the imported fields): check them`);
    expect(imported.stderr).toEqual([
      `${file}: line 3, First Name: "${longName}": 50 characters: longer than the 40 this field holds (kept whole in the imported field “First Name”; the field is left empty)`,
      `${file}: line 4, Email: "x@invalid": not a valid email address (kept as text in the imported field “Email”; the email is left empty and the lead is marked to check)`,
    ]);
  });

  it('export --imported-fields adds a column per field an import kept, to Salesforce and HubSpot CSVs; without it the columns stay the standard ones', async () => {
    await leadbooth('a.db', 'staff', 'Jo Booth');
    await leadbooth('a.db', 'events', 'add', 'Web Summit 2026');
    const file = path.join(dir, 'google.csv');
    fs.writeFileSync(
      file,
      'First Name,Last Name,Organization 1 - Name,E-mail 1 - Value,Birthday,Labels,Email\n' +
        'Ana,Müller,Acme GmbH,ana@acme.example,1985-04-12,* myContacts,\n' +
        'Chidi,Okafor,Northwind,chidi@northwind.example,,VIP,chidi@private.example\n',
    );
    expect((await leadbooth('a.db', 'import', file)).code).toBe(0);
    const read = (out: string) => parse(fs.readFileSync(out, 'utf8'), { columns: true, bom: true }) as Array<Record<string, string>>;

    const salesforce = path.join(dir, 'leads.csv');
    expect((await leadbooth('a.db', 'export', '--format', 'salesforce-leads', '--out', salesforce, '--imported-fields')).code).toBe(0);
    const rows = read(salesforce);
    expect(rows.map((row) => [row.LastName, row.Birthday, row.Labels])).toEqual([
      ['Müller', '1985-04-12', '* myContacts'],
      ['Okafor', '', 'VIP'],
    ]);
    expect(rows.find((row) => row.LastName === 'Okafor')?.Email).toBe('chidi@northwind.example');

    const hubspot = path.join(dir, 'contacts.csv');
    expect((await leadbooth('a.db', 'export', '--format', 'hubspot', '--out', hubspot, '--imported-fields')).code).toBe(0);
    const contacts = read(hubspot);
    // The imported "Email" is not HubSpot's Email column: it goes out under its own header.
    expect(contacts.find((row) => row['Last Name'] === 'Okafor')).toMatchObject({ Email: 'chidi@northwind.example', 'Email (imported)': 'chidi@private.example', Labels: 'VIP' });

    const plain = path.join(dir, 'plain.csv');
    expect((await leadbooth('a.db', 'export', '--format', 'hubspot', '--out', plain)).code).toBe(0);
    expect(Object.keys(read(plain)[0]!)).not.toContain('Labels');
  });

  it('--skip-problem-rows leaves those rows out, --strict refuses the file, and both at once is a usage error', async () => {
    await leadbooth('a.db', 'staff', 'Jo Booth');
    const file = path.join(dir, 'people.csv');
    fs.writeFileSync(file, csv);
    const strict = await leadbooth('a.db', 'import', file, '--strict');
    expect(strict.code).toBe(1);
    expect(strict.stderr[0]).toMatch(/people\.csv: 2 rows hold values that cannot be imported as they are — line 3, First Name: .*line 4, Email: .*Nothing was imported\.$/);
    const skipped = await leadbooth('a.db', 'import', file, '--skip-problem-rows');
    expect(skipped.stdout[0]).toBe(`${file}: added 1, updated 0, flagged 0, skipped 2`);
    expect(skipped.stderr).toHaveLength(2);
    expect(skipped.stderr.every((line) => line.endsWith('(the row is left out (as chosen))'))).toBe(true);
    expect((await leadbooth('a.db', 'leads', 'list', '--json')).stdout).toHaveLength(1);
    expect((await leadbooth('a.db', 'import', file, '--strict', '--skip-problem-rows')).code).toBe(2);
  });

  it('refuses a file whose columns it cannot recognise with one line asking for --map, and imports it with one', async () => {
    await leadbooth('a.db', 'staff', 'Jo Booth');
    const file = path.join(dir, 'list.csv');
    fs.writeFileSync(file, 'Ana,Müller,ana@acme.example\nChidi,Okafor,chidi@northwind.example\n');
    const refused = await leadbooth('a.db', 'import', file);
    expect(refused.code).toBe(1);
    expect(refused.stdout).toEqual([]);
    expect(refused.stderr).toHaveLength(1);
    expect(refused.stderr[0]).toMatch(/list\.csv: .*--map FILE.*Nothing was imported\./);
  });
});
