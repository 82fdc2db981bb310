import type { ConversionRule } from '../../../shared/domain/crm';
import type { AutoConversionReport } from '../../../shared/ipc/contract';
import type { SliceCreator } from './app-state';
import { toUiError, type UiError } from './ui-error';

type ConversionRuleInput = Omit<ConversionRule, 'eventId'>;

/** Running the rule over a show: how far it is, then what it did. */
type RuleRun =
  | { status: 'idle' }
  | { status: 'running'; done: number; total: number; cancelling: boolean }
  | { status: 'finished'; report: AutoConversionReport }
  | { status: 'failed'; message: string };

/** A show's automatic conversion rule, and running it over the show's leads. */
export interface ConversionRuleSlice {
  /** The rule of `ruleEventId`; null when the show has none (automatic conversion is off). */
  rule: ConversionRule | null;
  ruleEventId: string | null;
  ruleLoading: boolean;
  ruleSaving: boolean;
  /** Field keys: rule.minMet, rule.stage, rule.closeInDays, … */
  ruleError: UiError | null;
  ruleRun: RuleRun;

  loadRule(eventId: string): Promise<void>;
  /** Saves the rule, or with null turns automatic conversion off. */
  saveRule(eventId: string, rule: ConversionRuleInput | null): Promise<boolean>;
  runRule(eventId: string): Promise<void>;
  cancelRuleRun(): Promise<void>;
}

export const createConversionRuleSlice: SliceCreator<ConversionRuleSlice> = ({ api, bridge }) => (set, get) => ({
  rule: null,
  ruleEventId: null,
  ruleLoading: false,
  ruleSaving: false,
  ruleError: null,
  ruleRun: { status: 'idle' },

  async loadRule(eventId) {
    if (get().ruleEventId !== eventId) set({ rule: null, ruleEventId: eventId, ruleRun: { status: 'idle' } });
    set({ ruleLoading: true, ruleError: null });
    try {
      const rule = await api['conversion.getRule']({ eventId });
      if (get().ruleEventId === eventId) set({ rule, ruleLoading: false });
    } catch (error) {
      if (get().ruleEventId === eventId) set({ ruleLoading: false, ruleError: toUiError(error) });
    }
  },

  async saveRule(eventId, rule) {
    set({ ruleSaving: true, ruleError: null });
    try {
      const saved = await api['conversion.setRule']({ eventId, rule });
      set({ rule: saved, ruleEventId: eventId, ruleSaving: false });
      return true;
    } catch (error) {
      set({ ruleSaving: false, ruleError: toUiError(error) });
      return false;
    }
  },

  async runRule(eventId) {
    if (get().ruleRun.status === 'running') return;
    set({ ruleRun: { status: 'running', done: 0, total: 0, cancelling: false } });
    // Progress arrives as events while the call is out; only this run listens.
    const stop = bridge.on('conversion.progress', ({ done, total }) => {
      const run = get().ruleRun;
      if (run.status === 'running') set({ ruleRun: { ...run, done, total } });
    });
    try {
      const report = await api['conversion.runRule']({ eventId });
      set({ ruleRun: { status: 'finished', report } });
      void get().loadReview();
    } catch (error) {
      set({ ruleRun: { status: 'failed', message: toUiError(error).message } });
    } finally {
      stop();
    }
  },

  async cancelRuleRun() {
    const run = get().ruleRun;
    if (run.status !== 'running') return;
    set({ ruleRun: { ...run, cancelling: true } });
    try {
      const { cancelled } = await api['conversion.cancelRun']({});
      // Nothing was running on the other side yet (or any more): let the person press Cancel again.
      const now = get().ruleRun;
      if (!cancelled && now.status === 'running') set({ ruleRun: { ...now, cancelling: false } });
    } catch (error) {
      // The run goes on; say why the cancel did not get through.
      set({ ruleRun: { status: 'failed', message: toUiError(error).message } });
    }
  },
});
