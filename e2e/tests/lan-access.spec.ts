import { io } from 'socket.io-client';
import { PROTOCOL_VERSION } from '../../shared/protocol/index.ts';
import { expect, test } from '../support/fixtures.ts';

test('in LAN mode every API call and socket needs the token; the page loads and asks for it', async ({ launchEngine, request, browser }) => {
  const engine = await launchEngine({ args: ['--lan'] });
  expect(engine.output()).toMatch(/LAN access is on/);

  const refused = await request.get(`${engine.url}/api/v1/state`);
  expect(refused.status()).toBe(401);
  const wrong = await request.post(`${engine.url}/api/v1/commands`, {
    headers: { Authorization: 'Bearer wrong-token-wrong-token' },
    data: { type: 'show.setTitle', title: 'hijacked' },
  });
  expect(wrong.status()).toBe(401);
  const allowed = await request.get(`${engine.url}/api/v1/state`, { headers: { Authorization: `Bearer ${engine.token}` } });
  expect(allowed.status()).toBe(200);
  expect((await allowed.json()) as unknown).toMatchObject({ state: { show: { title: expect.any(String) } } });

  const socketError = await new Promise<string>((resolve) => {
    const socket = io(engine.url, { auth: { token: 'nope', protocolVersion: PROTOCOL_VERSION }, transports: ['websocket'], reconnection: false });
    socket.on('connect', () => resolve('connected'));
    socket.on('connect_error', (error) => {
      socket.close();
      resolve(error.message);
    });
  });
  expect(socketError).toBe('unauthorized');

  // A browser on another machine: same engine reached by a name that is not loopback, so no token is handed out.
  const lanBrowser = await browser.browserType().launch({
    executablePath: process.env.CUEDECK_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', `--host-resolver-rules=MAP cuedeck.lan 127.0.0.1`],
  });
  const page = await lanBrowser.newPage();
  await page.goto(`http://cuedeck.lan:${engine.port}/producer`);
  await expect(page.getByTestId('token-form')).toBeVisible();
  await page.getByTestId('token-input').fill(engine.token);
  await page.getByTestId('token-submit').click();
  await expect(page.getByTestId('obs-status')).toBeVisible();
  await expect(page.getByTestId('token-form')).toHaveCount(0);
  await lanBrowser.close();
});
