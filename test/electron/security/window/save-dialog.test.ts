import { beforeEach, describe, expect, it, vi } from 'vitest';

const electron = vi.hoisted(() => ({
  app: { getPath: vi.fn((_name: string) => '/home/dana/Documents') },
  BrowserWindow: { getFocusedWindow: vi.fn((): object | null => null), getAllWindows: vi.fn((): object[] => []) },
  dialog: {
    showSaveDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePath?: string }> => ({ canceled: true })),
    showOpenDialog: vi.fn(async (..._args: unknown[]): Promise<{ canceled: boolean; filePaths: string[] }> => ({ canceled: true, filePaths: [] })),
  },
}));
vi.mock('electron', () => electron);

const { chooseExportSavePlace } = await import('../../../../electron/security/window/save-dialog');

beforeEach(() => {
  electron.dialog.showSaveDialog.mockClear();
  electron.dialog.showOpenDialog.mockClear();
});

describe('chooseExportSavePlace', () => {
  it('asks for a file, suggested in Documents, modal to the window that asked; cancelled is null', async () => {
    const window = { id: 1 };
    electron.BrowserWindow.getFocusedWindow.mockReturnValueOnce(window);
    expect(await chooseExportSavePlace({ suggestedName: 'leadbooth-vcard.vcf', folder: false })).toBeNull();
    expect(electron.dialog.showSaveDialog).toHaveBeenCalledWith(window, expect.objectContaining({ defaultPath: '/home/dana/Documents/leadbooth-vcard.vcf' }));

    electron.dialog.showSaveDialog.mockResolvedValueOnce({ canceled: false, filePath: '/home/dana/leads.vcf' });
    expect(await chooseExportSavePlace({ suggestedName: 'leadbooth-vcard.vcf', folder: false })).toBe('/home/dana/leads.vcf');
  });

  it('asks for a folder when the export has several files', async () => {
    electron.dialog.showOpenDialog.mockResolvedValueOnce({ canceled: false, filePaths: ['/home/dana/converted'] });
    expect(await chooseExportSavePlace({ suggestedName: 'leadbooth-salesforce-converted', folder: true })).toBe('/home/dana/converted');
    expect(electron.dialog.showOpenDialog).toHaveBeenCalledWith(expect.objectContaining({ properties: ['openDirectory', 'createDirectory'] }));
    expect(electron.dialog.showSaveDialog).not.toHaveBeenCalled();
  });
});
