import type { ReactNode } from 'react';
import { LeadEntryScreen } from '../capture/entry/LeadEntryScreen';
import { LeadDetailScreen } from '../lead-detail/LeadDetailScreen';
import { LeadsScreen } from '../review/LeadsScreen';
import { AccountDetailScreen } from '../crm/AccountDetailScreen';
import { AccountsScreen } from '../crm/AccountsScreen';
import { ContactDetailScreen } from '../crm/ContactDetailScreen';
import { ContactsScreen } from '../crm/ContactsScreen';
import { OpportunitiesScreen } from '../crm/OpportunitiesScreen';
import { OpportunityDetailScreen } from '../crm/OpportunityDetailScreen';
import { ShowSetupScreen } from '../show-setup/ShowSetupScreen';
import { BackupPanel } from '../backups/BackupPanel';
import { DuplicatesScreen } from '../duplicates/DuplicatesScreen';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import type { Route, ScreenName } from '../store/navigation-slice';
import { ExchangeScreen } from '../exchange/ExchangeScreen';
import { TeamScreen } from '../team/TeamScreen';

/** The side bar's groups, in the order of the day: the booth, the manager's review, the CRM, the show's data. */
export const SIDE_BAR_GROUPS = ['Booth', 'Review', 'CRM', 'Data'] as const;
type SideBarGroup = (typeof SIDE_BAR_GROUPS)[number];

/** A screen: how it renders its route, and (for the top-level ones) its side-bar entry and Alt shortcut. */
interface ScreenEntry<Name extends ScreenName> {
  render(route: Extract<Route, { screen: Name }>): ReactNode;
  tab?: {
    label: string;
    /** Alt+<key> opens it from anywhere: the booth is run from the keyboard. */
    key: string;
    group: SideBarGroup;
  };
  /** The tab to show as selected while this screen is open (a lead's detail belongs to Leads). */
  underTab?: ScreenName;
  /** A list screen whose table may use the window's full width; the others stay a centred reading column. */
  fullWidth?: true;
}

type ScreenRegistry = { [Name in ScreenName]: ScreenEntry<Name> };

/** Every screen of the booth, by route name. A new screen is one entry here and one Route case. */
export const SCREENS: ScreenRegistry = {
  // In the order of the day: the booth, then the manager's review and CRM, then the show's set-up.
  entry: { render: () => <LeadEntryScreen />, tab: { label: 'New lead', key: 'N', group: 'Booth' } },
  leads: { render: () => <LeadsScreen />, tab: { label: 'Leads', key: 'L', group: 'Review' }, fullWidth: true },
  lead: { render: (route) => <LeadDetailScreen key={route.leadId} leadId={route.leadId} />, underTab: 'leads' },
  duplicates: { render: () => <DuplicatesScreen />, tab: { label: 'Duplicates', key: 'U', group: 'Review' } },
  accounts: { render: () => <AccountsScreen />, tab: { label: 'Accounts', key: 'A', group: 'CRM' }, fullWidth: true },
  account: { render: (route) => <AccountDetailScreen accountId={route.accountId} />, underTab: 'accounts' },
  contacts: { render: () => <ContactsScreen />, tab: { label: 'Contacts', key: 'C', group: 'CRM' }, fullWidth: true },
  contact: { render: (route) => <ContactDetailScreen contactId={route.contactId} />, underTab: 'contacts' },
  opportunities: { render: () => <OpportunitiesScreen />, tab: { label: 'Opportunities', key: 'O', group: 'CRM' }, fullWidth: true },
  opportunity: { render: (route) => <OpportunityDetailScreen opportunityId={route.opportunityId} />, underTab: 'opportunities' },
  // Alt+D is the booth's badge field; G for graphs.
  dashboard: { render: () => <DashboardScreen />, tab: { label: 'Dashboard', key: 'G', group: 'Data' } },
  exchange: { render: () => <ExchangeScreen />, tab: { label: 'Export', key: 'E', group: 'Data' } },
  'show-settings': { render: () => <ShowSetupScreen />, tab: { label: 'Show setup', key: 'S', group: 'Data' } },
  backups: { render: () => <BackupPanel />, tab: { label: 'Backups', key: 'B', group: 'Data' } },
  team: { render: () => <TeamScreen />, tab: { label: 'Team', key: 'T', group: 'Data' } },
};

export const TAB_SCREENS = (Object.keys(SCREENS) as ScreenName[]).filter((name) => SCREENS[name].tab);

/** The screens of one side-bar group, in the registry's order. */
export function screensOfGroup(group: SideBarGroup): ScreenName[] {
  return TAB_SCREENS.filter((name) => SCREENS[name].tab?.group === group);
}

/** The side bar's order, group by group (what the arrow keys walk through). */
export const SIDE_BAR_ORDER: ScreenName[] = SIDE_BAR_GROUPS.flatMap(screensOfGroup);

export function renderRoute(route: Route): ReactNode {
  // Each entry renders its own route shape; the registry's mapped type ties them together.
  const entry = SCREENS[route.screen] as ScreenEntry<typeof route.screen>;
  return entry.render(route as never);
}

export function tabOf(route: Route): ScreenName {
  return SCREENS[route.screen].underTab ?? route.screen;
}
