/*
 * The helpline worker console. Everything a user typed is put on the page with textContent, never as HTML.
 * State changes send the session's CSRF token; the WebSocket reconnects by itself (after a restart too), and
 * an expired session shows the sign-in form again.
 */
(function () {
  'use strict';
  var T = {}, OUTCOMES = [], VALUES = {};
  var csrf = null, me = null, ws = null, current = null, retry = 1000, lastTyping = 0, typingTimer = null;
  var $ = function (id) { return document.getElementById(id); };

  function t(key, values) {
    var text = T[key] || key;
    Object.keys(values || {}).forEach(function (k) { text = text.split('{{' + k + '}}').join(String(values[k])); });
    return text;
  }
  function el(tag, text, cls) {
    var node = document.createElement(tag);
    if (text !== undefined) node.textContent = text;
    if (cls) node.className = cls;
    return node;
  }
  function status(text) { $('status').textContent = text || ''; }

  function api(method, path, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    return fetch(path, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) {
        return res.text().then(function (raw) {
          var data = raw ? JSON.parse(raw) : null;
          if (res.status === 401 && path !== '/api/console/login' && path !== '/api/console/me') signedOut(t('sessionExpired'));
          return { status: res.status, data: data };
        });
      });
  }

  function applyTexts() {
    document.querySelectorAll('[data-t]').forEach(function (node) { node.textContent = t(node.getAttribute('data-t')); });
    $('sign-out').textContent = t('signOut');
    $('text').placeholder = t('messagePlaceholder');
    $('colleague').placeholder = t('transferTo');
    var outcome = $('outcome');
    outcome.textContent = '';
    OUTCOMES.forEach(function (o) { var opt = el('option', o.title); opt.value = o.id; outcome.appendChild(opt); });
  }

  function signedOut(message) {
    csrf = null; me = null; current = null;
    if (ws) { ws.onclose = null; ws.close(); ws = null; }
    $('app').hidden = true; $('sign-out').hidden = true; $('who').textContent = '';
    $('login').hidden = false;
    $('login-error').textContent = message || '';
  }

  function signedIn(data) {
    csrf = data.csrfToken; me = data.user;
    $('login').hidden = true; $('app').hidden = false; $('sign-out').hidden = false;
    $('who').textContent = me.name;
    var supervisor = me.role === 'supervisor';
    $('overview-title').hidden = !supervisor; $('overview').hidden = !supervisor;
    connect();
    refresh();
  }

  function refresh() {
    loadQueue();
    if (me && me.role === 'supervisor') api('GET', '/api/console/overview').then(function (r) {
      if (r.status === 200) $('overview').textContent = t('counts', { queued: r.data.counts.queued, active: r.data.counts.active, workers: r.data.counts.workersOnline });
    });
    if (current) openChat(current.id);
  }

  /** A country or language code as its name in the worker's language ("BE" → "Belgium", "fr" → "French"). */
  function named(type, code) {
    if (!code) return '–';
    try { return new Intl.DisplayNames([document.documentElement.lang || 'en'], { type: type }).of(type === 'region' ? code.toUpperCase() : code) || code; }
    catch (e) { return code; }
  }
  function valueOf(group, key) {
    if (group === 'country') return named('region', key);
    if (group === 'language') return named('language', key);
    return key && VALUES[group] && VALUES[group][key] ? VALUES[group][key] : (key || '–');
  }
  function describe(s) {
    var c = s.context;
    return [valueOf('country', c.country), valueOf('language', c.language), valueOf('ageBand', c.ageBand), valueOf('audience', c.audience), valueOf('topic', c.topic), valueOf('risk', c.risk)].join(' · ');
  }

  /** Waits tick on the page: each wait is drawn from when the session joined, as the server counted it. */
  function waitText(since) {
    var seconds = Math.max(0, Math.floor((Date.now() - since) / 1000));
    return seconds < 60 ? t('waitingSeconds', { seconds: seconds }) : t('waiting', { minutes: Math.floor(seconds / 60) });
  }
  function tick() {
    document.querySelectorAll('[data-since]').forEach(function (node) { node.textContent = waitText(Number(node.getAttribute('data-since'))); });
  }
  window.setInterval(tick, 1000);

  function loadQueue() {
    api('GET', '/api/console/queue').then(function (r) {
      if (r.status !== 200) return;
      renderList($('queue'), r.data.queued, true);
      renderList($('mine'), r.data.mine, false);
    });
  }

  function renderList(list, sessions, acceptable) {
    list.textContent = '';
    if (acceptable && sessions.length === 0) list.appendChild(el('li', t('empty')));
    sessions.forEach(function (s) {
      var item = el('li', undefined, 'item risk-' + s.context.risk);
      item.appendChild(el('div', describe(s)));
      var wait = el('small', undefined, 'wait');
      wait.setAttribute('data-since', String(Date.now() - s.waitingSeconds * 1000));
      wait.textContent = waitText(Number(wait.getAttribute('data-since')));
      item.appendChild(wait);
      var button = el('button', acceptable ? t('accept') : '›');
      button.type = 'button';
      button.addEventListener('click', function () { if (acceptable) accept(s.id); else openChat(s.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function accept(id) {
    api('POST', '/api/console/sessions/' + encodeURIComponent(id) + '/accept', {}).then(function (r) {
      if (r.status === 200) { status(''); openChat(id); }
      else if (r.status === 409) status(t('takenByColleague'));
      loadQueue();
    });
  }

  function openChat(id) {
    api('GET', '/api/console/sessions/' + encodeURIComponent(id)).then(function (r) {
      if (r.status !== 200) return;
      current = r.data.session;
      $('chat').hidden = false;
      var dl = $('context');
      dl.textContent = '';
      ['country', 'language', 'ageBand', 'audience', 'topic', 'risk'].forEach(function (k) {
        dl.appendChild(el('dt', t(k)));
        dl.appendChild(el('dd', valueOf(k, current.context[k])));
      });
      var tr = $('transcript');
      tr.textContent = '';
      if (current.context.transcript) {
        tr.appendChild(el('strong', t('transcript')));
        var ul = el('ul');
        current.context.transcript.forEach(function (title) { ul.appendChild(el('li', title)); });
        tr.appendChild(ul);
      } else tr.appendChild(el('em', t('noTranscript')));
      $('messages').textContent = '';
      r.data.messages.forEach(addMessage);
      loadCanned(current.context.language);
      var live = current.status === 'active' && current.mine;
      $('send').hidden = !live;
      document.querySelector('.actions').hidden = !live;
      if (current.status === 'ended') $('messages').appendChild(el('li', t('userLeft')));
    });
  }

  function loadCanned(language) {
    api('GET', '/api/console/canned?language=' + encodeURIComponent(language)).then(function (r) {
      var select = $('canned');
      select.textContent = '';
      select.appendChild(el('option', t('canned')));
      (r.data && r.data.canned || []).forEach(function (c) { var o = el('option', c.text); o.value = c.text; select.appendChild(o); });
    });
  }

  function addMessage(m) {
    var list = $('messages');
    if (list.querySelector('[data-seq="' + m.seq + '"]')) return;
    var item = el('li', m.text, m.from + (m.danger ? ' danger' : '') + (m.delivery === 'failed' ? ' failed' : ''));
    item.setAttribute('data-seq', String(m.seq));
    item.setAttribute('data-failed', t('notDelivered'));
    list.appendChild(item);
    list.scrollTop = list.scrollHeight;
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/console/stream';
    ws = new window.WebSocket(url);
    ws.onopen = function () { retry = 1000; status(''); refresh(); };
    ws.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === 'session' || frame.type === 'queue') {
        loadQueue();
        if (current && frame.session && frame.session.id === current.id) openChat(current.id);
      } else if (current && frame.sessionId === current.id) {
        if (frame.type === 'message') addMessage(frame.message);
        if (frame.type === 'delivery' && frame.delivery === 'failed') {
          var li = $('messages').querySelector('[data-seq="' + frame.seq + '"]');
          if (li) li.classList.add('failed');
        }
        if (frame.type === 'typing') {
          $('typing').hidden = false;
          window.clearTimeout(typingTimer);
          typingTimer = window.setTimeout(function () { $('typing').hidden = true; }, 4000);
        }
      }
    };
    ws.onclose = function (event) {
      ws = null;
      if (event.code === 4401) return signedOut(t('sessionExpired'));
      if (!me) return;
      status(t('reconnecting'));
      window.setTimeout(function () { if (me && !ws) connect(); }, retry);
      retry = Math.min(retry * 2, 10000);
    };
  }

  function send(text, key) {
    return api('POST', '/api/console/sessions/' + encodeURIComponent(current.id) + '/messages', { text: text, key: key }).then(function (r) {
      if (r.status === 201) { addMessage(r.data.message); return true; }
      return false;
    });
  }

  $('login').addEventListener('submit', function (event) {
    event.preventDefault();
    var form = event.target;
    api('POST', '/api/console/login', { username: form.username.value, password: form.password.value }).then(function (r) {
      form.password.value = '';
      if (r.status === 200) signedIn(r.data);
      else $('login-error').textContent = r.status === 429 ? t('lockedOut') : t('signInFailed');
    });
  });
  $('sign-out').addEventListener('click', function () { api('POST', '/api/console/logout', {}).then(function () { signedOut(''); }); });
  $('send').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('text').value.trim();
    if (!text || !current) return;
    // One key per message: a retry after a network error cannot send it twice.
    var key = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID() : String(Date.now()) + Math.random();
    send(text, key).catch(function () { return send(text, key); }).then(function (ok) { if (ok) $('text').value = ''; });
  });
  $('text').addEventListener('input', function () {
    if (!current || Date.now() - lastTyping < 3000) return;
    lastTyping = Date.now();
    api('POST', '/api/console/sessions/' + encodeURIComponent(current.id) + '/typing', {});
  });
  $('canned').addEventListener('change', function (event) {
    if (event.target.selectedIndex > 0) $('text').value = event.target.value;
    event.target.selectedIndex = 0;
  });
  $('to-queue').addEventListener('click', function () { transfer(undefined); });
  $('to-colleague').addEventListener('click', function () { transfer($('colleague').value.trim()); });
  $('end').addEventListener('click', function () {
    api('POST', '/api/console/sessions/' + encodeURIComponent(current.id) + '/end', { outcome: $('outcome').value }).then(function () {
      current = null; $('chat').hidden = true; loadQueue();
    });
  });
  function transfer(to) {
    api('POST', '/api/console/sessions/' + encodeURIComponent(current.id) + '/transfer', to ? { to: to } : {}).then(function (r) {
      if (r.status === 200) { current = null; $('chat').hidden = true; loadQueue(); }
    });
  }

  fetch('/api/console/texts?lang=' + encodeURIComponent(document.body.getAttribute('data-lang') || 'en'))
    .then(function (res) { return res.json(); })
    .then(function (data) {
      T = data.texts; OUTCOMES = data.outcomes; VALUES = data.values || {};
      applyTexts();
      return api('GET', '/api/console/me');
    })
    .then(function (r) { if (r.status === 200) signedIn(r.data); else signedOut(''); });
})();
