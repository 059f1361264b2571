// Sportello's chat button for any website: include
//   <script src="https://your-desk.example/chat/widget.js" defer></script>
// It adds a button in a corner; the chat itself opens in a frame of the desk's own origin, so the
// host page's styles and scripts never touch it, and the visitor's chat survives page changes.
'use strict';
if (window.__sportelloChat || !config.enabled) {
  return;
}
window.__sportelloChat = true;
var script = document.currentScript;
var origin = script && script.src ? new URL(script.src, location.href).origin : location.origin;
// The language: the snippet's data-lang if the site sets one, else the host page's own.
var pageLang = ((script && script.dataset.lang) || document.documentElement.lang || navigator.language || 'it')
  .slice(0, 2).toLowerCase();
var lang = config[pageLang] ? pageLang : 'it';
var texts = config[lang];
var side = config.position === 'left' ? 'left' : 'right';

var button = document.createElement('button');
button.type = 'button';
button.className = 'sportello-chat-button';
button.setAttribute('aria-label', texts.open);
button.setAttribute('aria-expanded', 'false');
button.title = texts.open;
// A speech bubble drawn here, not an emoji: the host's fonts may have none.
var svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
svg.setAttribute('viewBox', '0 0 24 24');
svg.setAttribute('width', '28');
svg.setAttribute('height', '28');
svg.setAttribute('aria-hidden', 'true');
var bubble = document.createElementNS('http://www.w3.org/2000/svg', 'path');
bubble.setAttribute('d', 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z');
bubble.setAttribute('fill', 'currentColor');
svg.appendChild(bubble);
button.appendChild(svg);
var buttonStyle = {
  position: 'fixed', bottom: '20px', width: '56px', height: '56px', borderRadius: '50%', border: '0',
  background: config.colour, color: '#fff', cursor: 'pointer', display: 'flex', alignItems: 'center',
  justifyContent: 'center', zIndex: '2147483000',
  boxShadow: '0 4px 14px rgba(0,0,0,.25)'
};
buttonStyle[side] = '20px';
Object.assign(button.style, buttonStyle);

var frame = null;
function open() {
  if (!frame) {
    frame = document.createElement('iframe');
    frame.src = origin + config.path + '/chat?embed=true&lang=' + lang;
    frame.title = texts.open;
    frame.className = 'sportello-chat-frame';
    var frameStyle = {
      position: 'fixed', bottom: '88px', width: 'min(380px, calc(100vw - 24px))',
      height: 'min(580px, calc(100vh - 110px))', border: '0', borderRadius: '12px', background: '#fff',
      boxShadow: '0 8px 30px rgba(0,0,0,.3)', zIndex: '2147483000'
    };
    frameStyle[side] = '12px';
    Object.assign(frame.style, frameStyle);
    document.body.appendChild(frame);
  } else {
    frame.style.display = 'block';
  }
  button.setAttribute('aria-expanded', 'true');
  button.setAttribute('aria-label', texts.close);
  button.title = texts.close;
}
function close() {
  if (frame) {
    frame.style.display = 'none';
  }
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-label', texts.open);
  button.title = texts.open;
  button.focus();
}
button.addEventListener('click', function () {
  if (frame && frame.style.display !== 'none') {
    close();
  } else {
    open();
  }
});
window.addEventListener('message', function (event) {
  if (event.origin === origin && event.data && event.data.sportelloChat === 'close') {
    close();
  }
});
function attach() {
  document.body.appendChild(button);
}
if (document.body) {
  attach();
} else {
  document.addEventListener('DOMContentLoaded', attach);
}
