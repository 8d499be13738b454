/*
 * Quick Exit, loaded first and alone in <head>, so it works from the first paint while the chat is still loading
 * (on a slow phone that can take many seconds). The button is a plain link to the exit page, so it works without
 * JavaScript too; with it, the page is blanked at once, this tab's storage cleared and the page replaced, so Back
 * does not return. The keyboard way is the GOV.UK "Exit this page" one: Shift pressed three times on its own
 * (not as part of a capital letter), each press announced to screen readers. Escape is left to Web Chat.
 * Inside a helpline's page (an iframe), it asks the host page's embed.js to replace itself, and replaces the top
 * page directly where the browser allows it. widget.js hears 'beacon:quick-exit' and closes the connection.
 */
(function () {
  'use strict';
  var PRESSES = 3;
  var WINDOW_MS = 5000;
  var leaving = false;

  function data(name) {
    return document.body ? document.body.getAttribute(name) : null;
  }

  function exitUrl() {
    var link = document.getElementById('quick-exit');
    return data('data-quick-exit-url') || (link && link.href) || 'https://www.google.com/';
  }

  function quickExit() {
    if (leaving) return;
    leaving = true;
    window.beaconLeaving = true;
    var url = exitUrl();
    document.documentElement.style.visibility = 'hidden';
    try { document.dispatchEvent(new window.CustomEvent('beacon:quick-exit')); } catch (e) { /* leaving anyway */ }
    try { sessionStorage.clear(); } catch (e) { /* storage may be disabled */ }
    try { localStorage.clear(); } catch (e) { /* storage may be disabled */ }
    var chat = document.getElementById('webchat');
    if (chat) chat.textContent = '';
    if (window.top !== window.self) {
      try { window.parent.postMessage({ type: 'beacon:quick-exit', url: url }, '*'); } catch (e) { /* no host script */ }
      try {
        window.top.location.replace(url);
        return;
      } catch (e) { /* not allowed from this frame: the host script does it; at least this frame leaves */ }
    }
    location.replace(url);
  }

  document.addEventListener('click', function (event) {
    var target = event.target;
    if (!target || !target.closest || !target.closest('#quick-exit')) return;
    event.preventDefault();
    quickExit();
  }, true);

  var count = 0;
  var shiftAlone = false;
  var timer = null;

  function announce(attribute) {
    var region = document.getElementById('exit-announcer');
    if (region) region.textContent = data(attribute) || '';
  }

  function reset(expired) {
    if (timer) window.clearTimeout(timer);
    timer = null;
    if (count > 0 && expired) announce('data-exit-expired');
    count = 0;
  }

  // A Shift counts when it is released with no other key pressed while it was down.
  document.addEventListener('keydown', function (event) {
    if (event.key === 'Shift' && !event.repeat) {
      shiftAlone = true;
      return;
    }
    if (event.key !== 'Shift') {
      shiftAlone = false;
      if (count > 0) reset(false);
    }
  }, true);

  document.addEventListener('keyup', function (event) {
    if (event.key !== 'Shift' || !shiftAlone) return;
    shiftAlone = false;
    count += 1;
    if (count >= PRESSES) {
      reset(false);
      quickExit();
      return;
    }
    announce(count === 1 ? 'data-exit-two-more' : 'data-exit-one-more');
    if (timer) window.clearTimeout(timer);
    timer = window.setTimeout(function () { reset(true); }, WINDOW_MS);
  }, true);

  window.beaconQuickExit = quickExit;
})();
