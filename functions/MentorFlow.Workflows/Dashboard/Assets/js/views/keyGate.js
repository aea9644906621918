// Asks for the API key once per browser tab. The key is checked against the API before it is kept.

import * as api from '../api.js';
import { h, replace } from '../dom.js';

export function renderKeyGate(main, { message, onSignedIn }) {
  document.title = 'Enter the API key · MentorFlow';
  let busy = false;

  const input = h('input', {
    type: 'password', id: 'api-key', name: 'apiKey', autocomplete: 'off', spellcheck: 'false',
    autocapitalize: 'off', required: true, 'aria-describedby': 'api-key-hint',
  });
  const error = h('p', { class: 'field-error', id: 'api-key-error', hidden: true });
  const show = h('input', {
    type: 'checkbox', id: 'show-key',
    onchange: () => { input.type = show.checked ? 'text' : 'password'; },
  });
  const button = h('button', { type: 'submit' }, 'Continue');

  const fail = (text) => {
    error.textContent = text;
    error.hidden = false;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', 'api-key-error api-key-hint');
    input.focus();
  };

  const form = h('form', {
    novalidate: true,
    onsubmit: async (event) => {
      event.preventDefault();
      if (busy) return;
      const key = input.value.trim();
      if (key.length === 0) {
        fail('Enter the API key.');
        return;
      }
      busy = true;
      button.disabled = true;
      button.textContent = 'Checking…';
      try {
        await api.listPrograms({ key });
        api.setKey(key);
        onSignedIn();
      } catch (failure) {
        fail(failure.status === 401
          ? 'MentorFlow refused this key. Check it and try again.'
          : failure.message);
        busy = false;
        button.disabled = false;
        button.textContent = 'Continue';
      }
    },
  },
  h('div', { class: 'field' },
    h('label', { for: 'api-key' }, 'API key'),
    h('span', { class: 'hint', id: 'api-key-hint' },
      'Locally, the host prints it when it starts (and keeps it in ', h('code', {}, '.mentorflow/api-key'),
      '). In Azure, use a function key of the app.'),
    input,
    error),
  h('div', { class: 'field' },
    h('label', { for: 'show-key', class: 'inline' }, show, ' Show the key')),
  h('div', { class: 'actions' }, button));

  replace(main,
    h('div', { class: 'panel narrow' },
      h('h1', { tabindex: -1 }, 'Enter the API key'),
      message ? h('p', { class: 'notice info', role: 'alert' }, message) : null,
      h('p', {}, 'The dashboard shows and starts programs through the MentorFlow API, with your key. ',
        'The key is kept in this browser tab only and forgotten when the tab closes.'),
      form));
  return null;
}
