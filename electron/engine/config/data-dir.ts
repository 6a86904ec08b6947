import os from 'node:os';
import path from 'node:path';

/** The OS's per-user application data folder, the same folder the desktop shell passes (userData/data), so both share one database. */
export function defaultDataDir(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string {
  const home = os.homedir();
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Cuedeck', 'data');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Cuedeck', 'data');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Cuedeck', 'data');
}
