/** Someone reached out: step 2 of the lead's life (it confirms interest). */
export const ACTIVITY_TYPES = ['call', 'email', 'meeting', 'note'] as const;
export type ActivityType = (typeof ACTIVITY_TYPES)[number];

export interface Activity {
  id: string;
  leadId: string | null;
  opportunityId: string | null;
  type: ActivityType;
  /** UTC ISO 8601 */
  occurredAt: string;
  outcome: string;
  text: string;
  createdBy: string;
  createdAt: string;
}

/** The placeholders a follow-up template may use. */
export const TEMPLATE_PLACEHOLDERS = ['firstName', 'lastName', 'company', 'show', 'staffName'] as const;
export type TemplatePlaceholder = (typeof TEMPLATE_PLACEHOLDERS)[number];

export const DEFAULT_FOLLOWUP_SUBJECT = 'Great to meet you at {show}';
export const DEFAULT_FOLLOWUP_BODY =
  'Hello {firstName},\n\nthank you for stopping by our booth at {show}. As promised, here is a short follow-up ' +
  'on what we talked about.\n\nWhen would be a good time for a call?\n\nBest regards,\n{staffName}';

/** Fills `{firstName}`-style placeholders; unknown ones are left as typed so a typo is visible. */
export function fillTemplate(template: string, values: Record<TemplatePlaceholder, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    (TEMPLATE_PLACEHOLDERS as readonly string[]).includes(name) ? values[name as TemplatePlaceholder] : whole,
  );
}
