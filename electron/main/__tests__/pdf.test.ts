import { describe, expect, it, vi } from 'vitest';
import { safeFileName } from '../ipc.ts';
import { savePdf } from '../pdf.ts';

vi.mock('electron', () => ({ ipcMain: { handle: vi.fn(), removeHandler: vi.fn() } }));

describe('PDF export from the desktop app', () => {
  it('prints the page with its backgrounds and writes it where the user chose', async () => {
    const printToPDF = vi.fn(async () => Buffer.from('%PDF-1.7'));
    const write = vi.fn(async () => undefined);
    const showSaveDialog = vi.fn(async () => ({ canceled: false, filePath: '/tmp/review.pdf' }));
    expect(await savePdf({ printToPDF }, 'review.pdf', { showSaveDialog, write })).toBe('/tmp/review.pdf');
    expect(printToPDF).toHaveBeenCalledWith(expect.objectContaining({ printBackground: true, pageSize: 'A4' }));
    expect(write).toHaveBeenCalledWith('/tmp/review.pdf', Buffer.from('%PDF-1.7'));
  });

  it('does nothing when the user cancels', async () => {
    const printToPDF = vi.fn(async () => Buffer.from(''));
    const showSaveDialog = vi.fn(async () => ({ canceled: true, filePath: '' }));
    expect(await savePdf({ printToPDF }, 'x.pdf', { showSaveDialog })).toBeNull();
    expect(printToPDF).not.toHaveBeenCalled();
  });

  it('never proposes a path or odd characters from the page', () => {
    expect(safeFileName('../../etc/passwd')).toBe('.._.._etc_passwd.pdf');
    expect(safeFileName('复盘 11-25')).toBe('复盘 11-25.pdf');
    expect(safeFileName(42)).toBe('cuedeck-report.pdf');
    expect(safeFileName('a.PDF')).toBe('a.PDF');
  });
});
