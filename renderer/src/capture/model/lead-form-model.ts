import {
  DEFAULT_LEAD_SOURCE,
  LEAD_CONTACT_FIELDS,
  LEAD_RATINGS,
  type LeadContactField,
  type LeadRating,
  type NewLead,
} from '../../../../shared/domain/lead';

/**
 * The exact sentence the person at the booth agrees to. It is stored with the consent,
 * because a "yes" means nothing without the question it answered.
 */
export const CONSENT_WORDING =
  'I agree that the company may contact me by email and phone about its products and events. I can withdraw this at any time.';

/** Salesforce's standard Lead Source picklist, with the booth's default first. */
export const LEAD_SOURCES = [DEFAULT_LEAD_SOURCE, 'Partner Referral', 'Word of mouth', 'Web', 'Phone Inquiry', 'Other'] as const;

/** Every value the entry form holds, all as strings: that is also the draft's shape on disk. */
export type LeadFormField = LeadContactField | 'leadSource' | 'rating' | 'notes' | 'consentGiven';
export type LeadForm = Record<LeadFormField, string>;

/** "true" when the consent box is ticked; drafts are string maps, so the checkbox is stored as text. */
export const CONSENT_TICKED = 'true';

export const EMPTY_LEAD_FORM: LeadForm = {
  ...(Object.fromEntries(LEAD_CONTACT_FIELDS.map((field) => [field, ''])) as Record<LeadContactField, string>),
  leadSource: DEFAULT_LEAD_SOURCE,
  rating: '',
  notes: '',
  consentGiven: '',
};

const FORM_FIELDS = Object.keys(EMPTY_LEAD_FORM) as LeadFormField[];

export function isLeadFormField(name: string): name is LeadFormField {
  return (FORM_FIELDS as string[]).includes(name);
}

/** True when the person has typed something worth keeping (the defaults alone are not). */
export function formHasInput(form: LeadForm): boolean {
  return FORM_FIELDS.some((field) => form[field].trim() !== EMPTY_LEAD_FORM[field]);
}

/** A restored draft: known fields only, so a draft from an older version cannot break the form. */
export function formFromDraft(fields: Record<string, string>): LeadForm {
  const form = { ...EMPTY_LEAD_FORM };
  for (const [name, value] of Object.entries(fields)) {
    if (isLeadFormField(name)) form[name] = value;
  }
  return form;
}

function ratingOf(value: string): LeadRating | null {
  return (LEAD_RATINGS as readonly string[]).includes(value) ? (value as LeadRating) : null;
}

/**
 * What the API receives. `now` is passed in so the consent time is the moment of saving.
 * With a card scan id the lead records how it was captured and keeps the card's photo and OCR text.
 */
export function newLeadFromForm(form: LeadForm, now: Date, cardScanId: string | null = null): NewLead & { cardScanId?: string } {
  const contact = Object.fromEntries(LEAD_CONTACT_FIELDS.map((field) => [field, form[field]])) as Record<LeadContactField, string>;
  return {
    ...contact,
    leadSource: form.leadSource.trim() || DEFAULT_LEAD_SOURCE,
    rating: ratingOf(form.rating),
    notes: form.notes,
    captureMethod: cardScanId ? 'card_scan' : 'typed',
    ...(cardScanId && { cardScanId }),
    // An unticked box records nothing: it does not prove the person was asked and said no.
    consent: form.consentGiven === CONSENT_TICKED ? { given: true, at: now.toISOString(), wording: CONSENT_WORDING } : null,
  };
}
