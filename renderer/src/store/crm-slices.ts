import type { SliceCreator } from './app-state';
import { createAccountsSlice, type AccountsSlice } from './accounts-slice';
import { createContactsSlice, type ContactsSlice } from './contacts-slice';
import { createConversionReviewSlice, type ConversionReviewSlice } from './conversion-review-slice';
import { createConversionRuleSlice, type ConversionRuleSlice } from './conversion-rule-slice';
import { createCrmRecordsSlice, type CrmRecordsSlice } from './crm-records-slice';
import { createOpportunitiesSlice, type OpportunitiesSlice } from './opportunities-slice';
import { createOpportunitySlice, type OpportunitySlice } from './opportunity-slice';
import { createShowSetupSlice, type ShowSetupSlice } from './show-setup-slice';

/** Grouped so app-state.ts names them in one line (a small merge with other branches' slices). */
export type CrmSlices = AccountsSlice & ContactsSlice & OpportunitiesSlice & CrmRecordsSlice & OpportunitySlice & ShowSetupSlice & ConversionRuleSlice & ConversionReviewSlice;

/** The Accounts / Contacts / Opportunities screens' and the show setup's slices, combined in one place for app-store.ts. */
export const createCrmSlices: SliceCreator<CrmSlices> = (deps) => (...args) => ({
  ...createAccountsSlice(deps)(...args),
  ...createContactsSlice(deps)(...args),
  ...createOpportunitiesSlice(deps)(...args),
  ...createCrmRecordsSlice(deps)(...args),
  ...createOpportunitySlice(deps)(...args),
  ...createShowSetupSlice(deps)(...args),
  ...createConversionRuleSlice(deps)(...args),
  ...createConversionReviewSlice(deps)(...args),
});
