import { writeFile } from 'node:fs/promises';
import type * as Electron from 'electron';

/** The slices of Electron the PDF export uses; fakes in tests. */
export interface PdfDeps {
  showSaveDialog: (options: Electron.SaveDialogOptions) => Promise<Electron.SaveDialogReturnValue>;
  write?: (path: string, data: Buffer) => Promise<void>;
}

/**
 * The printable review as a PDF from the desktop app: the page's own print stylesheet applies (A4, backgrounds
 * on so the charts keep their bands); the user chooses where it goes.
 */
export async function savePdf(sender: Pick<Electron.WebContents, 'printToPDF'>, suggestedName: string, deps: PdfDeps): Promise<string | null> {
  const choice = await deps.showSaveDialog({ defaultPath: suggestedName, filters: [{ name: 'PDF', extensions: ['pdf'] }] });
  if (choice.canceled || !choice.filePath) return null;
  const pdf = await sender.printToPDF({ pageSize: 'A4', printBackground: true });
  await (deps.write ?? ((path, data) => writeFile(path, data)))(choice.filePath, pdf);
  return choice.filePath;
}
