/*
 * The helpline worker console. Everything a user typed is put on the page with textContent, never as HTML.
 * State changes send the session's CSRF token; the WebSocket reconnects by itself (after a restart too), and
 * an expired session shows the sign-in form again. A new waiting conversation changes the page title, is
 * announced, and (when the worker chose so) beeps and shows a desktop notification.
 */
(function () {
  'use strict';
  var T = {}, OUTCOMES = [], VALUES = {}, CATEGORIES = [], CALL_TYPES = [], LIMIT = 3;
  var csrf = null, me = null, ws = null, current = null, retry = 1000, lastTyping = 0, typingTimer = null;
  var known = null, baseTitle = document.title, notesTimer = null, load = { chats: 0, max: 3 };
  var $ = function (id) { return document.getElementById(id); };
  var lang = document.body.getAttribute('data-lang') || 'en';

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
  function path(id, action) { return '/api/console/sessions/' + encodeURIComponent(id) + (action ? '/' + action : ''); }

  function api(method, url, body) {
    var headers = { 'Accept': 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (method !== 'GET' && csrf) headers['X-CSRF-Token'] = csrf;
    return fetch(url, { method: method, headers: headers, body: body === undefined ? undefined : JSON.stringify(body), credentials: 'same-origin' })
      .then(function (res) {
        return res.text().then(function (raw) {
          var data = raw ? JSON.parse(raw) : null;
          if (res.status === 401 && url !== '/api/console/login' && url !== '/api/console/me') signedOut(t('sessionExpired'));
          return { status: res.status, data: data };
        });
      });
  }

  /** A country or language code as its name in the worker's language ("BE" → "Belgium", "fr" → "French"). */
  function named(type, code) {
    if (!code || code === '-') return '–';
    try { return new Intl.DisplayNames([lang], { type: type }).of(type === 'region' ? code.toUpperCase() : code) || code; } catch (e) { return code; }
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
  /** "Contacted before": how often and, coarsely, when — the console never has more of an earlier contact. */
  function previousOf(c) {
    return c.previous ? t('previousValue', { times: c.previous.times, when: valueOf('since', c.previous.last) }) : '';
  }
  function languagesOf(list) { return list === '*' ? t('allLanguages') : list.map(function (l) { return named('language', l); }).join(', '); }

  /** Waits and durations tick on the page, drawn from when they started as the server counted it. */
  function since(seconds) { return String(Date.now() - seconds * 1000); }
  function waitText(from) {
    var seconds = Math.max(0, Math.floor((Date.now() - from) / 1000));
    return seconds < 60 ? t('waitingSeconds', { seconds: seconds }) : t('waiting', { minutes: Math.floor(seconds / 60) });
  }
  function tick() {
    document.querySelectorAll('[data-since]').forEach(function (node) { node.textContent = waitText(Number(node.getAttribute('data-since'))); });
    document.querySelectorAll('[data-duration]').forEach(function (node) {
      node.textContent = t('minutes', { minutes: Math.floor((Date.now() - Number(node.getAttribute('data-duration'))) / 60000) });
    });
  }
  window.setInterval(tick, 1000);

  function applyTexts() {
    document.querySelectorAll('[data-t]').forEach(function (node) { node.textContent = t(node.getAttribute('data-t')); });
    $('sign-out').textContent = t('signOut');
    $('text').placeholder = t('messagePlaceholder');
    $('categories-legend').textContent = t('categoriesLabel', { limit: LIMIT });
    var outcome = $('outcome');
    outcome.textContent = '';
    var none = el('option', t('outcomeChoose'));
    none.value = '';
    outcome.appendChild(none);
    OUTCOMES.forEach(function (o) { var opt = el('option', o.title); opt.value = o.id; outcome.appendChild(opt); });
    var cats = $('categories');
    CATEGORIES.forEach(function (c) {
      var label = el('label', undefined, c.id.indexOf('/') > 0 ? 'sub' : 'top');
      var box = el('input');
      box.type = 'checkbox'; box.name = 'category'; box.value = c.id;
      label.appendChild(box);
      label.appendChild(document.createTextNode(' ' + c.title));
      cats.appendChild(label);
    });
    var types = $('call-types');
    [true, false].forEach(function (data) {
      types.appendChild(el('p', t(data ? 'callTypeData' : 'callTypeNonData'), 'group'));
      CALL_TYPES.filter(function (c) { return c.data === data; }).forEach(function (c) {
        var label = el('label');
        var radio = el('input');
        radio.type = 'radio'; radio.name = 'callType'; radio.value = c.id; radio.required = true;
        label.appendChild(radio);
        label.appendChild(document.createTextNode(' ' + c.title));
        types.appendChild(label);
      });
    });
  }

  function signedOut(message) {
    csrf = null; me = null; current = null; known = null;
    if (ws) { ws.onclose = null; ws.close(); ws = null; }
    $('app').hidden = true; $('sign-out').hidden = true; $('sound-box').hidden = true; $('notify').hidden = true;
    $('who').textContent = '';
    $('login').hidden = false;
    $('login-error').textContent = message || '';
    document.title = baseTitle;
  }

  function signedIn(data) {
    csrf = data.csrfToken; me = data.user;
    $('login').hidden = true; $('app').hidden = false; $('sign-out').hidden = false; $('sound-box').hidden = false;
    $('notify').hidden = !('Notification' in window) || window.Notification.permission === 'granted';
    $('who').textContent = me.name;
    $('supervisor').hidden = me.role !== 'supervisor';
    $('export-month').value = new Date().toISOString().slice(0, 7);
    connect();
    refresh();
  }

  function refresh() {
    loadQueue();
    if (me && me.role === 'supervisor') loadOverview();
    if (current) openChat(current.id);
  }

  function loadQueue() {
    api('GET', '/api/console/queue').then(function (r) {
      if (r.status !== 200) return;
      renderList($('queue'), r.data.queued, true);
      renderList($('mine'), r.data.mine, false);
      if (r.data.load) showLoad(r.data.load);
      alertArrivals(r.data.queued);
    });
  }

  /** The worker's live chats against the most they may hold at once; at the cap an accept is refused. */
  function showLoad(next) {
    load = next;
    var full = load.chats >= load.max;
    $('my-load').textContent = t('myLoad', load) + (full ? ' · ' + t('full') : '');
    $('my-load').className = full ? 'full' : '';
  }

  /** A conversation that was not waiting before: title, announcement, and the sound and notification if on. */
  function alertArrivals(queued) {
    var ids = queued.map(function (s) { return s.id; });
    document.title = ids.length > 0 ? t('titleWaiting', { count: ids.length, title: baseTitle }) : baseTitle;
    var fresh = known === null ? [] : queued.filter(function (s) { return known.indexOf(s.id) < 0; });
    known = ids;
    if (fresh.length === 0) return;
    var summary = describe(fresh[0]);
    $('arrivals').textContent = t('newWaiting', { summary: summary });
    if ($('sound').checked) beep();
    if ('Notification' in window && window.Notification.permission === 'granted' && document.hidden) {
      try { new window.Notification(t('notificationTitle'), { body: summary, tag: 'beacon-queue' }); } catch (e) { /* not allowed here */ }
    }
  }
  function beep() {
    try {
      var Ctx = window.AudioContext || window.webkitAudioContext;
      var audio = new Ctx(), tone = audio.createOscillator(), gain = audio.createGain();
      tone.frequency.value = 880; gain.gain.value = 0.1;
      tone.connect(gain); gain.connect(audio.destination);
      tone.start(); tone.stop(audio.currentTime + 0.25);
    } catch (e) { /* no audio */ }
  }

  function renderList(list, sessions, acceptable) {
    list.textContent = '';
    if (acceptable && sessions.length === 0) list.appendChild(el('li', t('empty')));
    sessions.forEach(function (s) {
      var item = el('li', undefined, 'item risk-' + s.context.risk);
      item.appendChild(el('div', describe(s)));
      var previous = previousOf(s.context);
      if (previous) item.appendChild(el('small', t('previousLabel') + ' · ' + previous, 'previous'));
      if (acceptable) {
        var wait = el('small', undefined, 'wait');
        wait.setAttribute('data-since', since(s.waitingSeconds));
        wait.textContent = waitText(Number(wait.getAttribute('data-since')));
        item.appendChild(wait);
      } else if (s.wrapUpDue) item.appendChild(el('small', t('wrapUpDue'), 'due'));
      var button = el('button', acceptable ? t('accept') : t('open'));
      button.type = 'button';
      button.setAttribute('aria-label', (acceptable ? t('accept') : t('open')) + ': ' + describe(s) + (previous ? ' · ' + t('previousLabel') : ''));
      button.addEventListener('click', function () { if (acceptable) accept(s.id); else openChat(s.id); });
      item.appendChild(button);
      list.appendChild(item);
    });
  }

  function accept(id) {
    api('POST', path(id, 'accept'), {}).then(function (r) {
      var code = r.data && r.data.error && r.data.error.code;
      if (r.status === 200) { status(''); openChat(id); }
      else if (code === 'AtCapacity') status(t('atCapacity', { max: load.max }));
      else if (code === 'Busy') status(t('busy'));
      else if (r.status === 409) status(t('takenByColleague'));
      loadQueue();
    });
  }

  function closeChat() {
    current = null; $('chat').hidden = true; $('confirm-end').hidden = true;
  }

  function openChat(id) {
    api('GET', path(id)).then(function (r) {
      if (r.status !== 200) { if (current && current.id === id) closeChat(); return; }
      var first = !current || current.id !== id;
      current = r.data.session;
      $('chat').hidden = false;
      var dl = $('context');
      dl.textContent = '';
      ['country', 'language', 'ageBand', 'audience', 'topic', 'risk'].forEach(function (k) {
        dl.appendChild(el('dt', t(k)));
        dl.appendChild(el('dd', valueOf(k, current.context[k])));
      });
      if (current.context.previous) {
        dl.appendChild(el('dt', t('previousLabel')));
        var dd = el('dd', previousOf(current.context), 'previous');
        dd.appendChild(el('small', t('previousNote')));
        dl.appendChild(dd);
      }
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
      if (first) { loadCanned(current.context.language); loadColleagues(); }
      var live = current.status === 'active' && current.mine;
      var wrapping = current.status === 'ended' && current.mine && current.wrapUpDue;
      $('send').hidden = !live;
      $('actions').hidden = !live;
      if (!live) $('confirm-end').hidden = true;
      $('away-notice').hidden = !(live && current.away);
      var left = current.status === 'ended' ? (current.left ? t({ quick_exit: 'leftQuickExit', closed: 'leftClosed', cancelled: 'leftCancelled' }[current.left]) : '') : '';
      $('left-notice').hidden = !left;
      $('left-notice').textContent = left;
      $('notes-box').hidden = !(live || wrapping);
      if (first) $('notes').value = current.notes || '';
      $('wrapup').hidden = !wrapping;
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

  function loadColleagues() {
    api('GET', '/api/console/colleagues').then(function (r) {
      var select = $('colleague');
      select.textContent = '';
      var none = el('option', t('colleagueChoose'));
      none.value = '';
      select.appendChild(none);
      (r.data && r.data.colleagues || []).forEach(function (c) {
        var label = c.full ? t('colleagueFull', { name: c.name, languages: languagesOf(c.languages), chats: c.chats, max: r.data.max })
          : c.online ? t('colleagueOnline', { name: c.name, languages: languagesOf(c.languages), chats: c.chats })
          : t('colleagueOffline', { name: c.name, languages: languagesOf(c.languages) });
        var o = el('option', label);
        o.value = c.username;
        // A colleague at the cap cannot be given another chat; they are listed, shown as full.
        o.disabled = !!c.full;
        select.appendChild(o);
      });
    });
  }

  /** Who wrote it is read out ("You:", "User:"), and a danger message says so in words, not only in red. */
  function addMessage(m) {
    var list = $('messages');
    if (m.seq !== undefined && list.querySelector('[data-seq="' + m.seq + '"]')) return;
    var item = el('li', undefined, m.from + (m.danger ? ' danger' : ''));
    item.appendChild(el('span', (m.from === 'worker' ? t('you') : t('user')) + ': ', 'who visually-hidden'));
    if (m.danger) item.appendChild(el('strong', t('dangerMark') + ' ', 'mark'));
    item.appendChild(el('span', m.text, 'text'));
    if (m.seq !== undefined) item.setAttribute('data-seq', String(m.seq));
    list.appendChild(item);
    if (m.delivery === 'failed') markFailed(item);
    list.scrollTop = list.scrollHeight;
  }
  function markFailed(item) {
    if (item.querySelector('.failed-note')) return;
    item.classList.add('failed');
    item.appendChild(el('span', t('notDelivered'), 'failed-note'));
  }

  function unmarkFailed(item) {
    item.classList.remove('failed');
    var note = item.querySelector('.failed-note');
    if (note) note.remove();
  }

  function connect() {
    var url = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + '/api/console/stream';
    ws = new window.WebSocket(url);
    ws.onopen = function () { retry = 1000; status(''); refresh(); };
    ws.onmessage = function (event) {
      var frame = JSON.parse(event.data);
      if (frame.type === 'session' || frame.type === 'queue') {
        loadQueue();
        if (me && me.role === 'supervisor') loadOverview();
        if (current && frame.session && frame.session.id === current.id) openChat(current.id);
      } else if (current && frame.sessionId === current.id) {
        if (frame.type === 'message') addMessage(frame.message);
        if (frame.type === 'delivery') {
          // A message not delivered is sent again when the user writes; the flag goes once it arrives.
          var li = $('messages').querySelector('[data-seq="' + frame.seq + '"]');
          if (li && frame.delivery === 'failed') markFailed(li);
          else if (li) unmarkFailed(li);
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
    return api('POST', path(current.id, 'messages'), { text: text, key: key }).then(function (r) {
      if (r.status === 201) { addMessage(r.data.message); return true; }
      if (r.status === 409 && r.data && r.data.error && r.data.error.code === 'UserLeft') {
        // The user has gone: the message is shown as not delivered, and the chat view follows.
        addMessage({ from: 'worker', text: text, delivery: 'failed' });
        openChat(current.id);
        return true;
      }
      return false;
    });
  }

  /* Supervisor view: the floor, live (no message of any chat). */
  function loadOverview() {
    api('GET', '/api/console/overview').then(function (r) {
      if (r.status !== 200) return;
      var d = r.data;
      $('overview').textContent = t('counts', { queued: d.counts.queued, active: d.counts.active, workers: d.counts.workersOnline });
      table($('sv-queues'), [t('language'), t('country'), t('waitingCount'), t('longestWait')], d.queues.map(function (q) {
        return [named('language', q.language), named('region', q.country), String(q.queued), { since: q.longestWaitSeconds }];
      }), t('noQueues'));
      table($('sv-chats'), [t('risk'), t('topic'), t('language'), t('country'), t('worker'), t('duration')], d.chats.map(function (c) {
        return [valueOf('risk', c.risk), valueOf('topic', c.topic), named('language', c.language), named('region', c.country), c.worker, { duration: c.seconds }];
      }), t('noChats'));
      table($('sv-workers'), [t('worker'), t('language'), t('online'), t('load')], d.workers.map(function (w) {
        return [w.name, languagesOf(w.languages), w.online ? t('yes') : t('no'), t('loadOf', { chats: w.chats, max: d.maxChats }) + (w.full ? ' · ' + t('full') : '')];
      }), '');
      tick();
    });
  }
  function table(node, heads, rows, empty) {
    node.textContent = '';
    var head = el('tr');
    heads.forEach(function (h) { var th = el('th', h); th.scope = 'col'; head.appendChild(th); });
    node.appendChild(head);
    if (rows.length === 0 && empty) { var tr = el('tr'), td = el('td', empty); td.colSpan = heads.length; tr.appendChild(td); node.appendChild(tr); }
    rows.forEach(function (row) {
      var tr = el('tr');
      row.forEach(function (cell) {
        var td = el('td');
        if (cell && cell.since !== undefined) td.setAttribute('data-since', since(cell.since));
        else if (cell && cell.duration !== undefined) td.setAttribute('data-duration', since(cell.duration));
        else td.textContent = cell;
        tr.appendChild(td);
      });
      node.appendChild(tr);
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
  $('notify').addEventListener('click', function () {
    if (!('Notification' in window)) return;
    window.Notification.requestPermission().then(function (p) { $('notify').hidden = p === 'granted'; });
  });
  $('send').addEventListener('submit', function (event) {
    event.preventDefault();
    var text = $('text').value.trim();
    if (!text || !current) return;
    // One key per message: a retry after a network error cannot send it twice.
    var key = (window.crypto && window.crypto.randomUUID) ? window.crypto.randomUUID() : String(Date.now()) + Math.random();
    send(text, key).catch(function () { return send(text, key); }).then(function (ok) { if (ok) $('text').value = ''; });
  });
  $('text').addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      $('send').requestSubmit();
    }
  });
  $('text').addEventListener('input', function () {
    if (!current || Date.now() - lastTyping < 3000) return;
    lastTyping = Date.now();
    api('POST', path(current.id, 'typing'), {});
  });
  // A canned reply goes in where the cursor is, keeping what was already written.
  $('canned').addEventListener('change', function (event) {
    var box = $('text');
    if (event.target.selectedIndex > 0) {
      box.setRangeText(event.target.value, box.selectionStart, box.selectionEnd, 'end');
      box.focus();
    }
    event.target.selectedIndex = 0;
  });
  $('to-queue').addEventListener('click', function () { transfer(undefined); });
  $('to-colleague').addEventListener('click', function () { if ($('colleague').value) transfer($('colleague').value); });
  $('end').addEventListener('click', function () { $('confirm-end').hidden = false; $('confirm-no').focus(); });
  $('confirm-no').addEventListener('click', function () { $('confirm-end').hidden = true; $('end').focus(); });
  $('confirm-yes').addEventListener('click', function () {
    $('confirm-end').hidden = true;
    api('POST', path(current.id, 'end'), {}).then(function () { openChat(current.id); loadQueue(); });
  });
  $('notes').addEventListener('input', function () {
    window.clearTimeout(notesTimer);
    var id = current && current.id;
    notesTimer = window.setTimeout(function () { if (id) api('POST', path(id, 'notes'), { notes: $('notes').value }); }, 600);
  });
  $('categories').addEventListener('change', function () {
    var chosen = document.querySelectorAll('#categories input:checked').length;
    $('wrapup-error').textContent = chosen > LIMIT ? t('tooManyCategories', { limit: LIMIT }) : '';
  });
  $('wrapup').addEventListener('submit', function (event) {
    event.preventDefault();
    var categories = Array.prototype.map.call(document.querySelectorAll('#categories input:checked'), function (b) { return b.value; });
    var type = document.querySelector('#call-types input:checked');
    var outcome = $('outcome').value;
    if (categories.length === 0 || categories.length > LIMIT || !type || !outcome) {
      $('wrapup-error').textContent = t('wrapUpInvalid', { limit: LIMIT });
      return;
    }
    window.clearTimeout(notesTimer);
    api('POST', path(current.id, 'wrapup'), { categories: categories, callType: type.value, outcome: outcome, notes: $('notes').value }).then(function (r) {
      if (r.status !== 200) { $('wrapup-error').textContent = t('wrapUpInvalid', { limit: LIMIT }); return; }
      $('wrapup').reset(); $('notes').value = ''; $('wrapup-error').textContent = '';
      closeChat();
      status(t('wrapUpSaved'));
      loadQueue();
    });
  });
  $('export').addEventListener('submit', function (event) {
    event.preventDefault();
    window.location.href = '/api/console/export?month=' + encodeURIComponent($('export-month').value);
  });
  function transfer(to) {
    api('POST', path(current.id, 'transfer'), to ? { to: to } : {}).then(function (r) {
      if (r.status === 200) { status(''); closeChat(); loadQueue(); }
      else if (r.data && r.data.error && r.data.error.code === 'ColleagueFull') { status(t('colleagueIsFull')); loadColleagues(); }
    });
  }

  fetch('/api/console/texts?lang=' + encodeURIComponent(lang))
    .then(function (res) { return res.json(); })
    .then(function (data) {
      T = data.texts; OUTCOMES = data.outcomes; VALUES = data.values || {};
      CATEGORIES = data.categories || []; CALL_TYPES = data.callTypes || []; LIMIT = data.categoryLimit || 3;
      applyTexts();
      return api('GET', '/api/console/me');
    })
    .then(function (r) { if (r.status === 200) signedIn(r.data); else signedOut(''); });
})();
