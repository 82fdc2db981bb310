import { SCREENS, SIDE_BAR_ORDER } from './screens';

/** One line of the shortcut sheet: the keys as printed on the keyboard, and what they do. */
interface Shortcut {
  keys: string;
  does: string;
}

interface ShortcutSection {
  title: string;
  shortcuts: Shortcut[];
}

/**
 * Every keyboard shortcut of the app, for the help sheet. The screen keys come from the screen
 * registry (so a new screen shows up by itself); the others are handled where they act
 * (the lead form, the review list, a record's page) and are listed here by hand — change both together.
 */
export const SHORTCUT_SECTIONS: ShortcutSection[] = [
  {
    title: 'Anywhere',
    shortcuts: [
      ...SIDE_BAR_ORDER.flatMap((name) => {
        const tab = SCREENS[name].tab;
        return tab ? [{ keys: `Alt+${tab.key}`, does: `Open ${tab.label}` }] : [];
      }),
      { keys: '? or F1', does: 'Show this list of shortcuts' },
      { keys: 'Escape', does: 'Close this list; on a record’s page, go back' },
    ],
  },
  {
    title: 'New lead',
    shortcuts: [
      { keys: 'Enter', does: 'Save the lead (from any field but Notes)' },
      { keys: 'Ctrl+Enter', does: 'Save the lead from Notes' },
      { keys: 'Alt+D', does: 'Go to the badge field, ready for the scanner' },
      { keys: 'Alt+X', does: 'Swap the field with its usual mix-up (in Name: first and last name)' },
    ],
  },
  {
    title: 'Leads list',
    shortcuts: [
      { keys: '↑ / ↓', does: 'Move to the next or previous lead' },
      { keys: 'PgUp / PgDn', does: 'Move a screenful' },
      { keys: 'Home / End', does: 'Go to the first or last lead' },
      { keys: 'Space', does: 'Select or unselect the lead' },
      { keys: 'Shift+↑ / Shift+↓', does: 'Extend the selection' },
      { keys: 'Ctrl+A', does: 'Select every lead the filters match' },
      { keys: 'Escape', does: 'Clear the selection' },
    ],
  },
  {
    title: 'A lead’s page',
    shortcuts: [{ keys: 'Ctrl+Enter', does: 'Save the changed fields' }],
  },
];
