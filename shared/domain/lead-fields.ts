/**
 * The one list of a lead's fields: what each is called on the lead, in SQLite and on screen,
 * how long it may be, and where each export writes it. Two lists: the contact fields (a
 * person's details, which a scanner reads and the form shows in sections), and the lead's
 * own fields (status, rating, lead source, notes …), whose kind says how they behave. The
 * zod schema, the row mapping, the form's labels, the exporters' columns and the import's
 * targets are made from them. Adding a field: a migration adding its column, one row here,
 * and a place on the form (docs/architecture.md, "Lead fields"); test/shared/domain/lead-fields.test.ts fails
 * while a piece is missing, or while the leads table has a column no row here names.
 *
 * The order is the lead's own (its JSON, the detail screen, the import's list of targets);
 * each export orders the contact fields' columns by its groups (LeadFieldGroup), keeping this
 * order inside a group.
 */

/** Which block a field belongs to: a form section, a block of an export's columns. */
export type LeadFieldGroup = 'person' | 'company' | 'contact' | 'web' | 'address';

/** What the value is: decides the input's type and the check a value must pass. */
export type LeadFieldKind = 'text' | 'email' | 'phone' | 'url';

/** A field's place in a vCard (RFC 6350): a property, and its component when the value is structured (N, ORG, ADR). */
export interface VcardPlace {
  /** the property with its parameters, as written: "TEL;VALUE=text;TYPE=cell" */
  property: string;
  /** 0-based position among the structured value's components ("ADR": 2 street … 6 country) */
  component?: number;
}

interface LeadFieldSpec {
  /** the property on Lead (and in the contract, the form, the import's mapping) */
  key: string;
  /** the leads table's column; also the field's key in a LeadBooth bundle, which holds rows as SQLite keeps them */
  column: string;
  /** the words the forms show; also used in messages ("still needs Company") */
  label: string;
  /** longest value in UTF-16 units: Salesforce's length for the field, so an export never has to cut a saved value */
  maxLength: number;
  group: LeadFieldGroup;
  kind: LeadFieldKind;
  /** the Salesforce Lead field's API name, a column of the Salesforce Leads CSV */
  salesforceLead?: string;
  /** the HubSpot contact property's label, a column of the HubSpot contacts CSV */
  hubspotContact?: string;
  vcard?: VcardPlace;
}

const FIELDS = [
  {
    key: 'salutation',
    column: 'salutation',
    label: 'Salutation',
    maxLength: 40,
    group: 'person',
    kind: 'text',
    salesforceLead: 'Salutation',
    hubspotContact: 'Salutation',
    vcard: { property: 'N', component: 3 },
  },
  {
    key: 'firstName',
    column: 'first_name',
    label: 'First name',
    maxLength: 40,
    group: 'person',
    kind: 'text',
    salesforceLead: 'FirstName',
    hubspotContact: 'First Name',
    vcard: { property: 'N', component: 1 },
  },
  {
    key: 'lastName',
    column: 'last_name',
    label: 'Last name',
    maxLength: 80,
    group: 'person',
    kind: 'text',
    salesforceLead: 'LastName',
    hubspotContact: 'Last Name',
    vcard: { property: 'N', component: 0 },
  },
  {
    key: 'company',
    column: 'company',
    label: 'Company',
    maxLength: 255,
    group: 'company',
    kind: 'text',
    salesforceLead: 'Company',
    hubspotContact: 'Company Name',
    vcard: { property: 'ORG', component: 0 },
  },
  {
    key: 'title',
    column: 'title',
    label: 'Job title',
    maxLength: 128,
    group: 'company',
    kind: 'text',
    salesforceLead: 'Title',
    hubspotContact: 'Job Title',
    vcard: { property: 'TITLE' },
  },
  {
    key: 'email',
    column: 'email',
    label: 'Email',
    maxLength: 80,
    group: 'contact',
    kind: 'email',
    salesforceLead: 'Email',
    hubspotContact: 'Email',
    vcard: { property: 'EMAIL;TYPE=work' },
  },
  {
    key: 'phone',
    column: 'phone',
    label: 'Phone',
    maxLength: 40,
    group: 'contact',
    kind: 'phone',
    salesforceLead: 'Phone',
    hubspotContact: 'Phone Number',
    vcard: { property: 'TEL;VALUE=text;TYPE=work' },
  },
  {
    key: 'mobile',
    column: 'mobile',
    label: 'Mobile',
    maxLength: 40,
    group: 'contact',
    kind: 'phone',
    salesforceLead: 'MobilePhone',
    hubspotContact: 'Mobile Phone Number',
    vcard: { property: 'TEL;VALUE=text;TYPE=cell' },
  },
  {
    key: 'website',
    column: 'website',
    label: 'Website',
    maxLength: 255,
    group: 'web',
    kind: 'url',
    salesforceLead: 'Website',
    hubspotContact: 'Website URL',
    vcard: { property: 'URL' },
  },
  {
    key: 'street',
    column: 'street',
    label: 'Street',
    maxLength: 255,
    group: 'address',
    kind: 'text',
    salesforceLead: 'Street',
    hubspotContact: 'Street Address',
    vcard: { property: 'ADR;TYPE=work', component: 2 },
  },
  {
    key: 'city',
    column: 'city',
    label: 'City',
    maxLength: 40,
    group: 'address',
    kind: 'text',
    salesforceLead: 'City',
    hubspotContact: 'City',
    vcard: { property: 'ADR;TYPE=work', component: 3 },
  },
  {
    key: 'region',
    column: 'region',
    label: 'State / region',
    maxLength: 80,
    group: 'address',
    kind: 'text',
    salesforceLead: 'State',
    hubspotContact: 'State/Region',
    vcard: { property: 'ADR;TYPE=work', component: 4 },
  },
  {
    key: 'postalCode',
    column: 'postal_code',
    label: 'Postal code',
    maxLength: 20,
    group: 'address',
    kind: 'text',
    salesforceLead: 'PostalCode',
    hubspotContact: 'Postal Code',
    vcard: { property: 'ADR;TYPE=work', component: 5 },
  },
  {
    key: 'country',
    column: 'country',
    label: 'Country',
    maxLength: 80,
    group: 'address',
    kind: 'text',
    salesforceLead: 'Country',
    hubspotContact: 'Country/Region',
    vcard: { property: 'ADR;TYPE=work', component: 6 },
  },
] as const satisfies readonly LeadFieldSpec[];

export type LeadContactField = (typeof FIELDS)[number]['key'];
/** The leads table's columns of the contact fields. */
export type LeadContactColumn = (typeof FIELDS)[number]['column'];

/** A registry row, read as one shape: an export a field does not claim is undefined. */
export interface LeadField extends LeadFieldSpec {
  key: LeadContactField;
  column: LeadContactColumn;
}

export const LEAD_FIELDS: readonly LeadField[] = FIELDS;

/** The keys of a list of fields, as a tuple (so a list made from it, e.g. for z.enum, keeps every key's name). */
type KeysOf<Fields extends readonly LeadFieldSpec[]> = { readonly [Index in keyof Fields]: Fields[Index] extends { key: infer Key } ? Key : never };

/** The contact fields' keys, in the lead's order. */
export const LEAD_CONTACT_FIELDS = FIELDS.map((field) => field.key) as unknown as KeysOf<typeof FIELDS>;

const FIELD_BY_KEY = new Map<string, LeadField>(LEAD_FIELDS.map((field) => [field.key, field]));

export function leadField(key: LeadContactField): LeadField {
  return FIELD_BY_KEY.get(key) as LeadField;
}

export function isLeadContactField(name: string): name is LeadContactField {
  return FIELD_BY_KEY.has(name);
}

/** The fields of one group, in the lead's order. */
export function leadFieldsOfGroup(group: LeadFieldGroup): LeadField[] {
  return LEAD_FIELDS.filter((field) => field.group === group);
}

/** The fields an export writes, by its own order of groups, the lead's order inside each group. */
export function leadFieldsInGroups(groups: readonly LeadFieldGroup[]): LeadField[] {
  return groups.flatMap(leadFieldsOfGroup);
}

/** The exports that name their columns after the fields (a CSV's header). */
export type LeadFieldExport = 'salesforceLead' | 'hubspotContact';

export interface ExportedLeadField {
  field: LeadField;
  /** the export's column for it */
  column: string;
}

/** The fields an export writes, with their columns, by the export's own order of groups (the lead's order inside each group). */
export function exportedLeadFields(exportName: LeadFieldExport, groups: readonly LeadFieldGroup[]): ExportedLeadField[] {
  return leadFieldsInGroups(groups).flatMap((field) => {
    const column = field[exportName];
    return column === undefined ? [] : [{ field, column }];
  });
}

/** Salesforce's lead statuses, in the order a lead moves through them. */
export const LEAD_STATUSES = ['New', 'Working', 'Qualified', 'Unqualified', 'Converted'] as const;
export type LeadStatus = (typeof LEAD_STATUSES)[number];

export const LEAD_RATINGS = ['Hot', 'Warm', 'Cold'] as const;
export type LeadRating = (typeof LEAD_RATINGS)[number];

export const DEFAULT_LEAD_SOURCE = 'Trade Show';

/**
 * What a lead's own field holds, which decides its check, its input and how an export writes it:
 * - `text`: one line of text (trimmed, at most maxLength);
 * - `longText`: text of several lines, notes (a textarea; a vCard NOTE);
 * - `choice`: one of `choices`, always set;
 * - `rating`: one of `choices` or none (null; '' in a file);
 * - `date`: a calendar day YYYY-MM-DD, or '' for none.
 */
type LeadRecordFieldKind = 'text' | 'longText' | 'choice' | 'rating' | 'date';

interface LeadRecordFieldSpec {
  /** the property on Lead (and in the contract, the form, the import's mapping) */
  key: string;
  /** the leads table's column; also the field's key in a LeadBooth bundle */
  column: string;
  /** the words the forms show */
  label: string;
  /** longest value in UTF-16 units (a choice's: Salesforce's picklist length) */
  maxLength: number;
  kind: LeadRecordFieldKind;
  /** the values a choice or rating may take, in the order a list shows them */
  choices?: readonly string[];
  /** a new lead's value when none is given */
  initial: string | null;
  /** '' is refused (the message says why): a lead always has one */
  required?: string;
  /** given when a lead is created (the booth form, the CLI, an import) */
  atCapture: boolean;
  /** changed by an edit (leads.update) */
  editable: boolean;
  /** a CSV column can fill it on import */
  importable: boolean;
  /** the Salesforce Lead field's API name, a column of the Salesforce Leads CSV */
  salesforceLead?: string;
  /** the HubSpot contact property's label, a column of the HubSpot contacts CSV */
  hubspotContact?: string;
  /** a vCard property holding the whole value, written when the value is not empty */
  vcardProperty?: string;
}

const RECORD_FIELDS = [
  {
    key: 'leadSource',
    column: 'lead_source',
    label: 'Lead source',
    maxLength: 40,
    kind: 'text',
    initial: DEFAULT_LEAD_SOURCE,
    required: 'A lead always has a source.',
    atCapture: true,
    editable: true,
    importable: true,
    salesforceLead: 'LeadSource',
    hubspotContact: 'LeadBooth Lead Source',
  },
  {
    key: 'status',
    column: 'status',
    label: 'Status',
    maxLength: 40,
    kind: 'choice',
    choices: LEAD_STATUSES,
    initial: 'New',
    atCapture: true,
    editable: true,
    importable: true,
    // Written as the org's picklist value (the Salesforce profile); HubSpot's columns are made from it.
    salesforceLead: 'Status',
  },
  {
    key: 'rating',
    column: 'rating',
    label: 'Rating',
    maxLength: 40,
    kind: 'rating',
    choices: LEAD_RATINGS,
    initial: null,
    atCapture: true,
    editable: true,
    importable: true,
    salesforceLead: 'Rating',
    hubspotContact: 'LeadBooth Rating',
  },
  {
    key: 'notes',
    column: 'notes',
    label: 'Notes',
    maxLength: 32_000,
    kind: 'longText',
    initial: '',
    atCapture: true,
    editable: true,
    importable: true,
    salesforceLead: 'Description',
    hubspotContact: 'Note body',
    vcardProperty: 'NOTE',
  },
  {
    key: 'badgeId',
    column: 'badge_id',
    label: 'Badge ID',
    maxLength: 500,
    kind: 'text',
    initial: '',
    atCapture: true,
    editable: false,
    importable: true,
  },
  {
    key: 'unqualifiedReason',
    column: 'unqualified_reason',
    label: 'Unqualified reason',
    maxLength: 255,
    kind: 'text',
    initial: '',
    atCapture: false,
    editable: true,
    importable: false,
  },
  {
    key: 'expectedCloseDate',
    column: 'expected_close_date',
    label: 'Expected close date',
    maxLength: 10,
    kind: 'date',
    initial: '',
    atCapture: false,
    editable: true,
    importable: false,
  },
] as const satisfies readonly LeadRecordFieldSpec[];

export type LeadRecordFieldKey = (typeof RECORD_FIELDS)[number]['key'];
/** The leads table's columns of the lead's own fields. */
export type LeadRecordColumn = (typeof RECORD_FIELDS)[number]['column'];

/** The value a field of this spec holds on a Lead: a choice's values, a rating's or null, else text. */
type ValueOfSpec<Spec> = Spec extends { kind: 'choice'; choices: readonly (infer Choice)[] }
  ? Choice
  : Spec extends { kind: 'rating'; choices: readonly (infer Choice)[] }
    ? Choice | null
    : string;

/** The lead's own fields with their values' types, as the Lead interface carries them. */
export type LeadRecordValues = { [Spec in (typeof RECORD_FIELDS)[number] as Spec['key']]: ValueOfSpec<Spec> };

/** A row of the lead's own fields, read as one shape. */
export interface LeadRecordField extends LeadRecordFieldSpec {
  key: LeadRecordFieldKey;
  column: LeadRecordColumn;
}

/** The lead's own fields, in the lead's order (after its contact fields). */
export const LEAD_RECORD_FIELDS: readonly LeadRecordField[] = RECORD_FIELDS;

const RECORD_FIELD_BY_KEY = new Map<string, LeadRecordField>(LEAD_RECORD_FIELDS.map((field) => [field.key, field]));

export function leadRecordField(key: LeadRecordFieldKey): LeadRecordField {
  return RECORD_FIELD_BY_KEY.get(key) as LeadRecordField;
}

/** The lead's own fields a CSV column can fill. */
export type ImportableRecordField = Extract<(typeof RECORD_FIELDS)[number], { importable: true }>['key'];

/** The lead's own fields a CSV column can fill, in the lead's order. */
export const IMPORTABLE_RECORD_FIELDS = LEAD_RECORD_FIELDS.filter((field) => field.importable).map((field) => field.key) as ImportableRecordField[];

/** Every column a registry row names: the contact fields', then the lead's own. */
export const LEAD_FIELD_COLUMNS: readonly string[] = [...LEAD_FIELDS.map((field) => field.column), ...LEAD_RECORD_FIELDS.map((field) => field.column)];

/** The export's column of a lead's own field (a column the registry names, so an export and the import agree on it). */
export function recordFieldColumn(exportName: LeadFieldExport, key: LeadRecordFieldKey): string {
  const column = leadRecordField(key)[exportName];
  if (column === undefined) throw new Error(`The field registry gives ${key} no ${exportName} column.`);
  return column;
}

/** A lead's own field as an export writes it: text as it is, no rating as ''. */
export function recordFieldText(values: LeadRecordValues, key: LeadRecordFieldKey): string {
  return values[key] ?? '';
}

const LABEL_BY_KEY = new Map<string, string>([...LEAD_FIELDS, ...LEAD_RECORD_FIELDS].map((field) => [field.key, field.label]));

/** The label of any registry field (contact or own) by its key; undefined for a property of the lead that is no registry field. */
export function leadFieldLabel(key: string): string | undefined {
  return LABEL_BY_KEY.get(key);
}
