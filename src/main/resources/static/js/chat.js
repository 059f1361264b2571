// The visitor's side of the chat (full page and the widget's frame). The chat is kept in this
// browser (localStorage): a reload or a lost network continues it. Lines are numbered by the desk;
// they are shown in that order, each once, whatever arrives twice or late. Messages the visitor
// writes wait in an outbox until the desk has stored them, and are sent one at a time.
(function () {
  'use strict';

  var root = document.getElementById('chat');
  if (!root) {
    return;
  }
  var texts = JSON.parse(root.dataset.texts);
  var base = root.dataset.base.replace(/\/$/, '');
  var api = base + '/chat/api/chats';
  var socketUrl = (location.protocol === 'https:' ? 'wss://' : 'ws://') + location.host + base + '/ws/chat';
  var STORE = 'sportello-chat';
  var RESEND_AFTER = 8000;

  var lines = document.getElementById('chat-lines');
  var statusText = document.getElementById('chat-status');
  var banner = document.getElementById('chat-offline-banner');
  var typingNote = document.getElementById('chat-typing');
  var compose = document.getElementById('chat-compose');
  var input = document.getElementById('chat-input');
  var error = document.getElementById('chat-error');
  var contactForm = document.getElementById('chat-contact');
  var offlineForm = document.getElementById('chat-offline');
  var endButton = document.getElementById('chat-end');
  var restart = document.getElementById('chat-restart');

  var chat = load();
  var shown = 0;
  var pending = new Map();
  var client = null;
  var sending = null;
  var sendTimer = null;
  var status = null;
  var lastLine = null;
  var typingSent = 0;
  var typingStop = null;
  var typingHide = null;

  function t(key, value) {
    var text = texts[key] || key;
    return value === undefined ? text : text.replace('{0}', value);
  }

  function load() {
    try {
      var stored = JSON.parse(localStorage.getItem(STORE));
      return stored && stored.chatId && stored.token ? stored : null;
    } catch (e) {
      return null;
    }
  }

  function save() {
    if (chat) {
      localStorage.setItem(STORE, JSON.stringify(chat));
    } else {
      localStorage.removeItem(STORE);
    }
  }

  function newId() {
    if (window.crypto && crypto.randomUUID) {
      return crypto.randomUUID();
    }
    return Date.now().toString(36) + '-' + Math.random().toString(36).slice(2, 12);
  }

  function call(method, path, body) {
    var headers = { 'Content-Type': 'application/json' };
    if (chat) {
      headers['X-Chat-Token'] = chat.token;
    }
    return fetch(api + path, { method: method, headers: headers, body: body ? JSON.stringify(body) : undefined })
      .then(function (response) {
        return response.text().then(function (text) {
          var json = text ? JSON.parse(text) : null;
          if (!response.ok) {
            var problem = new Error((json && (json.detail || json.title)) || response.statusText);
            problem.status = response.status;
            problem.fields = json && json.errors;
            throw problem;
          }
          return json;
        });
      });
  }

  function showError(message) {
    error.textContent = message || '';
    error.hidden = !message;
  }

  // --- lines ------------------------------------------------------------------------------------

  var buffered = new Map();

  function receive(line) {
    if (line.seq <= shown) {
      return;
    }
    buffered.set(line.seq, line);
    while (buffered.has(shown + 1)) {
      var next = buffered.get(shown + 1);
      buffered.delete(shown + 1);
      shown = next.seq;
      render(next);
    }
    if (buffered.size > 0) {
      catchUp();
    }
  }

  function render(line) {
    if (line.clientId && pending.has(line.clientId)) {
      pending.get(line.clientId).remove();
      pending.delete(line.clientId);
    }
    if (line.clientId && chat) {
      var before = chat.outbox.length;
      chat.outbox = chat.outbox.filter(function (item) { return item.clientId !== line.clientId; });
      if (chat.outbox.length !== before) {
        save();
      }
      if (sending === line.clientId) {
        sending = null;
        clearTimeout(sendTimer);
        flush();
      }
    }
    var item = document.createElement('li');
    item.className = 'chat-line ' + line.author;
    item.dataset.seq = line.seq;
    if (line.author !== 'system') {
      var author = document.createElement('span');
      author.className = 'chat-author';
      author.textContent = line.author === 'visitor' ? t('chat.you') : (line.authorName || t('chat.bot.name'));
      item.appendChild(author);
    }
    var body = document.createElement('div');
    body.className = 'chat-body';
    if (line.author === 'bot' && line.html) {
      // The desk sanitised this FAQ answer when it was saved and again when it was sent.
      body.innerHTML = line.html;
    } else {
      body.textContent = line.body;
    }
    item.appendChild(body);
    lines.insertBefore(item, firstPending());
    lastLine = line;
    answerButtons();
    scrollDown();
  }

  function firstPending() {
    return lines.querySelector('.chat-line.pending');
  }

  function renderPending(message) {
    var item = document.createElement('li');
    item.className = 'chat-line visitor pending';
    var author = document.createElement('span');
    author.className = 'chat-author';
    author.textContent = t('chat.you');
    var body = document.createElement('div');
    body.className = 'chat-body';
    body.textContent = message.body;
    var note = document.createElement('span');
    note.className = 'chat-note';
    note.textContent = t('chat.line.sending');
    item.append(author, body, note);
    lines.appendChild(item);
    pending.set(message.clientId, item);
    scrollDown();
  }

  function scrollDown() {
    lines.scrollTop = lines.scrollHeight;
  }

  // Under the bot's latest answer, while the bot has the chat: solved, or a person please.
  function answerButtons() {
    var old = lines.querySelector('.chat-answer-actions');
    if (old) {
      old.remove();
    }
    if (!lastLine || lastLine.author !== 'bot' || !lastLine.faqId || !status || status.state !== 'bot') {
      return;
    }
    var actions = document.createElement('div');
    actions.className = 'chat-answer-actions';
    var solved = document.createElement('button');
    solved.type = 'button';
    solved.textContent = t('chat.answer.resolved');
    solved.addEventListener('click', function () { act('/resolved'); });
    var person = document.createElement('button');
    person.type = 'button';
    person.className = 'secondary';
    person.textContent = t('chat.answer.person');
    person.addEventListener('click', function () { act('/person'); });
    actions.append(solved, person);
    var last = lines.querySelector('.chat-line[data-seq="' + lastLine.seq + '"]');
    if (last) {
      last.appendChild(actions);
    }
  }

  function act(path) {
    call('POST', '/' + chat.chatId + path).then(showStatus, function (e) { showError(e.message); });
  }

  function catchUp() {
    if (!chat) {
      return Promise.resolve();
    }
    return call('GET', '/' + chat.chatId + '/lines?after=' + shown).then(function (found) {
      found.forEach(receive);
    });
  }

  // --- sending ----------------------------------------------------------------------------------

  function send(text) {
    var message = { clientId: newId(), body: text };
    chat.outbox.push(message);
    save();
    renderPending(message);
    flush();
  }

  function flush() {
    if (!client || !client.connected || sending || !chat || chat.outbox.length === 0) {
      return;
    }
    var next = chat.outbox[0];
    sending = next.clientId;
    client.publish({ destination: '/app/chats/' + chat.chatId + '/send', body: JSON.stringify(next) });
    // No line back in time (a connection that died quietly): send again; the desk keeps it once.
    sendTimer = setTimeout(function () {
      if (sending === next.clientId) {
        sending = null;
        flush();
      }
    }, RESEND_AFTER);
  }

  function rejected(signal) {
    var item = pending.get(signal.clientId);
    if (item) {
      item.classList.add('failed');
      item.querySelector('.chat-note').textContent = t('chat.line.rejected', signal.reason);
      pending.delete(signal.clientId);
    }
    chat.outbox = chat.outbox.filter(function (m) { return m.clientId !== signal.clientId; });
    save();
    if (sending === signal.clientId) {
      sending = null;
      clearTimeout(sendTimer);
      flush();
    }
  }

  // --- status -----------------------------------------------------------------------------------

  function showStatus(next) {
    status = next;
    var text;
    if (next.state === 'waiting') {
      text = t('chat.status.waiting');
      if (next.position) {
        text += ' · ' + t('chat.status.position', next.position);
      }
      text += ' ' + (next.waitMinutes == null
        ? t('chat.status.waitUnknown')
        : next.waitMinutes <= 1 ? t('chat.status.waitSoon') : t('chat.status.wait', next.waitMinutes));
    } else if (next.state === 'active') {
      text = t('chat.status.active', next.agentName || '');
    } else if (next.state === 'ended') {
      text = t('chat.status.ended');
    } else {
      text = t('chat.status.bot');
    }
    statusText.textContent = text;
    var ended = next.state === 'ended';
    compose.hidden = ended;
    restart.hidden = !ended;
    endButton.hidden = ended;
    // The desk answers a request for a person with these when it cannot hand over yet.
    var askedForPerson = lastLine && lastLine.author === 'system';
    offlineForm.hidden = !(next.state === 'bot' && next.offline && askedForPerson);
    contactForm.hidden = !(next.state === 'bot' && !next.offline && next.contactNeeded && askedForPerson);
    if (!offlineForm.hidden) {
      compose.hidden = true;
    }
    answerButtons();
  }

  function onSignal(signal) {
    if (signal.type === 'line') {
      receive(signal.line);
      if (signal.line.author === 'agent') {
        typingNote.hidden = true;
      }
    } else if (signal.type === 'status') {
      showStatus(signal.status);
    } else if (signal.type === 'rejected') {
      rejected(signal);
    } else if (signal.type === 'typing' && signal.author === 'agent') {
      typingNote.hidden = !signal.typing;
      clearTimeout(typingHide);
      typingHide = setTimeout(function () { typingNote.hidden = true; }, 6000);
    }
  }

  // --- connection -------------------------------------------------------------------------------

  function connect() {
    client = new StompJs.Client({
      brokerURL: socketUrl,
      connectHeaders: { 'chat-id': String(chat.chatId), 'chat-token': chat.token },
      reconnectDelay: 1000,
      heartbeatIncoming: 10000,
      heartbeatOutgoing: 10000
    });
    client.onConnect = function () {
      banner.hidden = true;
      client.subscribe('/topic/chat.' + chat.chatId, function (message) {
        onSignal(JSON.parse(message.body));
      });
      sending = null;
      catchUp()
        .then(function () { return call('GET', '/' + chat.chatId); })
        .then(function (next) {
          showStatus(next);
          flush();
        })
        .catch(forgetIfGone);
    };
    client.onWebSocketClose = function () {
      if (chat) {
        banner.hidden = false;
      }
      sending = null;
    };
    client.activate();
  }

  function forgetIfGone(e) {
    if (e && e.status === 404) {
      reset();
    }
  }

  function reset() {
    if (client) {
      client.deactivate();
      client = null;
    }
    chat = null;
    save();
    shown = 0;
    lastLine = null;
    status = null;
    pending.clear();
    buffered.clear();
    lines.querySelectorAll('.chat-line:not(.greeting)').forEach(function (item) { item.remove(); });
    compose.hidden = false;
    restart.hidden = true;
    endButton.hidden = true;
    offlineForm.hidden = true;
    contactForm.hidden = true;
    banner.hidden = true;
    statusText.textContent = t('chat.status.bot');
  }

  function start() {
    return call('POST', '', { locale: root.dataset.locale }).then(function (started) {
      chat = { chatId: started.chatId, token: started.token, outbox: [] };
      save();
      showStatus(started.status);
      connect();
    });
  }

  // --- the page's controls ----------------------------------------------------------------------

  compose.addEventListener('submit', function (event) {
    event.preventDefault();
    var text = input.value.trim();
    if (!text) {
      return;
    }
    showError('');
    input.value = '';
    if (chat) {
      send(text);
      return;
    }
    start().then(function () { send(text); }, function (e) {
      input.value = text;
      showError(e.message || t('chat.error.generic'));
    });
  });

  input.addEventListener('keydown', function (event) {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      compose.requestSubmit();
    }
  });

  input.addEventListener('input', function () {
    if (!client || !client.connected) {
      return;
    }
    var now = Date.now();
    if (now - typingSent > 3000) {
      typingSent = now;
      client.publish({ destination: '/app/chats/' + chat.chatId + '/typing', body: '{"typing":true}' });
    }
    clearTimeout(typingStop);
    typingStop = setTimeout(function () {
      typingSent = 0;
      if (client && client.connected) {
        client.publish({ destination: '/app/chats/' + chat.chatId + '/typing', body: '{"typing":false}' });
      }
    }, 4000);
  });

  function formFields(form) {
    var fields = {};
    new FormData(form).forEach(function (value, key) { fields[key] = value; });
    return fields;
  }

  function formError(form, e) {
    var target = form.querySelector('.field-error');
    target.textContent = e.fields ? Object.values(e.fields).join(' · ') : (e.message || t('chat.error.generic'));
    target.hidden = false;
  }

  contactForm.addEventListener('submit', function (event) {
    event.preventDefault();
    call('POST', '/' + chat.chatId + '/contact', formFields(contactForm))
      .then(function () { return call('POST', '/' + chat.chatId + '/person'); })
      .then(function (next) {
        contactForm.hidden = true;
        showStatus(next);
      }, function (e) { formError(contactForm, e); });
  });

  offlineForm.addEventListener('submit', function (event) {
    event.preventDefault();
    var fields = formFields(offlineForm);
    fields.clientId = newId();
    call('POST', '/' + chat.chatId + '/offline-message', fields)
      .then(function (next) {
        offlineForm.hidden = true;
        return catchUp().then(function () { showStatus(next); });
      }, function (e) { formError(offlineForm, e); });
  });

  endButton.addEventListener('click', function () {
    act('/end');
  });

  restart.querySelector('button').addEventListener('click', reset);

  var closeButton = document.getElementById('chat-close');
  if (closeButton) {
    closeButton.addEventListener('click', function () {
      window.parent.postMessage({ sportelloChat: 'close' }, '*');
    });
  }

  if (chat) {
    chat.outbox = chat.outbox || [];
    chat.outbox.forEach(renderPending);
    endButton.hidden = false;
    connect();
  }
})();
