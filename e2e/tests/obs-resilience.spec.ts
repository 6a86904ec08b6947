import { connectObs } from '../support/engine-api.ts';
import { createScene, expect, test } from '../support/fixtures.ts';
import { startHeadlessObs } from '../support/obs-headless.ts';
import { startRtmpIngest } from '../support/rtmp-ingest.ts';
import OBSWebSocket from 'obs-websocket-js/json';

test('OBS killed mid-show: the console says so, reconnects by itself and resyncs within 5 s of OBS being back', async ({ page, engine }) => {
  test.setTimeout(120_000);
  // Its own OBS, so killing it cannot disturb the other tests.
  const obs = await startHeadlessObs();
  try {
    const admin = new OBSWebSocket();
    await admin.connect(obs.url, obs.password);
    const scene = await createScene(admin, 'Survivor');
    await admin.call('SetCurrentProgramScene', { sceneName: scene });
    await admin.disconnect();

    await connectObs(engine, obs);
    await page.goto(`${engine.url}/producer`);
    await expect(page.locator(`[data-testid="scene-button"][data-scene-name="${scene}"]`)).toHaveAttribute('aria-pressed', 'true');

    await obs.stop(); // SIGKILL to the whole process group
    await expect(page.getByTestId('obs-status')).toHaveAttribute('data-phase', /offline|connecting/);
    await expect(page.getByTestId('obs-status-reason')).toContainText(/lost|nothing is listening/i);

    await obs.restart(); // same HOME, port and password; resolves once OBS accepts connections
    const backAt = Date.now();
    // What OBS shows after a crash is whatever it saved; make a fresh change and read the truth from OBS itself.
    const after = new OBSWebSocket();
    await after.connect(obs.url, obs.password);
    const fresh = await createScene(after, 'After restart');
    await after.call('SetCurrentProgramScene', { sceneName: fresh });
    const { scenes } = await after.call('GetSceneList');
    await after.disconnect();
    await expect(page.getByTestId('obs-status')).toHaveAttribute('data-phase', 'connected', { timeout: 5_000 });
    await expect(page.locator(`[data-testid="scene-button"][data-scene-name="${fresh}"]`)).toHaveAttribute('aria-pressed', 'true', { timeout: 5_000 });
    await expect(page.getByTestId('scene-button')).toHaveCount(scenes.length);
    expect(Date.now() - backAt).toBeLessThan(5_000);
  } finally {
    await obs.stop();
  }
});

test('stream to a local RTMP ingest: confirm, live with bitrate, then stop', async ({ page, engine, obsAdmin, obsInfo }) => {
  test.setTimeout(90_000);
  const ingest = await startRtmpIngest();
  try {
    await obsAdmin.call('SetStreamServiceSettings', {
      streamServiceType: 'rtmp_custom',
      streamServiceSettings: { server: ingest.server, key: 'cuedeck-test' },
    });
    await connectObs(engine, obsInfo);
    await page.goto(`${engine.url}/producer`);

    const streamButton = page.getByTestId('stream-button');
    await expect(streamButton).toHaveAttribute('data-state', 'idle');
    await streamButton.click();
    await expect(page.getByTestId('confirm-dialog')).toBeVisible();
    await page.getByTestId('confirm-no').click();
    await expect(streamButton).toHaveAttribute('data-state', 'idle');
    expect((await obsAdmin.call('GetStreamStatus')).outputActive).toBe(false);

    await streamButton.click();
    await page.getByTestId('confirm-yes').click();
    await expect(streamButton).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    await expect(page.getByTestId('stream-timecode')).toHaveText(/^\d\d:\d\d:\d\d$/);
    // Bitrate comes from outputBytes deltas between health samples.
    await expect
      .poll(async () => Number((await page.getByTestId('health-bitrate').innerText()).replace(/[^\d.]/g, '') || 0), { timeout: 15_000 })
      .toBeGreaterThan(0);

    await streamButton.click();
    await page.getByTestId('confirm-yes').click();
    await expect(streamButton).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
    expect((await obsAdmin.call('GetStreamStatus')).outputActive).toBe(false);
  } finally {
    await obsAdmin.call('StopStream').catch(() => undefined);
    await ingest.stop();
  }
});
