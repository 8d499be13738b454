/*
 * The widget: Quick Exit (button, or Esc twice) replaces this page so Back does not return, after clearing
 * the chat from this tab's storage; then Web Chat is started against this bot's Direct Line with the
 * browser's language as the activity locale. The conversation is kept only in sessionStorage (this tab).
 */
(function () {
  'use strict';
  var STORAGE_KEY = 'beacon.conversation';
  var body = document.body;
  var quickExitUrl = body.getAttribute('data-quick-exit-url') || 'https://www.google.com/';
  var nonce = document.currentScript && document.currentScript.nonce;
  var directLine = null;

  function quickExit() {
    try { sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    try { if (directLine) directLine.end(); } catch (e) { /* leaving anyway */ }
    var chat = document.getElementById('webchat');
    if (chat) chat.textContent = '';
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
      domain: location.origin + '/v3/directline',
      token: session.token,
      conversationId: resume ? session.conversationId : undefined,
      webSocket: true
    });
    var ONLINE = 2;
    directLine.connectionStatus$.subscribe(function (status) {
      if (status === ONLINE && directLine.conversationId) remember({ token: session.token, conversationId: directLine.conversationId });
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

  var previous = saved();
  if (previous && previous.token && previous.conversationId) {
    start(previous, true);
    return;
  }
  var locale = navigator.language || body.getAttribute('data-lang') || 'en';
  // The locale goes with the token so the greeting, sent before the user types, is in their language.
  fetch('/v3/directline/tokens/generate', {
    method: 'POST',
    credentials: 'omit',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ locale: locale })
  })
    .then(function (response) {
      if (!response.ok) throw new Error('token ' + response.status);
      return response.json();
    })
    .then(function (json) { start({ token: json.token }, false); })
    .catch(showUnavailable);
})();
