/**
 * The option shapes the command table (command-table.ts) uses, each written once: an option
 * several commands take (`--json`, `--limit`, `--search`, a show by name, a stage …) has one
 * shape here, so it reads, parses and is documented the same way in every command; the
 * builders (`flag`, `text`, …) keep the table's rows to what differs.
 *
 * Lists of allowed values (statuses, stages, formats) live beside zod schemas, so they are
 * loaded through `choices` only when help is printed (see command-table.ts).
 */
import type { OptionSpec, OptionSpecs } from './parse-command-line';

/** A switch. */
export const flag = (help: string): OptionSpec => ({ type: 'flag', help });

/** A text value; `value` is its placeholder in the usage text ("FILE", "NAME"). */
export const text = (value: string, help: string, more: Pick<OptionSpec, 'required' | 'choices'> = {}): OptionSpec => ({ type: 'text', value, help, ...more });

/** A whole number above 0. */
export const integer = (value: string, help: string): OptionSpec => ({ type: 'integer', value, help });

/** Any number (an amount). */
export const number = (value: string, help: string): OptionSpec => ({ type: 'number', value, help });

/** A text that may be given several times. */
export const repeated = (value: string, help: string, more: Pick<OptionSpec, 'required'> = {}): OptionSpec => ({ type: 'repeated', value, help, ...more });

const stageNames = async (): Promise<readonly string[]> => (await import('../../shared/domain/opportunity')).STAGE_NAMES;

/** `--json` on a command that prints records or a result. */
export const jsonOutput = flag('print JSON, one object per line');

/** `--json` carrying the input itself: a lead's fields, a patch. */
export const jsonInput = (value: string, help: string): OptionSpec => text(value, help, { required: true });

/** `--limit`: how many a list prints. */
export const limit = integer('N', 'print at most N');

/** `--search`: a list narrowed by the start of names. */
export const search = text('TEXT', 'only those whose name (or email) starts with the words');

/** `--account`: a list narrowed to one account. */
export const accountFilter = text('ID', 'only those of this account');

/** A show named by its name (`--event`, `--show`). */
export const showByName = (help: string): OptionSpec => text('NAME', help);

/** The show a command works on, the current one unless named. */
export const showOrCurrent = showByName('the show (default: the current one)');

/** `--stage`: an opportunity stage, one of Salesforce's. */
export const stage = (help: string): OptionSpec => text('STAGE', help, { choices: stageNames });

/** The stage an opportunity made by conversion gets. */
export const newOpportunityStage = stage("the opportunity's stage (default: Prospecting)");

/** `--reason`: why a record moved (a status, a stage) where that move needs one. */
export const reason = (help: string): OptionSpec => text('TEXT', help);

const ratingChoices = async (): Promise<readonly string[]> => [...(await import('../../shared/domain/lead')).LEAD_RATINGS, 'none'];
const captureMethods = async (): Promise<readonly string[]> => (await import('../../shared/domain/lead')).CAPTURE_METHODS;
const statusChoices = async (): Promise<readonly string[]> => (await import('../../shared/domain/lead')).LEAD_STATUSES;
const yesOrNo = async (): Promise<readonly string[]> => ['yes', 'no'];

/**
 * The review list's filter as options (every field of `reviewFilterSchema`), for a command that
 * works on "the leads the list would show": commands/review-filter.ts turns them into the filter.
 */
export const reviewFilterOptions: OptionSpecs = {
  '--search': text('WORDS', 'only leads whose name, company, email or notes have words starting so (as the review list searches)'),
  '--event': showByName('only the leads of this show'),
  '--status': text('STATUS', 'only leads with this status', { choices: statusChoices }),
  '--rating': text('RATING', 'only leads with this rating (none: not rated)', { choices: ratingChoices }),
  '--captured-by': text('NAME', 'only leads this staff member captured (capitals or not)'),
  '--captured-from': text('DAY', 'only leads captured on this local day (YYYY-MM-DD) or later'),
  '--captured-to': text('DAY', 'only leads captured on this local day (YYYY-MM-DD) or earlier'),
  '--consent': text('CONSENT', 'given: consent recorded; missing: not asked or refused', { choices: async () => ['given', 'missing'] }),
  '--how': text('METHOD', 'only leads captured this way', { choices: captureMethods }),
  '--exported': text('YES_NO', 'yes: leads an earlier batch exported; no: the others', { choices: yesOrNo }),
  '--duplicate': text('YES_NO', 'yes: leads the duplicate rule groups with another; no: the others', { choices: yesOrNo }),
};
