/**
 * English texts: the source of truth for the message keys. Every visible string in the renderer comes from here
 * (or the same key in another language). `{name}` placeholders are filled by `t(key, params)`.
 */
export const en = {
  'app.title': 'Cuedeck',
  'app.titleWithView': 'Cuedeck · {view}',

  'nav.label': 'Main navigation',
  'nav.producer': 'Producer',
  'nav.streamer': 'Streamer',
  'nav.settings': 'Settings',

  'language.label': 'Language',
  'language.en': 'English',
  'language.zh-CN': '中文',

  'engine.connecting': 'Connecting to the engine…',
  'engine.reconnecting': 'Lost the engine — reconnecting…',
  'engine.waiting': 'Waiting for the engine…',

  'connection.connecting': 'Connecting…',
  'connection.connected': 'Connected',
  'connection.reconnecting': 'Reconnecting…',
  'connection.unauthorized': 'Access token needed',
  'connection.protocol_mismatch': 'Version mismatch — reload',

  'protocol.title': 'This page does not match the running engine',
  'protocol.body': 'Cuedeck was updated. Reload the page to get the matching version.',
  'protocol.reload': 'Reload',

  'token.title': 'Access token needed',
  'token.needed':
    'This engine needs an access token. Open the Cuedeck link the producer shared, or paste the token from the control computer.',
  'token.refused': 'The engine did not accept this token. Check it and try again.',
  'token.label': 'Access token',
  'token.placeholder': 'Paste the access token',
  'token.submit': 'Connect',
  'token.reload': 'Reload page',

  'notFound.title': 'Page not found',
  'notFound.body': 'There is nothing at {path}.',
  'notFound.links': 'Go to',

  'obs.heading': 'OBS',
  'obs.status.label': 'OBS status',
  'obs.phase.connected': 'Connected',
  'obs.phase.connecting': 'Connecting…',
  'obs.phase.offline': 'Offline',
  'obs.versions': 'OBS {obs} · WebSocket {websocket}',
  'obs.reason.not_configured': 'OBS is not set up yet — open Settings',
  'obs.reason.auth_failed': 'OBS refused the password — check it in Settings',
  'obs.reason.refused': 'Nothing is listening at {url} — is OBS running with its WebSocket server on?',
  'obs.reason.unreachable': 'Cannot reach {url} — check the address and the network',
  'obs.reason.lost': 'Lost the connection to OBS',
  'obs.reason.closed_by_user': 'Disconnected — press Connect to reconnect',
  'obs.reason.error': 'The OBS connection failed',
  'obs.connectingTo': 'Trying {url}…',
  'obs.retryIn': 'Retrying in {seconds} s',
  'obs.retryNow': 'Retrying now…',
  'obs.connect': 'Connect',
  'obs.disconnect': 'Disconnect',
  'obs.openSettings': 'Open Settings',
  'obs.connectFailed': 'Could not connect to OBS',
  'obs.disconnectFailed': 'Could not disconnect from OBS',

  'scenes.heading': 'Scenes',
  'scenes.program': 'PROGRAM',
  'scenes.switching': 'Switching…',
  'scenes.switchTo': 'Put “{scene}” on program',
  'scenes.onProgram': '“{scene}” is on program',
  'scenes.emptyOffline': 'Scenes appear here once OBS is connected.',
  'scenes.emptyNone': 'OBS has no scenes yet.',
  'scenes.switchFailed': 'Could not switch to “{scene}”',

  'show.label': 'Show',
  'show.untitled': 'Untitled show',

  'streamer.placeholder': 'Your current segment will appear here during the show.',
  'streamer.connection.label': 'Link to the control room',

  'settings.heading': 'Settings',
  'settings.obs.heading': 'OBS connection',
  'settings.obs.help': 'In OBS open Tools → WebSocket Server Settings, enable the server, then copy its address and password here.',
  'settings.obs.url': 'WebSocket address',
  'settings.obs.urlPlaceholder': 'ws://127.0.0.1:4455',
  'settings.obs.password': 'Password',
  'settings.obs.passwordSaved': 'A password is saved — leave empty to keep it',
  'settings.obs.passwordNone': 'Leave empty if OBS has no password',
  'settings.obs.clearPassword': 'Remove saved password',
  'settings.obs.save': 'Save and connect',
  'settings.obs.saving': 'Saving…',
  'settings.obs.saved': 'Saved',
  'settings.obs.failed': 'Could not save the OBS settings',
  'settings.show.heading': 'Show',
  'settings.show.title': 'Show title',
  'settings.show.titlePlaceholder': 'e.g. Spring skincare live',
  'settings.show.save': 'Save title',
  'settings.show.saved': 'Title saved',
  'settings.show.failed': 'Could not save the title',
  'settings.language.heading': 'Language',

  'error.code.bad_request': 'The engine refused the request',
  'error.code.unauthorized': 'Not authorised',
  'error.code.obs_not_connected': 'OBS is not connected',
  'error.code.obs_request_failed': 'OBS could not do it',
  'error.code.obs_unsupported': 'This OBS version cannot do that — update OBS',
  'error.code.conflict': 'Not possible right now',
  'error.code.not_found': 'Not found',
  'error.code.internal': 'Something went wrong in the engine',
  'error.engineNoAnswer': 'The engine did not answer',
  'error.engineOffline': 'Not connected to the engine',
  'error.withDetail': '{what}: {detail}',

  'notice.obs.connected': 'Connected to OBS at {url}',
  'notice.obs.connection_lost': 'Lost the connection to OBS',
  'notice.engine.port_in_use': 'Port {requested} was busy, so the engine is using port {actual}',
  'notice.obs.scene_switch_failed': 'Could not switch to scene “{scene}”: {detail}',
  'notice.obs.panic': 'Panic: cut to the safe scene “{scene}”',
  'notice.unknown': 'Message from Cuedeck ({code})',

  'shell.engine-restarting': 'The engine stopped unexpectedly (exit code {exitCode}). Restarting it in {seconds} s — attempt {attempt}.',
  'shell.engine-restarted': 'The engine was restarted and this window reloaded. Anything unsaved on this page was lost.',
  'shell.engine-fatal': 'The engine cannot run: {message} ({code})',
  'shell.engine-gave-up':
    'The engine crashed {crashes} times right after starting, so Cuedeck stopped restarting it. Quit and reopen Cuedeck; if it happens again, check the log.',
  'shell.secret-not-saved': 'Could not store {secret} securely on this computer: {reason}',
  'secret.obs.password': 'the OBS password',

  'toast.region': 'Notifications',
  'toast.dismiss': 'Dismiss',
} as const;

export type MessageKey = keyof typeof en;
