/*
 * The widget's chat, started once Web Chat's bundle has loaded (Quick Exit lives apart, in quick-exit.js, and
 * works before this runs). Web Chat talks to this bot's Direct Line; the conversation is kept only in
 * sessionStorage (this tab). A reload does not replay the chat: it asks first whether to continue or start again,
 * because on a shared phone whoever reloads would otherwise read what the child wrote.
 * The server says where to get a token and which Direct Line to talk to (data-token-url, data-directline-domain):
 * locally this bot's own stand-in, in production Azure's Direct Line through /api/directline/token.
 * During a live chat the header names the helpline worker, and the worker's messages get their own look; the bot
 * marks them (channelData.beaconHandoffMessage, beaconLiveChat, beaconWorkerName).
 */
(function () {
  'use strict';
  var STORAGE_KEY = 'beacon.conversation';
  var body = document.body;
  if (window.beaconLeaving) return;
  var tokenUrl = body.getAttribute('data-token-url') || '/v3/directline/tokens/generate';
  var domain = body.getAttribute('data-directline-domain') || location.origin + '/v3/directline';
  var pageLanguage = body.getAttribute('data-lang') || 'en';
  var nonce = document.currentScript && document.currentScript.nonce;
  var directLine = null;
  var workerTexts = [];

  document.addEventListener('beacon:quick-exit', function () {
    reportLeaving('quick_exit');
    try { if (directLine) directLine.end(); } catch (e) { /* leaving anyway */ }
  });

  /*
   * Leaving, told to the helpline worker: the bot gives a waiting or chatting child's page a leave key (an event
   * activity); Quick Exit, a closing page and a reload that continues send it with navigator.sendBeacon, which
   * the browser delivers even as the page goes away. Without a key (no handoff) nothing is sent.
   */
  var LEAVE_KEY = 'beacon.leaveKey';
  function leaveState() {
    try { return JSON.parse(sessionStorage.getItem(LEAVE_KEY) || 'null'); } catch (e) { return null; }
  }
  function keepLeaveKey(activity) {
    if (!activity || activity.type !== 'event' || activity.name !== 'beacon.handoff.leaveKey' || typeof activity.value !== 'string') return;
    var conversationId = activity.conversation && activity.conversation.id;
    try { sessionStorage.setItem(LEAVE_KEY, JSON.stringify({ conversationId: conversationId, key: activity.value })); } catch (e) { /* private mode */ }
  }
  function reportLeaving(what) {
    var state = leaveState();
    if (!state || !state.key || !state.conversationId || !navigator.sendBeacon) return;
    try {
      navigator.sendBeacon(body.getAttribute('data-left-url') || '/api/handoff/left',
        JSON.stringify({ conversationId: state.conversationId, key: state.key, what: what }));
    } catch (e) { /* leaving anyway */ }
  }
  window.addEventListener('pagehide', function () { if (!window.beaconLeaving) reportLeaving('closed'); });

  /** The browser's language when it is the page's (keeps "fr-BE"), else the page's, so Web Chat matches the bot. */
  var locale = (function () {
    var browser = navigator.language || '';
    return browser.split('-')[0].toLowerCase() === pageLanguage ? browser : pageLanguage;
  })();

  function showUnavailable() {
    var status = document.getElementById('status');
    var text = document.getElementById('unavailable-text');
    if (status && text) status.textContent = text.textContent;
  }

  function saved() {
    try { return JSON.parse(sessionStorage.getItem(STORAGE_KEY) || 'null'); } catch (e) { return null; }
  }

  /** Set once the child said "stop": this chat is not offered again after a reload. */
  var forgotten = false;

  function remember(session) {
    if (forgotten) return;
    try { sessionStorage.setItem(STORAGE_KEY, JSON.stringify(session)); } catch (e) { /* private mode */ }
  }

  function forget() {
    try { sessionStorage.removeItem(STORAGE_KEY); } catch (e) { /* storage may be disabled */ }
  }

  function fill(template, name) {
    return (template || '').split('{{name}}').join(name || '');
  }

  /** The header says who is talking: the bot, or the named helpline worker while a live chat lasts. */
  function setTalking(worker) {
    var notice = document.getElementById('bot-notice');
    if (!notice) return;
    notice.textContent = worker ? fill(body.getAttribute('data-worker-notice'), worker) : body.getAttribute('data-bot-notice');
    body.classList.toggle('live-chat', Boolean(worker));
  }

  function watchActivity(activity) {
    var data = activity && activity.channelData;
    if (!data || activity.type !== 'message') return;
    if (data.beaconLiveChat === 'started') setTalking(data.beaconWorkerName || ' ');
    if (data.beaconLiveChat === 'ended') setTalking(null);
    if (data.beaconForgotten === true) {
      forgotten = true;
      forget();
    }
    if (data.beaconHandoffMessage && activity.text) {
      if (data.beaconWorkerName && !body.classList.contains('live-chat')) setTalking(data.beaconWorkerName);
      workerTexts.push({ text: activity.text, label: fill(body.getAttribute('data-worker-label'), data.beaconWorkerName) });
      markWorkerBubbles();
    }
  }

  function squash(text) {
    return (text || '').replace(/\s+/g, ' ').trim();
  }

  /** Web Chat renders worker messages like the bot's; this gives their bubbles a class and a visible label. */
  function markWorkerBubbles() {
    var bubbles = document.querySelectorAll('#webchat .webchat__bubble:not(.webchat__bubble--from-user):not([data-beacon-checked])');
    Array.prototype.forEach.call(bubbles, function (bubble) {
      var text = squash(bubble.textContent);
      var match = workerTexts.filter(function (w) { return text.indexOf(squash(w.text)) !== -1; })[0];
      if (!match) return;
      bubble.setAttribute('data-beacon-checked', '');
      bubble.classList.add('beacon-worker');
      var content = bubble.querySelector('.webchat__bubble__content');
      if (content) content.setAttribute('data-worker-label', match.label);
    });
  }

  /** A worker's message is shown as typed: plain text, never markdown (the server says so too). */
  function incoming(action) {
    var activity = action.payload && action.payload.activity;
    watchActivity(activity);
    keepLeaveKey(activity);
    if (!activity || !activity.channelData || !activity.channelData.beaconHandoffMessage) return action;
    var plain = Object.assign({}, activity, { textFormat: 'plain' });
    return Object.assign({}, action, { payload: Object.assign({}, action.payload, { activity: plain }) });
  }

  var store = window.WebChat.createStore({}, function () {
    return function (next) {
      return function (action) {
        if (action.type === 'DIRECT_LINE/INCOMING_ACTIVITY') action = incoming(action);
        if (action.type === 'DIRECT_LINE/POST_ACTIVITY') {
          var privacy = document.getElementById('privacy-line');
          if (privacy) privacy.hidden = true;
        }
        return next(action);
      };
    };
  });
  new window.MutationObserver(markWorkerBubbles).observe(document.getElementById('webchat'), { childList: true, subtree: true });

  // A new chat starts the conversation (so the bot greets); "continue" after a reload reconnects to it.
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
        forget();
        try { current.end(); } catch (e) { /* already closed */ }
        resume = false;
        newChat();
      }
    });
    window.WebChat.renderWebChat(
      {
        directLine: directLine,
        store: store,
        locale: locale,
        nonce: nonce,
        sendTypingIndicator: true,
        overrideLocalizedStrings: { TEXT_INPUT_PLACEHOLDER: body.getAttribute('data-placeholder') || undefined },
        styleOptions: {
          hideUploadButton: true,
          rootHeight: '100%',
          bubbleMaxWidth: 600,
          // Buttons one under the other, their text wrapped, the list scrolling within at most ~40% of the screen.
          suggestedActionLayout: 'stacked',
          suggestedActionsStackedLayoutButtonTextWrap: true,
          suggestedActionsStackedHeight: Math.round(window.innerHeight * 0.4),
          suggestedActionsStackedOverflow: 'auto',
          suggestedActionHeight: 'auto',
          // A batch of messages scrolls until its first message is in view, not to its last one.
          autoScrollSnapOnPage: true,
          autoScrollSnapOnPageOffset: 0,
          // A worker's (or anyone's) HTML is shown as text, never rendered.
          markdownRenderHTML: false
        }
      },
      document.getElementById('webchat')
    );
  }

  function newChat() {
    // The locale goes with the token so the greeting, sent before the user types, is in their language.
    fetch(tokenUrl, {
      method: 'POST',
      credentials: 'omit',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ locale: navigator.language || pageLanguage })
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

  /** After a reload: nothing of the old chat is shown until the child chooses to continue it. */
  function offerResume(previous) {
    var box = document.getElementById('resume');
    var status = document.getElementById('status');
    if (status) status.hidden = true;
    box.hidden = false;
    document.getElementById('resume-continue').addEventListener('click', function () {
      box.hidden = true;
      reportLeaving('back');
      start(previous, true);
    });
    document.getElementById('resume-restart').addEventListener('click', function () {
      box.hidden = true;
      reportLeaving('closed');
      try { sessionStorage.removeItem(LEAVE_KEY); } catch (e) { /* storage may be disabled */ }
      forget();
      if (status) status.hidden = false;
      newChat();
    });
  }

  // Only a conversation on the same Direct Line whose token has not expired can be continued.
  var previous = saved();
  var usable = previous && previous.token && previous.conversationId && previous.domain === domain &&
    !(previous.expiresAt && previous.expiresAt < Date.now() + 60000);
  if (usable) offerResume(previous);
  else newChat();
})();
