// The local outbox (local host only): every email sent, newest first, each rendered as its recipient sees it, with
// its links clickable — so one person can run a whole program from the dashboard, answering as each approver.

import * as api from '../api.js';
import { h, replace } from '../dom.js';
import { plural, time } from '../format.js';
import { poll } from '../poll.js';

const refreshEvery = 4000;

export function renderOutbox(main, route) {
  document.title = 'Outbox · MentorFlow';
  const state = { program: route.params.get('program') ?? '', messages: null, names: new Map(), error: null };
  let stopped = false;
  const shown = new Map(); // message id → its element; kept so open emails and their frames survive a refresh

  const programSelect = h('select', {
    id: 'outbox-program',
    onchange: () => {
      state.program = programSelect.value;
      // Keep the filter in the address without a new history entry or a re-render.
      history.replaceState(null, '', state.program ? `#/outbox?program=${encodeURIComponent(state.program)}` : '#/outbox');
      redraw(true);
    },
  }, h('option', { value: '' }, 'All programs'));
  const count = h('p', { class: 'muted', id: 'outbox-count', 'aria-live': 'polite' });
  const live = h('p', { class: 'live' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), 'Loading…');
  const list = h('div', { id: 'outbox-list', 'aria-busy': 'true' });

  replace(main,
    h('h1', { tabindex: -1 }, 'Outbox'),
    h('p', { class: 'muted' },
      'Every email the local host sent, newest first, as its recipient receives it. Open one to read it and follow ',
      'its links: an approval link opens the approval page, where you decide as the approver would. ',
      'Only the local host has an outbox; in Azure, email goes out through SendGrid.'),
    h('div', { class: 'filters' },
      h('div', { class: 'field' }, h('label', { for: 'outbox-program' }, 'Program'), programSelect),
      h('button', { type: 'button', class: 'secondary', onclick: () => load() }, 'Refresh now')),
    live,
    count,
    list);

  function fillPrograms() {
    const ids = new Set((state.messages ?? []).map((m) => m.programId).filter(Boolean));
    if (state.program) ids.add(state.program);
    const current = programSelect.value || state.program;
    replace(programSelect,
      h('option', { value: '' }, 'All programs'),
      [...ids].map((id) => h('option', { value: id }, state.names.get(id) ? `${state.names.get(id)} (${id})` : id)));
    programSelect.value = current;
  }

  function linkLabel(url) {
    const decision = new URL(url).searchParams.get('decision');
    if (decision === 'approve') return 'Approve';
    if (decision === 'decline') return 'Decline';
    return url;
  }

  function renderMessage(message) {
    const frame = h('iframe', {
      title: `Email: ${message.subject}`,
      // No scripts run in the email; links open in a new tab. Same origin only so the frame can be sized to its email.
      sandbox: 'allow-same-origin allow-popups allow-popups-to-escape-sandbox',
      referrerpolicy: 'no-referrer',
    });
    frame.addEventListener('load', () => {
      const body = frame.contentDocument?.documentElement;
      if (body) frame.style.height = `${Math.min(body.scrollHeight + 8, 2400)}px`;
    });
    const details = h('details', {
      ontoggle: () => {
        // The email is drawn the first time it is opened.
        if (details.open && !frame.hasAttribute('srcdoc')) frame.setAttribute('srcdoc', withNewTabLinks(message.html || textAsHtml(message.text)));
      },
    },
    h('summary', {},
      h('h2', {}, message.subject),
      h('span', { class: 'muted' }, `To ${message.to.join(', ')}`, message.cc.length ? ` · Cc ${message.cc.join(', ')}` : '',
        ' · ', time(message.sentAt, { seconds: true }))),
    h('div', { class: 'mail-body' },
      h('dl', { class: 'meta' },
        h('dt', {}, 'To'), h('dd', {}, message.to.join(', ')),
        message.cc.length ? [h('dt', {}, 'Cc'), h('dd', {}, message.cc.join(', '))] : null,
        h('dt', {}, 'Sent'), h('dd', {}, time(message.sentAt, { seconds: true })),
        message.programId ? [h('dt', {}, 'Program'), h('dd', {},
          h('a', { href: `#/programs/${encodeURIComponent(message.programId)}` }, state.names.get(message.programId) ?? message.programId))] : null,
        message.purpose ? [h('dt', {}, 'Purpose'), h('dd', {}, message.purpose)] : null),
      message.links.length ? [
        h('h3', {}, 'Links in this email'),
        h('ul', { class: 'links' }, message.links.map((url) => h('li', {},
          h('a', { href: url, target: '_blank', rel: 'noopener' }, linkLabel(url)),
          h('span', { class: 'muted small' }, ' (opens in a new tab)')))),
      ] : null,
      h('h3', {}, 'The email'),
      frame,
      h('details', {}, h('summary', {}, 'Plain-text version'), h('pre', { class: 'text' }, message.text))));
    return h('article', { class: 'mail', dataset: { messageId: message.id, programId: message.programId } }, details);
  }

  function redraw(full) {
    list.setAttribute('aria-busy', 'false');
    if (state.messages === null) {
      replace(list, h('p', { class: 'notice danger', role: 'alert' }, `The outbox could not be read: ${state.error}`));
      return;
    }
    const messages = state.messages.filter((m) => !state.program || m.programId === state.program);
    count.textContent = state.program
      ? `${plural(messages.length, 'email')} for this program`
      : `${plural(messages.length, 'email')}`;
    if (full) {
      shown.clear();
      replace(list);
    }
    if (messages.length === 0) {
      shown.clear();
      replace(list, h('p', { class: 'panel muted' }, 'No emails yet. Programs send their first when they ask for the charter confirmation.'));
      return;
    }
    if (shown.size === 0) replace(list);
    // Newest first: new emails go above the ones already shown, which are never moved (moving reloads a frame).
    const firstShown = list.querySelector('article.mail');
    for (const message of messages) {
      if (shown.has(message.id)) continue;
      const element = renderMessage(message);
      shown.set(message.id, element);
      list.insertBefore(element, firstShown);
    }
  }

  async function load() {
    try {
      const [messages, programs] = await Promise.all([api.getOutbox(), api.listPrograms().catch(() => [])]);
      if (stopped) return false;
      if (messages === null) {
        replace(list, h('p', { class: 'notice' }, 'This host has no outbox: email goes out through SendGrid.'));
        replace(live);
        return false;
      }
      for (const p of programs) state.names.set(p.id, p.name);
      state.error = null;
      state.messages = messages;
      fillPrograms();
      redraw(false);
      live.classList.remove('stopped');
      replace(live, h('span', { class: 'dot', 'aria-hidden': 'true' }),
        `Updated ${new Date().toLocaleTimeString()} · new emails appear by themselves`);
      return true;
    } catch (failure) {
      if (stopped) return false;
      state.error = failure.message;
      if (state.messages === null) redraw(false);
      live.classList.add('stopped');
      replace(live, h('span', { class: 'dot', 'aria-hidden': 'true' }), `Could not refresh (${failure.message}); trying again.`);
      return true;
    }
  }

  const stopPolling = poll(load, refreshEvery);
  load();
  return () => { stopped = true; stopPolling(); };
}

/** The email's HTML with every link opening in a new tab (the frame itself never navigates). */
function withNewTabLinks(html) {
  const base = '<base target="_blank">';
  // After the first of <head>, <html> or the doctype that is there: before a doctype would mean quirks mode.
  for (const opening of [/<head[^>]*>/i, /<html[^>]*>/i, /<!DOCTYPE[^>]*>/i]) {
    if (opening.test(html)) return html.replace(opening, (tag) => tag + base);
  }
  return base + html;
}

function textAsHtml(text) {
  const escaped = text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return `<pre style="white-space:pre-wrap;font:14px/1.5 system-ui,sans-serif">${escaped}</pre>`;
}
