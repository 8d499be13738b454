/*
 * The widget: Quick Exit (button, or Esc twice) replaces this page so Back does not return, after clearing
 * the chat from this tab's storage; then Web Chat is started against this bot's Direct Line with the
 * browser's language as the activity locale. The conversation is kept only in sessionStorage (this tab).
 * The server says where to get a token and which Direct Line to talk to (data-token-url, data-directline-domain):
 * locally this bot's own stand-in, in production Azure's Direct Line through /api/directline/token.
 * Inside a helpline's page (an iframe), Quick Exit leaves the whole page: it asks the host page's embed.js to
 * replace itself, and replaces the top page directly where the browser allows it.
 */
(function () {
  'use strict';
  var STORAGE_KEY = 'beacon.conversation';
  var body = document.body;
  var quickExitUrl = body.getAttribute('data-quick-exit-url') || 'https://www.google.com/';
  var tokenUrl = body.getAttribute('data-token-url') || '/v3/directline/tokens/generate';
  var domain = body.getAttribute('data-directline-domain') || location.origin + '/v3/directline';
  var nonce = document.currentScript && document.currentScript.nonce;
  var directLine = null;

  function quickExit() {
    try { sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    try { if (directLine) directLine.end(); } catch (e) { /* leaving anyway */ }
    var chat = document.getElementById('webchat');
    if (chat) chat.textContent = '';
    leave();
  }

  function leave() {
    if (window.top !== window.self) {
      try { window.parent.postMessage({ type: 'beacon:quick-exit', url: quickExitUrl }, '*'); } catch (e) { /* no host script */ }
      try {
        window.top.location.replace(quickExitUrl);
        return;
      } catch (e) { /* not allowed from this frame: the host script does it; at least this frame leaves */ }
    }
    location.replace(quickExitUrl);
  }

  document.getElementById('quick-exit').addEventListener('click', quickExit);
  var lastEscape = 0;
  document.addEventListener('keydown', function (event) {
    if (event.key !== 'Escape') return;
    var now = Date.now();
    if (now - lastEscape < 1000) quickExit();
    lastEscape = now;
  });

  function showUnavailable() {
    var status = document.getElementById('status');
    var text = document.getElementById('unavailable-text');
    if (status && text) status.textContent = text.textContent;
  }

  function saved() {
    try { return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }

  function remember(session) {
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session)); } catch (e) { /* private mode */ }
  }

  // A new chat starts the conversation (so the bot greets); a reload in the same tab reconnects to it.
  function start(session, resume) {
    directLine = window.WebChat.createDirectLine({
      domain: domain,
      token: session.token,
      conversationId: resume ? session.conversationId : undefined,
      webSocket: true
    });
    var ONLINE = 2;
    var EXPIRED_TOKEN = 3;
    var FAILED_TO_CONNECT = 4;
    var current = directLine;
    current.connectionStatus$.subscribe(function (status) {
      if (status === ONLINE && current.conversationId) {
        remember({ token: session.token, conversationId: current.conversationId, domain: domain, expiresAt: session.expiresAt });
      } else if (resume && (status === EXPIRED_TOKEN || status === FAILED_TO_CONNECT)) {
        // The saved conversation is gone (the server restarted, or the token ran out): start a new chat
        // rather than leave a young person looking at a chat that cannot send.
        try { sessionStorage.removeItem(STORAGE_KEY); } catch (e) { /* storage may be disabled */ }
        try { current.end(); } catch (e) { /* already closed */ }
        resume = false;
        newChat();
      }
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        locale: navigator.language || body.getAttribute('data-lang') || 'en',
        nonce: nonce,
        styleOptions: { hideUploadButton: true, rootHeight: '100%', bubbleMaxWidth: 600, suggestedActionLayout: 'flow' }
      },
      document.getElementById('webchat')
    );
  }

  // A reload reconnects only to a conversation on the same Direct Line whose token has not expired.
  var previous = saved();
  var usable = previous && previous.token && previous.conversationId && previous.domain === domain &&
    !(previous.expiresAt && previous.expiresAt < Date.now() + 60000);
  if (usable) {
    start(previous, true);
    return;
  }
  newChat();

  function newChat() {
    var locale = navigator.language || body.getAttribute('data-lang') || 'en';
    // The locale goes with the token so the greeting, sent before the user types, is in their language.
    fetch(tokenUrl, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: locale })
    })
      .then(function (response) {
        if (!response.ok) throw new Error('token ' + response.status);
        return response.json();
      })
      .then(function (json) {
        var expiresAt = typeof json.expires_in === 'number' ? Date.now() + json.expires_in * 1000 : undefined;
        start({ token: json.token, expiresAt: expiresAt }, false);
      })
      .catch(showUnavailable);
  }
})();
