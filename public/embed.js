/*
 * The embed for a helpline's website, one tag where the chat should appear:
 *   <script src="https://beacon.example.org/embed.js" data-title="Chat with Beacon" defer></script>
 * It puts the chat page in an iframe right there and carries out Quick Exit for the whole page: a frame from
 * another site may not always navigate the page around it, so the chat asks this script (by postMessage) and
 * this script replaces the host page, so Back does not return to it. Only messages from the chat's own frame
 * and origin count. Optional attributes: data-title (the frame's accessible name), data-height (CSS length),
 * data-quick-exit-url (an https address that overrides the chat's own).
 * The chat's server must list this site in EMBED_ALLOWED_ORIGINS, or the browser refuses to show the frame.
 */
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || !script.src) return;
  var chatOrigin = new window.URL(script.src).origin;

  var frame = document.createElement('iframe');
  frame.src = chatOrigin + '/';
  frame.title = script.getAttribute('data-title') || 'Chat';
  frame.setAttribute('referrerpolicy', 'no-referrer');
  frame.style.border = '0';
  frame.style.width = '100%';
  frame.style.height = script.getAttribute('data-height') || '600px';
  script.parentNode.insertBefore(frame, script);

  function isHttps(url) {
    return typeof url === 'string' && /^https:\/\//i.test(url);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== chatOrigin || event.source !== frame.contentWindow) return;
    var data = event.data;
    if (!data || data.type !== 'beacon:quick-exit') return;
    var own = script.getAttribute('data-quick-exit-url');
    var url = isHttps(own) ? own : isHttps(data.url) ? data.url : 'https://www.google.com/';
    frame.remove();
    location.replace(url);
  });
})();
