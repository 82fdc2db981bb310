import { z } from 'zod';
import type { Account, Contact, ConversionRule, ConversionSummary } from '../../domain/crm';
import type { Lead } from '../../domain/lead';
import { isCalendarDate, STAGE_NAMES, type OpportunityStage } from '../../domain/opportunity';
import { channel, noInput } from '../channel';

export interface AccountSuggestion {
  account: Account;
  /** Why it was suggested: the same company name (legal forms ignored) or the same web/email domain. */
  reason: 'name' | 'domain' | 'similar name';
}

export interface ConversionSuggestions {
  accounts: AccountSuggestion[];
  /** Contacts of `contactsOfAccountId` that match the lead by email or name, best first. */
  contacts: Contact[];
  contactsOfAccountId: string | null;
  defaults: {
    opportunityName: string;
    stage: OpportunityStage;
    /** The lead's expected close date, or "". */
    closeDate: string;
    /** From a Budget/Money answer given as a number. */
    amount: number | null;
  };
}

export interface AutoConversionReport {
  converted: number;
  skippedCount: number;
  /** The first skipped leads with the reason (at most 200; skippedCount has them all). */
  skipped: Array<{ leadId: string; name: string; reason: string }>;
  /** How many were skipped for each reason. */
  skippedByReason: Record<string, number>;
  /** True when the person cancelled: what was converted before stays converted. */
  cancelled: boolean;
}

const closeDate = z
  .string()
  .trim()
  .refine(isCalendarDate, { message: 'The close date must be a date like 2027-03-31.' });

const stage = z.enum(STAGE_NAMES, { message: `The stage is one of: ${STAGE_NAMES.join(', ')}.` });

const recordChoice = z.discriminatedUnion('mode', [
  z.object({ mode: z.literal('new') }).strict(),
  z.object({ mode: z.literal('existing'), id: z.uuid() }).strict(),
]);

const opportunityInputSchema = z
  .object({
    name: z.string().trim().min(1, { message: 'Give the opportunity a name.' }).max(120),
    stage,
    closeDate,
    amount: z.number().finite().min(0, { message: 'The amount cannot be negative.' }).max(1e12).nullable().optional(),
  })
  .strict();

const conversionRuleInputSchema = z
  .object({
    minMet: z.number().int().min(1, { message: 'At least one criterion must be met.' }).max(30),
    requireCloseDate: z.boolean(),
    stage,
    closeInDays: z.number().int().min(0).max(3650),
  })
  .strict();

/** Salesforce-style conversion of a lead into Account + Contact + Opportunity, by hand or by a show's rule. */
export const conversionChannels = {
  'conversion.suggestions': channel<ConversionSuggestions>()(
    z.object({ leadId: z.uuid(), accountId: z.uuid().optional() }).strict(),
  ),
  'conversion.convert': channel<ConversionSummary>()(
    z
      .object({
        leadId: z.uuid(),
        account: recordChoice,
        contact: recordChoice,
        /** null: "do not create an opportunity". */
        opportunity: opportunityInputSchema.nullable(),
      })
      .strict(),
  ),
  'conversion.undo': channel<Lead>()(z.object({ leadId: z.uuid() }).strict()),
  'conversion.getRule': channel<ConversionRule | null>()(z.object({ eventId: z.uuid() }).strict()),
  'conversion.setRule': channel<ConversionRule | null>()(
    z.object({ eventId: z.uuid(), rule: conversionRuleInputSchema.nullable() }).strict(),
  ),
  'conversion.runRule': channel<AutoConversionReport>()(z.object({ eventId: z.uuid().optional() }).strict()),
  'conversion.cancelRun': channel<{ cancelled: boolean }>()(noInput),
  'conversion.review': channel<ConversionSummary[]>()(noInput),
  'conversion.markReviewed': channel<{ reviewed: boolean }>()(z.object({ id: z.uuid() }).strict()),
};
