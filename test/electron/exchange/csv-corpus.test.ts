/**
 * The corpus: files written the way each exporter writes them (their documented or observed
 * headers, encodings, line ends and quirks), a few realistic rows each, with the lead fields
 * and the kept (unmapped) values expected from each row. The fixtures are made by
 * test/electron/exchange/fixtures/csv/make-corpus.py and kept byte for byte (.gitattributes).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { decodeCsvBytes, readLeadsCsv, type ImportedRow } from '../../../electron/exchange/csv-import';

const FIXTURES = path.join(__dirname, 'fixtures', 'csv');

interface CorpusFile {
  file: string;
  delimiter: string;
  hasHeader: boolean;
  /** preamble and footer lines not read as rows */
  ignoredLines: number[];
  rows: ImportedRow[];
}

const CORPUS: CorpusFile[] = [
  {
    // Eventbrite-style attendee report: buyer columns (another person) kept, Barcode # before Attendee #, the Work address block over the Home one.
    file: 'eventbrite-attendees.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "firstName": "Diego",
          "lastName": "Ramírez",
          "email": "diego@andes.example.cl",
          "badgeId": "118334552114588322911001",
          "mobile": "+56 9 5555 0101",
          "street": "Isidora Goyenechea 3000, Piso 12",
          "city": "Las Condes",
          "region": "RM",
          "postalCode": "7550000",
          "country": "CL",
          "title": "Ingeniero de ventas",
          "company": "Andes Mining SpA"
        },
        "unmapped": {
          "Order #": "1183345521",
          "Order Date": "2026-02-01 09:30:12-05:00",
          "Quantity": "1",
          "Ticket Type": "Expo pass",
          "Buyer Last Name": "Ortiz",
          "Buyer First Name": "Paula",
          "Buyer Email": "paula.ortiz@andes.example.cl",
          "Attendee Status": "Attending",
          "Attendee #": "1458832291",
          "Home Address 1": "Av. Providencia 1234",
          "Home City": "Santiago",
          "Home Country": "CL"
        }
      }
    ],
  },
  {
    // Google Contacts before 2020: Name/Given Name/Family Name, "… - Type" columns, numbered organisations (the Work one wins), a LinkedIn profile is not the website.
    file: 'google-contacts-legacy.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "firstName": "Priya",
          "lastName": "Natarajan",
          "notes": "Asked about pricing",
          "email": "priya@orbitsys.example.in",
          "mobile": "+91 98450 12345",
          "phone": "+91 80 4000 1234",
          "company": "Orbit Systems",
          "title": "VP Engineering"
        },
        "unmapped": {
          "Group Membership": "* My Contacts",
          "E-mail 1 - Value": "priya.n@mail.example.in",
          "Website 1 - Value": "https://www.linkedin.com/in/priya-natarajan",
          "Organization 1 - Name": "Bangalore Makers Club",
          "Organization 1 - Title": "Volunteer",
          "E-mail 1 - Type": "* Home",
          "Organization 1 - Type": "Other",
          "Website 1 - Type": "Profile"
        }
      },
      {
        "line": 3,
        "fields": {
          "email": "sam@okafor.example.ng",
          "company": "Okafor Logistics",
          "firstName": "Sam",
          "lastName": "Okafor"
        },
        "unmapped": {}
      }
    ],
  },
  {
    // Google Contacts today: E-mail/Phone/Address N with a Label; the Work ones win, Mobile goes to mobile, a Work Fax never is the phone, " ::: " holds two values in one cell, a Formatted-only address is the street.
    file: 'google-contacts.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "firstName": "Lena",
          "lastName": "Fischer",
          "salutation": "Dr.",
          "notes": "Met at the booth on day 2.\nWants a demo in March.",
          "email": "lena.fischer@meridel.example.com",
          "website": "https://meridel.example.com",
          "mobile": "+49 171 2345678",
          "phone": "+49 40 1234567",
          "street": "Am Sandtorkai 5, 3. OG",
          "city": "Hamburg",
          "postalCode": "20457",
          "country": "DE",
          "company": "Meridel GmbH",
          "title": "Head of Purchasing"
        },
        "unmapped": {
          "Organization Department": "Procurement",
          "Labels": "Trade show ::: * myContacts",
          "E-mail 1 - Value": "lena.f@gmx.example.de",
          "Phone 2 - Value": "+49 30 7654321",
          "Address 1 - Formatted": "Kastanienallee 12\n10435 Berlin\nDE",
          "Address 1 - Street": "Kastanienallee 12",
          "Address 1 - City": "Berlin",
          "Address 1 - Postal Code": "10435",
          "Address 1 - Country": "DE",
          "E-mail 1 - Label": "Home",
          "Phone 2 - Label": "Home",
          "Address 1 - Label": "Home"
        }
      },
      {
        "line": 8,
        "fields": {
          "firstName": "Tomás",
          "lastName": "Ó Briain",
          "email": "tomas@cairn.example.ie",
          "phone": "+353 1 555 0100",
          "street": "1 Harbour Road, Dublin D02, Ireland",
          "company": "Cairn Analytics"
        },
        "unmapped": {
          "Phone 2 - Value": "+353 1 555 0199",
          "Phone 2 - Label": "Work Fax"
        }
      },
      {
        "line": 9,
        "fields": {
          "firstName": "Mei",
          "lastName": "Chen",
          "email": "mei@lotus.example.com",
          "mobile": "+1 415 555 0142",
          "company": "Lotus Robotics",
          "title": "CTO"
        },
        "unmapped": {
          "E-mail 1 - Value": "m.chen@lotus.example.com",
          "Phone 1 - Value": "+1 415 555 0143",
          "E-mail 1 - Label": "* Work",
          "Phone 1 - Label": "Mobile"
        }
      }
    ],
  },
  {
    // HubSpot contacts export, every value quoted.
    file: 'hubspot-contacts.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "firstName": "Olivia",
          "lastName": "Martin",
          "email": "olivia.martin@northwind.example.com",
          "status": "IN_PROGRESS",
          "website": "northwind.example.com",
          "mobile": "+1 617 555 0199",
          "phone": "+1 617 555 0111",
          "street": "200 Summer St",
          "city": "Boston",
          "region": "MA",
          "postalCode": "02210",
          "country": "United States",
          "company": "Northwind Traders",
          "title": "Operations Manager"
        },
        "unmapped": {
          "Record ID": "51234",
          "Lifecycle Stage": "lead",
          "Contact owner": "Sales Rep One",
          "Create Date": "2025-09-30 10:12"
        }
      }
    ],
  },
  {
    // LinkedIn Connections: a "Notes:" preamble and a blank line before the header, a BOM; URL is the profile.
    file: 'linkedin-connections.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [1, 2],
    rows: [
      {
        "line": 5,
        "fields": {
          "firstName": "Aisha",
          "lastName": "Rahman",
          "email": "aisha.rahman@brightpath.example.com",
          "company": "BrightPath, Inc.",
          "title": "VP, Sales"
        },
        "unmapped": {
          "LinkedIn URL": "https://www.linkedin.com/in/aisha-rahman-0a1b2c",
          "Connected On": "14 Mar 2025"
        }
      },
      {
        "line": 6,
        "fields": {
          "firstName": "Marco",
          "lastName": "Bianchi",
          "company": "Fonderia Bianchi S.p.A.",
          "title": "Owner"
        },
        "unmapped": {
          "LinkedIn URL": "https://www.linkedin.com/in/marcobianchi",
          "Connected On": "02 Nov 2024"
        }
      }
    ],
  },
  {
    // No header row, ";" and CR-only line ends (an old Mac): every row is data, columns "Column N", nothing guessed.
    file: 'no-header-cr.csv',
    delimiter: ";",
    hasHeader: false,
    ignoredLines: [],
    rows: [
      {
        "line": 1,
        "fields": {},
        "unmapped": {
          "Column 1": "Ana Lopes",
          "Column 2": "ana@acme.example.es",
          "Column 3": "+34 612 345 678",
          "Column 4": "Acme Iberia"
        }
      },
      {
        "line": 2,
        "fields": {},
        "unmapped": {
          "Column 1": "Rui Silva",
          "Column 2": "rui@beta.example.pt",
          "Column 3": "+351 21 555 0100",
          "Column 4": "Beta Lda"
        }
      }
    ],
  },
  {
    // German Outlook: ";", Windows-1252, "… geschäftlich" / "… privat" after the field.
    file: 'outlook-contacts-german.csv',
    delimiter: ";",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "salutation": "Herr",
          "firstName": "Björn",
          "lastName": "Weiß",
          "email": "bjoern@weiss.example.de",
          "notes": "Möchte Rückruf\r\nim März",
          "phone": "0221 555 0100",
          "street": "Hohe Straße 100",
          "city": "Köln",
          "postalCode": "50667",
          "country": "Deutschland",
          "company": "Weiß & Söhne KG",
          "title": "Geschäftsführer"
        },
        "unmapped": {
          "Fax geschäftlich": "0221 555 0199",
          "Telefon privat": "0221 555 0001",
          "Straße privat": "Lindenstraße 7",
          "Ort privat": "Köln",
          "Postleitzahl privat": "50674"
        }
      }
    ],
  },
  {
    // Outlook's "Unicode" export: UTF-16 LE with BOM.
    file: 'outlook-contacts-unicode.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "firstName": "Zoë",
          "lastName": "Παπαδοπούλου",
          "email": "zoe@athena.example.gr",
          "phone": "+30 21 0555 0100",
          "city": "Αθήνα",
          "company": "Ἀθηνᾶ Labs"
        },
        "unmapped": {}
      }
    ],
  },
  {
    // Outlook, Windows-1252 (€, –, „“ in a two-line note): Title is the salutation, the Business block wins over Home, a company email over a gmx.de one, fax kept.
    file: 'outlook-contacts.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "salutation": "Herr",
          "firstName": "Jürgen",
          "lastName": "Müller-Lüdenscheidt",
          "email": "j.mueller@oeko.example.de",
          "notes": "Größe der Anlage: 3 Hallen\r\nRückruf nächste Woche – wegen Angebot über 5.000 €, „dringend“",
          "website": "www.oeko.example.de",
          "mobile": "+49 160 5550123",
          "phone": "+49 711 555 0100",
          "street": "Königstraße 1, Gebäude C",
          "city": "Stuttgart",
          "postalCode": "70173",
          "country": "Deutschland",
          "company": "Öko Systeme AG",
          "title": "Einkaufsleiter"
        },
        "unmapped": {
          "Business Fax": "+49 711 555 0199",
          "Categories": "Messe",
          "E-mail Type": "SMTP",
          "E-mail Display Name": "Jürgen Müller (juergen.mueller@gmx.de)",
          "E-mail 2 Type": "SMTP",
          "E-mail Address": "juergen.mueller@gmx.de",
          "Home Phone": "+49 711 999 1234",
          "Home Street": "Gartenweg 3",
          "Home City": "Esslingen",
          "Home Postal Code": "73728",
          "Home Country/Region": "Deutschland"
        }
      },
      {
        "line": 4,
        "fields": {
          "salutation": "M.",
          "firstName": "François",
          "lastName": "Lefèvre",
          "email": "francois@atelier.example.fr",
          "phone": "+33 1 44 00 00 01",
          "street": "12 rue de la Paix",
          "city": "Paris",
          "postalCode": "75002",
          "country": "France",
          "company": "Atelier Çà et Là"
        },
        "unmapped": {
          "Business Fax": "+33 1 55 00 00 99",
          "Other Phone": "+33 6 00 00 00 02"
        }
      }
    ],
  },
  {
    // An organiser's registration export: ";" and Windows-1252, Attendee … columns, Badge ID before Registration ID, an "Attendee Status" that is not the lead's status.
    file: 'registration-export.csv',
    delimiter: ";",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "badgeId": "B7731",
          "firstName": "Søren",
          "lastName": "Kjær",
          "email": "soren@kjaer.example.dk",
          "mobile": "+45 20 55 01 01",
          "phone": "+45 33 55 01 00",
          "country": "Danmark",
          "company": "Kjær & Søn ApS",
          "title": "Indkøbschef"
        },
        "unmapped": {
          "Attendee Status": "Checked in",
          "Ticket Type": "Trade visitor",
          "Registration ID": "REG-2026-00417",
          "Badge Name": "Søren"
        }
      },
      {
        "line": 3,
        "fields": {
          "badgeId": "REG-2026-00418",
          "firstName": "Élodie",
          "lastName": "Garçon",
          "email": "elodie@garcon.example.fr",
          "country": "France",
          "company": "Garçon SARL"
        },
        "unmapped": {
          "Attendee Status": "Registered"
        }
      }
    ],
  },
  {
    // Salesforce report export: quoted, a two-line street, a footer after a blank line.
    file: 'salesforce-report.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [6, 7, 8, 9, 10],
    rows: [
      {
        "line": 2,
        "fields": {
          "firstName": "Hiroshi",
          "lastName": "Tanaka",
          "email": "h.tanaka@seiki.example.jp",
          "leadSource": "Trade Show",
          "status": "Working - Contacted",
          "rating": "Warm",
          "phone": "+81 6 5555 0100",
          "street": "1-2-3 Umeda, Kita-ku",
          "city": "Osaka",
          "postalCode": "530-0001",
          "country": "Japan",
          "title": "Plant Manager",
          "company": "Tanaka Seiki"
        },
        "unmapped": {
          "Lead Owner": "Dana Whitfield",
          "Create Date": "10/2/2025"
        }
      },
      {
        "line": 4,
        "fields": {
          "firstName": "Grace",
          "lastName": "Hopper",
          "email": "grace@cobol.example.com",
          "leadSource": "Web",
          "status": "Open - Not Contacted",
          "company": "Cobol Consulting"
        },
        "unmapped": {
          "Lead Owner": "Dana Whitfield",
          "Create Date": "10/3/2025"
        }
      }
    ],
  },
  {
    // Thunderbird: a trailing comma on every line (header too), Work before Home, Display Name used only without first/last name.
    file: 'thunderbird.csv',
    delimiter: ",",
    hasHeader: true,
    ignoredLines: [],
    rows: [
      {
        "line": 2,
        "fields": {
          "firstName": "Ingrid",
          "lastName": "Sørensen",
          "email": "ingrid@nordlys.example.no",
          "website": "https://nordlys.example.no",
          "notes": "Interested in the\nfleet option",
          "mobile": "+47 912 34 567",
          "phone": "+47 22 55 01 00",
          "street": "Karl Johans gate 22, 4. etasje",
          "city": "Oslo",
          "postalCode": "0159",
          "country": "Norway",
          "title": "Procurement Lead",
          "company": "Nordlys Energi AS"
        },
        "unmapped": {
          "Department": "Operations",
          "Secondary Email": "ingrid.s@home.example.no",
          "Home Phone": "+47 22 55 09 99",
          "Home Address": "Ringveien 4",
          "Home City": "Bærum",
          "Home ZipCode": "1338",
          "Home Country": "Norway"
        }
      },
      {
        "line": 4,
        "fields": {
          "email": "kenji@kumo.example.jp",
          "phone": "+81 3 5555 0101",
          "company": "Kumo KK",
          "firstName": "Kenji",
          "lastName": "Watanabe"
        },
        "unmapped": {}
      }
    ],
  },
];

describe('the corpus of real-world-shaped exports', () => {
  it.each(CORPUS)('$file', (expected) => {
    const result = readLeadsCsv(readFileSync(path.join(FIXTURES, expected.file)));
    expect(result.delimiter).toBe(expected.delimiter);
    expect(result.hasHeader).toBe(expected.hasHeader);
    expect(result.ignoredLines?.map((line) => line.line)).toEqual(expected.ignoredLines);
    expect(result.problems).toEqual([]);
    expect(result.rows).toEqual(expected.rows);
  });

  it.each(CORPUS.map((expected) => expected.file))('%s: every value of the data rows arrives in a field or is kept', (file) => {
    const bytes = readFileSync(path.join(FIXTURES, file));
    const result = readLeadsCsv(bytes);
    const arrived = result.rows.map((row) => [...Object.values(row.fields), ...Object.values(row.unmapped)].join('\n')).join('\n');
    // Read independently: every cell after the header row, except type labels and a Formatted
    // address that repeats its block's parts (dropped by design), must be found word for word.
    const records = parse(decodeCsvBytes(bytes).replace(/^\uFEFF/, ''), { delimiter: result.delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][];
    const headerAt = result.hasHeader ? records.findIndex((record) => record.filter(Boolean).length >= 2) : -1;
    const header = records[headerAt] ?? [];
    const footer = new Set(result.ignoredLines?.map((line) => line.text));
    for (const record of records.slice(headerAt + 1)) {
      if (footer.has(record.join(result.delimiter).trim())) continue;
      record.forEach((cell, column) => {
        const name = header[column] ?? '';
        if (/ - (Label|Type|Formatted)$/.test(name)) return;
        for (const word of cell.split(/\s+|:::/).filter(Boolean)) expect(arrived, `${file}: "${word}" of column "${name}"`).toContain(word);
      });
    }
  });
});
