import { command, connectObs, snapshot } from '../support/engine-api.ts';
import { createScene, expect, programScene, test } from '../support/fixtures.ts';
import type OBSWebSocket from 'obs-websocket-js/json';

const sceneButton = (name: string) => `[data-testid="scene-button"][data-scene-name="${name}"]`;

/** A scene with two coloured "cameras" the tests can toggle. */
async function sceneWithCameras(obs: OBSWebSocket, prefix: string): Promise<{ scene: string; camA: string; camB: string }> {
  const scene = await createScene(obs, prefix);
  const suffix = scene.split(' ').at(-1) ?? '';
  const camA = `CamA ${suffix}`;
  const camB = `CamB ${suffix}`;
  await obs.call('CreateInput', { sceneName: scene, inputName: camA, inputKind: 'color_source_v3', inputSettings: { color: 0xff0000ff } });
  await obs.call('CreateInput', { sceneName: scene, inputName: camB, inputKind: 'color_source_v3', inputSettings: { color: 0xff00ff00 } });
  return { scene, camA, camB };
}

async function itemEnabled(obs: OBSWebSocket, sceneName: string, sourceName: string): Promise<boolean> {
  const { sceneItemId } = await obs.call('GetSceneItemId', { sceneName, sourceName });
  return (await obs.call('GetSceneItemEnabled', { sceneName, sceneItemId })).sceneItemEnabled;
}

test.beforeEach(async ({ obsAdmin }) => {
  // Each test starts outside studio mode with a Cut, so scene changes are confirmed in milliseconds.
  await obsAdmin.call('SetStudioModeEnabled', { studioModeEnabled: false });
  await obsAdmin.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
});

test('studio mode: a click prepares the preview, Take puts it on program', async ({ page, engine, obsAdmin, obsInfo }) => {
  const first = await createScene(obsAdmin, 'Opening');
  const second = await createScene(obsAdmin, 'Demo');
  await obsAdmin.call('SetCurrentProgramScene', { sceneName: first });
  await connectObs(engine, obsInfo);
  await page.goto(`${engine.url}/producer`);

  await page.getByTestId('studio-mode-toggle').click();
  await expect(page.getByTestId('studio-mode-toggle')).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(async () => (await obsAdmin.call('GetStudioModeEnabled')).studioModeEnabled).toBe(true);

  await page.locator(sceneButton(second)).click();
  await expect.poll(async () => (await obsAdmin.call('GetCurrentPreviewScene')).currentPreviewSceneName).toBe(second);
  await expect(page.locator(sceneButton(second))).toHaveAttribute('data-preview', 'true');
  expect(await programScene(obsAdmin)).toBe(first);

  await page.getByTestId('take-button').click();
  await expect.poll(() => programScene(obsAdmin)).toBe(second);
  await expect(page.locator(sceneButton(second))).toHaveAttribute('aria-pressed', 'true');

  // Studio mode switched off in OBS itself shows up here.
  await obsAdmin.call('SetStudioModeEnabled', { studioModeEnabled: false });
  await expect(page.getByTestId('studio-mode-toggle')).toHaveAttribute('aria-pressed', 'false');
});

test('transition list and choice follow OBS', async ({ page, engine, obsAdmin, obsInfo }) => {
  await connectObs(engine, obsInfo);
  await page.goto(`${engine.url}/producer`);
  await expect(page.getByTestId('transition-select')).toHaveValue('Cut');
  await page.getByTestId('transition-select').selectOption('Fade');
  await expect.poll(async () => (await obsAdmin.call('GetCurrentSceneTransition')).transitionName).toBe('Fade');
  await obsAdmin.call('SetCurrentSceneTransition', { transitionName: 'Cut' });
  await expect(page.getByTestId('transition-select')).toHaveValue('Cut');
});

test('scene items are toggles, and changes made in OBS show up', async ({ page, engine, obsAdmin, obsInfo }) => {
  const { scene, camA } = await sceneWithCameras(obsAdmin, 'Items');
  await obsAdmin.call('SetCurrentProgramScene', { sceneName: scene });
  await connectObs(engine, obsInfo);
  await page.goto(`${engine.url}/producer`);
  const toggle = page.locator(`[data-testid="scene-item-toggle"][data-source-name="${camA}"]`);
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect.poll(() => itemEnabled(obsAdmin, scene, camA)).toBe(false);
  await expect(toggle).toHaveAttribute('aria-pressed', 'false');

  const { sceneItemId } = await obsAdmin.call('GetSceneItemId', { sceneName: scene, sourceName: camA });
  await obsAdmin.call('SetSceneItemEnabled', { sceneName: scene, sceneItemId, sceneItemEnabled: true });
  await expect(toggle).toHaveAttribute('aria-pressed', 'true');
});

test('camera presets: mark cameras, save a preset, apply it with one click', async ({ page, engine, obsAdmin, obsInfo }) => {
  const { scene, camA, camB } = await sceneWithCameras(obsAdmin, 'Presets');
  const other = await createScene(obsAdmin, 'Elsewhere');
  await obsAdmin.call('SetCurrentProgramScene', { sceneName: scene });
  await connectObs(engine, obsInfo);
  await page.goto(`${engine.url}/producer`);

  // Marks show the engine's setup, so each changes once the engine has it: click, then wait for the state.
  for (const cam of [camA, camB]) {
    const mark = page.locator(`[data-testid="camera-mark"][data-source-name="${cam}"]`);
    await mark.click();
    await expect(mark).toBeChecked();
  }
  await expect.poll(async () => (await snapshot(engine)).state.obsSetup.cameraSources.sort()).toEqual([camA, camB].sort());

  // Close-up: A on, B off; save it.
  await page.locator(`[data-testid="scene-item-toggle"][data-source-name="${camB}"]`).click();
  await expect.poll(() => itemEnabled(obsAdmin, scene, camB)).toBe(false);
  await page.getByTestId('preset-name').fill('Close-up');
  await page.getByTestId('preset-save').click();
  const preset = page.getByTestId('preset-button').filter({ hasText: 'Close-up' });
  await expect(preset).toBeVisible();

  // Change everything, then one click restores the preset's scene and cameras.
  const { sceneItemId: idB } = await obsAdmin.call('GetSceneItemId', { sceneName: scene, sourceName: camB });
  const { sceneItemId: idA } = await obsAdmin.call('GetSceneItemId', { sceneName: scene, sourceName: camA });
  await obsAdmin.call('SetSceneItemEnabled', { sceneName: scene, sceneItemId: idB, sceneItemEnabled: true });
  await obsAdmin.call('SetSceneItemEnabled', { sceneName: scene, sceneItemId: idA, sceneItemEnabled: false });
  await obsAdmin.call('SetCurrentProgramScene', { sceneName: other });
  await expect(page.locator(sceneButton(other))).toHaveAttribute('aria-pressed', 'true');

  await preset.click();
  await expect.poll(() => programScene(obsAdmin)).toBe(scene);
  expect(await itemEnabled(obsAdmin, scene, camA)).toBe(true);
  expect(await itemEnabled(obsAdmin, scene, camB)).toBe(false);
});

test('panic cuts to the safe scene with one key, undo returns to the show', async ({ page, engine, obsAdmin, obsInfo }) => {
  const show = await createScene(obsAdmin, 'Live demo');
  const safe = await createScene(obsAdmin, 'BRB');
  await obsAdmin.call('SetCurrentProgramScene', { sceneName: show });
  await connectObs(engine, obsInfo);

  await page.goto(`${engine.url}/settings`);
  await page.getByTestId('safe-scene-select').selectOption(safe);
  await expect.poll(async () => (await snapshot(engine)).state.obsSetup.safeScene).toBe(safe);

  await page.goto(`${engine.url}/producer`);
  await expect(page.locator(sceneButton(show))).toHaveAttribute('aria-pressed', 'true');
  await page.keyboard.press('b');
  await expect.poll(() => programScene(obsAdmin)).toBe(safe);
  await expect(page.getByTestId('panic-active')).toBeVisible();

  await page.getByTestId('panic-undo').click();
  await expect.poll(() => programScene(obsAdmin)).toBe(show);
  await expect(page.getByTestId('panic-active')).toHaveCount(0);

  // And the button does the same as the key.
  await page.getByTestId('panic-button').click();
  await expect.poll(() => programScene(obsAdmin)).toBe(safe);
  await expect(page.getByTestId('panic-active')).toBeVisible();
  await page.keyboard.press('Shift+B');
  await expect.poll(() => programScene(obsAdmin)).toBe(show);
});

test('number keys switch scenes in OBS order', async ({ page, engine, obsAdmin, obsInfo }) => {
  await createScene(obsAdmin, 'Keyed');
  await connectObs(engine, obsInfo);
  await page.goto(`${engine.url}/producer`);
  const scenes = (await snapshot(engine)).state.obs.scenes;
  const first = scenes[0]?.name ?? '';
  const second = scenes[1]?.name ?? '';
  await page.keyboard.press('2');
  await expect.poll(() => programScene(obsAdmin)).toBe(second);
  await page.keyboard.press('1');
  await expect.poll(() => programScene(obsAdmin)).toBe(first);
});

test('microphones marked in settings can be muted from the producer view', async ({ page, engine, obsAdmin, obsInfo }) => {
  const scene = await createScene(obsAdmin, 'Audio');
  const mic = `Mic ${scene.split(' ').at(-1) ?? ''}`;
  // A media source carries an audio track, so OBS keeps a mute state for it like for a real microphone.
  await obsAdmin.call('CreateInput', { sceneName: scene, inputName: mic, inputKind: 'ffmpeg_source', inputSettings: {} });
  await connectObs(engine, obsInfo);

  await page.goto(`${engine.url}/settings`);
  const mark = page.locator(`[data-testid="mic-mark"][data-input-name="${mic}"]`);
  await mark.click();
  await expect(mark).toBeChecked();
  await expect.poll(async () => (await snapshot(engine)).state.obsSetup.microphoneInputs).toContain(mic);

  await page.goto(`${engine.url}/producer`);
  const toggle = page.locator(`[data-testid="mic-toggle"][data-input-name="${mic}"]`);
  await expect(toggle).toHaveAttribute('data-muted', 'false');
  await toggle.click();
  await expect.poll(async () => (await obsAdmin.call('GetInputMute', { inputName: mic })).inputMuted).toBe(true);
  await expect(toggle).toHaveAttribute('data-muted', 'true');
  await obsAdmin.call('SetInputMute', { inputName: mic, inputMuted: false });
  await expect(toggle).toHaveAttribute('data-muted', 'false');
});

test('recording: start behind a confirmation, pause stops the timecode, resume goes on, stop saves the file', async ({ page, engine, obsAdmin, obsInfo }) => {
  test.setTimeout(90_000);
  // OBS's default (Simple mode, quality "Same as stream") shares the stream encoder and cannot pause.
  await obsAdmin.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'RecQuality', parameterValue: 'Stream' });
  await connectObs(engine, obsInfo);
  await page.goto(`${engine.url}/producer`);
  const button = page.getByTestId('record-button');
  try {
    await obsAdmin.call('StartRecord');
    await expect(button).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    await page.getByTestId('record-pause-button').click();
    await expect(page.getByText(/cannot pause/)).toBeVisible();
    await expect(page.getByTestId('record-pause-button')).toHaveAttribute('aria-pressed', 'false');
    await obsAdmin.call('StopRecord');
    await expect(button).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });

    // With an encoder of its own the recording pauses.
    await obsAdmin.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'RecQuality', parameterValue: 'Small' });
    await button.click();
    await page.getByTestId('confirm-yes').click();
    await expect(button).toHaveAttribute('data-state', 'live', { timeout: 15_000 });
    const timecode = page.getByTestId('record-timecode');
    const pause = page.getByTestId('record-pause-button');
    await expect(timecode).not.toHaveText('00:00:00', { timeout: 5_000 });

    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'true');
    await expect.poll(async () => (await obsAdmin.call('GetRecordStatus')).outputPaused).toBe(true);
    await expect(page.getByTestId('record-state')).toContainText(/paused/i);
    const held = await timecode.innerText();
    await page.waitForTimeout(2_200);
    await expect(timecode).toHaveText(held);

    await pause.click();
    await expect(pause).toHaveAttribute('aria-pressed', 'false');
    await expect.poll(async () => (await obsAdmin.call('GetRecordStatus')).outputPaused).toBe(false);
    await expect(timecode).not.toHaveText(held, { timeout: 5_000 });
    // Resuming a recording that is running answers with a clear conflict.
    const resumeAgain = await command(engine, { type: 'obs.record', action: 'resume' });
    expect(resumeAgain).toMatchObject({ ok: false, error: { code: 'conflict', message: 'The recording is not paused.' } });

    await button.click();
    await page.getByTestId('confirm-yes').click();
    await expect(button).toHaveAttribute('data-state', 'idle', { timeout: 15_000 });
    await expect(page.getByTestId('record-last-file')).toBeVisible();
  } finally {
    await obsAdmin.call('StopRecord').catch(() => undefined);
    await obsAdmin.call('SetProfileParameter', { parameterCategory: 'SimpleOutput', parameterName: 'RecQuality', parameterValue: 'Stream' });
  }
});

test('the HTTP API drives the same actions and refuses calls without the token', async ({ engine, obsAdmin, obsInfo }) => {
  const target = await createScene(obsAdmin, 'Deck');
  await connectObs(engine, obsInfo);
  const unauthorized = await fetch(`${engine.url}/api/v1/commands`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ type: 'obs.setProgramScene', sceneName: target }),
  });
  expect(unauthorized.status).toBe(401);
  expect(await programScene(obsAdmin)).not.toBe(target);

  expect(await command(engine, { type: 'obs.setProgramScene', sceneName: target })).toEqual({ ok: true });
  await expect.poll(() => programScene(obsAdmin)).toBe(target);
  expect(await command(engine, { type: 'obs.take' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  expect(await command(engine, { type: 'obs.setProgramScene', sceneName: 'No such scene here' })).toMatchObject({
    ok: false,
    error: { code: 'obs_request_failed' },
  });
});
