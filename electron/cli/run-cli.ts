/**
 * The `leadbooth` process: the entry of the bundle (out/cli/leadbooth.mjs, so `node
 * out/cli/leadbooth.mjs where` runs it) and what bin.mjs runs from source. It only wires the
 * process to main(); tests call main() with their own CliIo.
 */
import { EXIT_FAILED } from './cli-io';
import { main } from './main';
import { processIo } from './process-io';

const io = processIo();
const code = await main(process.argv.slice(2), io);
const failure = io.outputFailure();
if (failure) io.stderr(`leadbooth: the output could not be written (${(failure as NodeJS.ErrnoException).code ?? failure.message}): check the disk or the program reading it.`);
process.exitCode = failure ? EXIT_FAILED : code;
