/**
 * Where the desktop app saves an export: Electron's save dialog for one file, a folder
 * picker for an export of several files (the converted records' CSVs). Only asks: the
 * export service writes the files (atomically, 0600) and records the batch.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog } from 'electron';

export async function chooseExportSavePlace(request: { suggestedName: string; folder: boolean }): Promise<string | null> {
  // Modal to the window that asked, so the dialog cannot end up behind it.
  const window = BrowserWindow.getFocusedWindow() ?? BrowserWindow.getAllWindows()[0];
  const documents = app.getPath('documents');
  if (request.folder) {
    const options: Electron.OpenDialogOptions = {
      title: 'Choose the folder for the export files',
      buttonLabel: 'Save here',
      defaultPath: documents,
      properties: ['openDirectory', 'createDirectory'],
    };
    const chosen = window ? await dialog.showOpenDialog(window, options) : await dialog.showOpenDialog(options);
    return chosen.canceled ? null : (chosen.filePaths[0] ?? null);
  }
  const options: Electron.SaveDialogOptions = { title: 'Save the export', defaultPath: path.join(documents, request.suggestedName), properties: ['showOverwriteConfirmation'] };
  const chosen = window ? await dialog.showSaveDialog(window, options) : await dialog.showSaveDialog(options);
  return chosen.canceled || !chosen.filePath ? null : chosen.filePath;
}
