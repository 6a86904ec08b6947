import { localToastId, useNotices } from '../stores/notices.ts';
import { shellNoticeLevel } from '../features/notices/shellNotice.ts';
import { getShell } from './shellBridge.ts';

/** Shows the desktop shell's notices (engine crashed, restarting…) as toasts; a no-op in a plain browser. */
export function subscribeShellNotices(): () => void {
  const shell = getShell();
  if (shell === undefined) return () => {};
  return shell.onNotice((notice) =>
    useNotices.getState().show({
      id: localToastId('shell'),
      level: shellNoticeLevel(notice),
      content: { kind: 'shell', notice },
    }),
  );
}
