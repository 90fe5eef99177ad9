import type { BaseWindow, Dialog } from 'electron';

export interface AboutInfo {
  appName: string;
  version: string;
  /** Shown so an operator can find the profiles and the audit log on disk. */
  dataDir: string;
}

/** The text of the About box: app version, the runtime versions and where the data lives. */
export function aboutDetail(info: AboutInfo, versions: NodeJS.ProcessVersions = process.versions): string {
  return [
    `Version ${info.version}`,
    `Electron ${versions.electron ?? 'unknown'}, Chromium ${versions.chrome ?? 'unknown'}, Node ${versions.node}`,
    `Data directory: ${info.dataDir}`,
  ].join('\n');
}

/** Shows the About box, attached to `window` when there is one. */
export async function showAboutDialog(
  dialog: Pick<Dialog, 'showMessageBox'>,
  info: AboutInfo,
  window: BaseWindow | null,
): Promise<void> {
  const options = {
    type: 'info' as const,
    title: `About ${info.appName}`,
    message: info.appName,
    detail: aboutDetail(info),
    buttons: ['OK'],
  };
  await (window ? dialog.showMessageBox(window, options) : dialog.showMessageBox(options));
}
