// Every program, newest first: name, status, current stage, what it waits for, when it started. Filters by status and
// name, pages of 20, and refreshes by itself every few seconds (programs move, and others may start one).

import * as api from '../api.js';
import { cell, h, keepFocus, replace } from '../dom.js';
import { fromNow, plural, statusLabel, statuses, time } from '../format.js';
import { poll } from '../poll.js';

const pageSize = 20;
const refreshEvery = 5000;

export function renderProgramList(main) {
  document.title = 'Programs · MentorFlow';
  const state = { programs: null, details: new Map(), page: 1, status: '', name: '', error: null, updatedAt: null };

  const results = h('div', { id: 'program-results', 'aria-busy': 'true' }, h('p', { class: 'muted' }, 'Loading programs…'));
  const updated = h('p', { class: 'live stopped', id: 'list-updated' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), 'Loading…');

  const statusSelect = h('select', {
    id: 'filter-status',
    onchange: () => { state.status = statusSelect.value; state.page = 1; draw(); },
  }, h('option', { value: '' }, 'All statuses'), statuses.map((s) => h('option', { value: s }, statusLabel(s))));
  const nameInput = h('input', {
    type: 'search', id: 'filter-name', autocomplete: 'off',
    oninput: () => { state.name = nameInput.value; state.page = 1; draw(); },
  });
  const filters = h('div', { class: 'filters', role: 'search', 'aria-label': 'Filter programs', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'filter-status' }, 'Status'), statusSelect),
    h('div', { class: 'field' }, h('label', { for: 'filter-name' }, 'Name contains'), nameInput));

  replace(main,
    h('div', { class: 'page-head' },
      h('div', {},
        h('h1', { tabindex: -1 }, 'Programs'),
        h('p', { class: 'muted' }, 'Every mentoring program, newest first.')),
      h('a', { class: 'button', href: '#/start' }, 'Start a program')),
    filters,
    updated,
    results);

  const visible = () => {
    const name = state.name.trim().toLowerCase();
    return state.programs.filter((p) =>
      (state.status === '' || p.status === state.status) && (name === '' || p.name.toLowerCase().includes(name)));
  };

  function waitingCell(program) {
    if (program.status !== 'WaitingForApproval') return h('span', { class: 'muted' }, '—');
    const detail = state.details.get(program.id);
    if (!detail) return h('span', { class: 'muted' }, 'Loading…');
    if (detail.waitingFor.length === 0) return h('span', { class: 'muted' }, '—');
    return h('ul', { class: 'plain' }, detail.waitingFor.map((w) => h('li', {},
      h('strong', {}, w.kind), ' from ', w.approver,
      w.dueAt ? h('span', { class: 'muted' }, ` · due ${fromNow(w.dueAt)}`) : null)));
  }

  function draw() {
    results.setAttribute('aria-busy', 'false');
    if (state.error && state.programs === null) {
      replace(results, h('p', { class: 'notice danger', role: 'alert' }, `The programs could not be loaded: ${state.error}`));
      return;
    }
    if (state.programs.length === 0) {
      filters.hidden = true;
      replace(results, h('div', { class: 'panel empty' },
        h('h2', {}, 'No programs yet'),
        h('p', { class: 'muted' }, 'Start the first mentoring program from its definition: paste your own, upload a file, or begin with the sample.'),
        h('a', { class: 'button', href: '#/start' }, 'Start a program')));
      return;
    }
    filters.hidden = false;

    const rows = visible();
    const pages = Math.max(1, Math.ceil(rows.length / pageSize));
    state.page = Math.min(state.page, pages);
    const first = (state.page - 1) * pageSize;
    const shown = rows.slice(first, first + pageSize);
    loadDetails(shown);

    keepFocus(results, () => {
      if (rows.length === 0) {
        replace(results, h('div', { class: 'panel empty' },
          h('p', {}, 'No programs match these filters.'),
          h('button', {
            type: 'button', class: 'secondary', dataset: { focusKey: 'clear' },
            onclick: () => { state.status = ''; state.name = ''; statusSelect.value = ''; nameInput.value = ''; draw(); statusSelect.focus(); },
          }, 'Clear the filters')));
        return;
      }
      replace(results,
        h('div', { class: 'table-wrap' },
          h('table', { class: 'stack', id: 'programs-table' },
            h('caption', {}, rows.length === state.programs.length
              ? `${plural(rows.length, 'program')}, newest first`
              : `${rows.length} of ${plural(state.programs.length, 'program')} match the filters`),
            h('thead', {}, h('tr', {},
              ['Program', 'Status', 'Stage', 'Waiting for', 'Started'].map((c) => h('th', { scope: 'col' }, c)))),
            h('tbody', {}, shown.map((p) => h('tr', { dataset: { programId: p.id } },
              cell('Program', h('a', { href: `#/programs/${encodeURIComponent(p.id)}`, dataset: { focusKey: `open-${p.id}` } }, p.name),
                h('div', { class: 'muted small mono id' }, p.id)),
              cell('Status', h('span', { class: `badge ${p.status}` }, statusLabel(p.status))),
              cell('Stage', p.stage ?? h('span', { class: 'muted' }, '—')),
              cell('Waiting for', waitingCell(p)),
              cell('Started', time(p.createdAt))))))),
        pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Pages of programs' },
          h('button', {
            type: 'button', class: 'secondary', disabled: state.page === 1, dataset: { focusKey: 'previous' },
            onclick: () => { state.page -= 1; draw(); },
          }, '← Previous'),
          h('span', { 'aria-live': 'polite' }, `Page ${state.page} of ${pages} (programs ${first + 1}–${first + shown.length} of ${rows.length})`),
          h('button', {
            type: 'button', class: 'secondary', disabled: state.page === pages, dataset: { focusKey: 'next' },
            onclick: () => { state.page += 1; draw(); },
          }, 'Next →')) : null);
    });
  }

  // "What it waits for" is on each program, not in the list: read it for the waiting programs on this page only.
  let detailsRequested = new Set();
  function loadDetails(shown) {
    const wanted = shown.filter((p) => p.status === 'WaitingForApproval' && !detailsRequested.has(p.id));
    if (wanted.length === 0) return;
    for (const p of wanted) detailsRequested.add(p.id);
    Promise.allSettled(wanted.map((p) => api.getProgram(p.id))).then((answers) => {
      let changed = false;
      answers.forEach((answer) => {
        if (answer.status === 'fulfilled' && answer.value) {
          state.details.set(answer.value.id, answer.value);
          changed = true;
        }
      });
      if (changed && !stopped) draw();
    });
  }

  function showUpdated() {
    replace(updated, h('span', { class: 'dot', 'aria-hidden': 'true' }),
      state.error
        ? `Could not refresh (${state.error}); trying again.`
        : `Updated ${new Date().toLocaleTimeString()} · refreshes every ${refreshEvery / 1000} seconds`);
    updated.classList.toggle('stopped', state.error !== null);
  }

  let lastJson = null;
  async function load() {
    try {
      const programs = await api.listPrograms();
      state.error = null;
      const json = JSON.stringify(programs);
      // Waiting details are read again on every refresh: an escalation changes whom a program waits for.
      detailsRequested = new Set();
      if (json !== lastJson || state.programs === null) {
        lastJson = json;
        state.programs = programs;
      }
      if (!stopped) {
        draw();
        showUpdated();
      }
      return true;
    } catch (failure) {
      state.error = failure.message;
      if (!stopped) {
        if (state.programs === null) draw();
        showUpdated();
      }
      return true;
    }
  }

  let stopped = false;
  const stopPolling = poll(load, refreshEvery);
  load();
  return () => { stopped = true; stopPolling(); };
}
