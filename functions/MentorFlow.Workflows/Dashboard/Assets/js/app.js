// The dashboard's shell: hash routes (#/, #/start, #/programs/{id}, #/outbox), the API key gate, navigation and
// focus. Each view draws its heading at once, loads its data, and returns a function that stops its timers.

import * as api from './api.js';
import { announce, h, replace } from './dom.js';
import { renderKeyGate } from './views/keyGate.js';
import { renderOutbox } from './views/outbox.js';
import { renderProgramList } from './views/programList.js';
import { renderProgramPage } from './views/programPage.js';
import { renderStartForm } from './views/startForm.js';

const main = document.getElementById('main');
const nav = document.getElementById('main-nav');
const outboxNav = document.getElementById('outbox-nav');
const forgetButton = document.getElementById('forget-key');

let stopView = null;
let outboxState = 'unknown'; // 'unknown' | 'checking' | 'available' | 'absent'
let gateMessage = null;

function parseRoute() {
  const raw = window.location.hash.replace(/^#/, '') || '/';
  const [path, query = ''] = raw.split('?');
  const params = new URLSearchParams(query);
  const program = /^\/programs\/([^/]+)$/.exec(path);
  if (path === '/' || path === '') return { name: 'programs', params };
  if (path === '/start') return { name: 'start', params };
  if (path === '/outbox') return { name: 'outbox', params };
  if (program) return { name: 'program', id: decodeURIComponent(program[1]), params };
  return { name: 'notFound', params, path };
}

const views = {
  programs: renderProgramList,
  program: renderProgramPage,
  start: renderStartForm,
  outbox: renderOutbox,
  notFound: renderNotFound,
};

function renderNotFound(container, route) {
  document.title = 'Page not found · MentorFlow';
  replace(container,
    h('h1', { tabindex: -1 }, 'Page not found'),
    h('p', {}, 'The dashboard has no page at ', h('code', {}, route.path), '.'),
    h('p', {}, h('a', { href: '#/' }, 'Go to the programs')));
  return null;
}

function markCurrentNav(route) {
  const section = route.name === 'program' ? 'programs' : route.name;
  for (const link of nav.querySelectorAll('a[data-nav]')) {
    if (link.dataset.nav === section) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
}

/** Whether this host has the local outbox: asked once per page load (404 in Azure). */
function checkOutbox() {
  if (outboxState !== 'unknown') return;
  outboxState = 'checking';
  api.getOutbox()
    .then((outbox) => {
      outboxState = outbox === null ? 'absent' : 'available';
      outboxNav.hidden = outboxState !== 'available';
      window.dispatchEvent(new CustomEvent('mentorflow:outbox', { detail: outboxState }));
    })
    .catch(() => { outboxState = 'unknown'; });
}

const context = {
  /** 'available', 'absent' or 'unknown' (still asking). */
  outbox: () => (outboxState === 'checking' ? 'unknown' : outboxState),
  /** Leaves a message for the next view (e.g. "Program started") to show once. */
  flash: (message) => sessionStorage.setItem('mentorflow.flash', message),
  takeFlash: () => {
    const message = sessionStorage.getItem('mentorflow.flash');
    sessionStorage.removeItem('mentorflow.flash');
    return message;
  },
};

function focusHeading() {
  const heading = main.querySelector('h1');
  if (heading) heading.focus({ preventScroll: false });
  else main.focus();
}

function render({ moveFocus }) {
  if (stopView) stopView();
  stopView = null;
  const route = parseRoute();

  if (!api.getKey()) {
    nav.hidden = true;
    forgetButton.hidden = true;
    stopView = renderKeyGate(main, {
      message: gateMessage,
      onSignedIn: () => {
        gateMessage = null;
        announce('Key accepted.');
        render({ moveFocus: true });
      },
    });
    if (moveFocus || gateMessage) focusHeading();
    return;
  }

  nav.hidden = false;
  forgetButton.hidden = false;
  markCurrentNav(route);
  checkOutbox();
  stopView = views[route.name](main, route, context) ?? null;
  if (moveFocus) {
    window.scrollTo(0, 0);
    focusHeading();
  }
}

window.addEventListener('hashchange', () => render({ moveFocus: true }));

// A key the API refuses (changed, or the host restarted with another) is forgotten and asked for again.
window.addEventListener('mentorflow:unauthorized', () => {
  if (!api.getKey()) return;
  api.forgetKey();
  gateMessage = 'MentorFlow refused the key this tab had (401). Enter the current key.';
  render({ moveFocus: true });
});

forgetButton.addEventListener('click', () => {
  api.forgetKey();
  outboxState = 'unknown';
  outboxNav.hidden = true;
  gateMessage = 'The key was forgotten in this tab.';
  render({ moveFocus: true });
});

// The skip link focuses the content without touching the hash the routes live in.
document.getElementById('skip-link').addEventListener('click', (event) => {
  event.preventDefault();
  main.focus();
});

render({ moveFocus: false });
