import type { AreaHandlers } from '../../../shared/ipc/contract';
import { cancelExchangeJob } from '../exchange-jobs';
import { confirmExport, exportBatch, exportBatchAgain, listBatches, previewExport, saveExportToChosenPlace } from '../export-service';
import { importFile, previewCsvImport } from '../import-service';
import { getSalesforceProfile, saveSalesforceProfile } from '../salesforce-profile-service';
import type { ServiceContext } from '../service-context';

export function exchangeHandlers(context: ServiceContext): AreaHandlers<'exchange'> {
  return {
    'exchange.preview': (input) => previewExport(context, input),
    'exchange.export': (input) => exportBatch(context, input),
    'exchange.salesforceProfile': () => getSalesforceProfile(context),
    'exchange.saveSalesforceProfile': (input) => saveSalesforceProfile(context, input),
    'exchange.exportAgain': (input) => exportBatchAgain(context, input.batchId),
    'exchange.confirmExport': (input) => confirmExport(context, input.batchId),
    'exchange.saveExport': (input) => saveExportToChosenPlace(context, input.batchId),
    'exchange.batches': (input) => listBatches(context, input.limit),
    'exchange.cancel': async () => cancelExchangeJob(context),
    'exchange.readCsv': (input) => previewCsvImport(context, { fileName: input.fileName, bytes: Buffer.from(input.base64, 'base64') }),
    'exchange.import': (input) =>
      importFile(context, {
        fileName: input.fileName,
        bytes: Buffer.from(input.base64, 'base64'),
        eventId: input.eventId,
        mapping: input.mapping,
        rememberMapping: input.rememberMapping,
        problemRows: input.problemRows,
      }),
  };
}
