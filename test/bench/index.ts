import { runStoreBench } from './store';

const USAGE = 'usage: npm run bench -- <store|scan [DIR…] [--count N] [--seed S] [--no-dev]|scan --cards2 [--seed S] [--count N] [--dir DIR] [--parser-only]|generated [--count N] [--seed S] [--ocr DIR]|convert|faults [TRIALS|locks]|duplicates|exchange [google-csv]|review [--no-browser] [--verbose] [--keep DB]|booth|badges|check-marks DIR [--pages PAGES] [--sweep] [--wrong]|cli|hub [--laptops N] [--leads N] [--concurrent N]|hub --seeds N|hub-apply [--leads N] [--held N] [--cache default|bulk]>';

/** `npm run bench -- NAME [ARGS]`: each benchmark prints one `name value unit` line per figure. */
export async function main(args: string[]): Promise<number> {
  const [name, ...rest] = args;
  switch (name) {
    case 'store':
      await runStoreBench();
      return 0;
    case 'scan': {
      const { runScanBench } = await import('./scan');
      await runScanBench(rest);
      return 0;
    }
    case 'convert': {
      const { runConvertBench } = await import('./convert');
      await runConvertBench();
      return 0;
    }
    case 'faults': {
      const { runFaultsBench } = await import('./faults');
      await runFaultsBench(rest);
      return 0;
    }
    case 'duplicates': {
      const { runDuplicatesBench } = await import('./duplicates');
      await runDuplicatesBench();
      return 0;
    }
    case 'generated': {
      const { runGeneratedBench } = await import('./generated-cards');
      await runGeneratedBench(rest);
      return 0;
    }
    case 'exchange': {
      const { runExchangeBench } = await import('./exchange');
      await runExchangeBench(rest);
      return 0;
    }
    case 'review': {
      const { runReviewBench } = await import('./review');
      await runReviewBench(rest);
      return 0;
    }
    case 'booth': {
      const { runBoothBench } = await import('./booth');
      await runBoothBench();
      return 0;
    }
    case 'badges': {
      const { runBadgesBench } = await import('./badges');
      await runBadgesBench();
      return 0;
    }
    case 'check-marks': {
      const { runCheckMarksBench } = await import('./check-marks');
      await runCheckMarksBench(rest);
      return 0;
    }
    case 'cli': {
      const { runCliStartBench } = await import('./cli-start');
      await runCliStartBench();
      return 0;
    }
    case 'hub': {
      const { runHubBench } = await import('./hub');
      await runHubBench(rest);
      return 0;
    }
    case 'hub-apply': {
      const { runHubApplyBench } = await import('./hub-apply');
      await runHubApplyBench(rest);
      return 0;
    }
    default:
      process.stderr.write(`${USAGE}\n`);
      return 2;
  }
}
