import type { ReactNode } from 'react';
import { LeadEntryScreen } from '../entry/LeadEntryScreen';
import { LeadDetailScreen } from '../lead/LeadDetailScreen';
import { LeadsScreen } from '../leads/LeadsScreen';
import { DuplicatesScreen } from '../duplicates/DuplicatesScreen';
import { DashboardScreen } from '../dashboard/DashboardScreen';
import type { Route, ScreenName } from '../store/navigation-slice';

/** A screen: how it renders its route, and (for the top-level ones) its tab and Alt shortcut. */
export interface ScreenEntry<Name extends ScreenName> {
  render(route: Extract<Route, { screen: Name }>): ReactNode;
  tab?: { label: string; /** Alt+<key> opens it from anywhere: the booth is run from the keyboard. */ key: string };
  /** The tab to show as selected while this screen is open (a lead's detail belongs to Leads). */
  underTab?: ScreenName;
}

type ScreenRegistry = { [Name in ScreenName]: ScreenEntry<Name> };

/** Every screen of the booth, by route name. A new screen is one entry here and one Route case. */
export const SCREENS: ScreenRegistry = {
  entry: { render: () => <LeadEntryScreen />, tab: { label: 'New lead', key: 'N' } },
  leads: { render: () => <LeadsScreen />, tab: { label: 'Leads', key: 'L' } },
  lead: { render: (route) => <LeadDetailScreen key={route.leadId} leadId={route.leadId} />, underTab: 'leads' },
  accounts: { render: () => <p>Accounts</p>, tab: { label: 'Accounts', key: 'A' } },
  account: { render: () => <p>Account</p>, underTab: 'accounts' },
  contact: { render: () => <p>Contact</p>, underTab: 'accounts' },
  opportunities: { render: () => <p>Opportunities</p>, tab: { label: 'Opportunities', key: 'O' } },
  opportunity: { render: () => <p>Opportunity</p>, underTab: 'opportunities' },
  'show-settings': { render: () => <p>Show settings</p>, tab: { label: 'Show setup', key: 'S' } },
  duplicates: { render: () => <DuplicatesScreen />, tab: { label: 'Duplicates', key: 'U' } },
  dashboard: { render: () => <DashboardScreen />, tab: { label: 'Dashboard', key: 'D' } },
};

export const TAB_SCREENS = (Object.keys(SCREENS) as ScreenName[]).filter((name) => SCREENS[name].tab);

export function renderRoute(route: Route): ReactNode {
  // Each entry renders its own route shape; the registry's mapped type ties them together.
  const entry = SCREENS[route.screen] as ScreenEntry<typeof route.screen>;
  return entry.render(route as never);
}

export function tabOf(route: Route): ScreenName {
  return SCREENS[route.screen].underTab ?? route.screen;
}
