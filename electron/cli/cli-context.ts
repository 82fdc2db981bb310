import type { CliIo } from './cli-io';
import type { CliSession } from './open-client';
import type { CommandArgs } from './parse-command-line';

/** What a running command gets besides its arguments. */
export interface CliContext {
  /** The command's name as in the table ("leads list"). */
  command: string;
  dbPath: string;
  io: CliIo;
  /** Opens the store and the contract's client (open-client.ts); the command closes it. */
  openSession(): Promise<CliSession>;
  /** The app's data folder (the OCR engine's cache lives there). */
  dataDir(): string;
}

/** Runs a command; a number is its exit code (0 when nothing is returned). */
export type CommandRun = (args: CommandArgs, cli: CliContext) => Promise<number | void>;
