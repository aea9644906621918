// One program: status, the seven stages as a pipeline, whom it waits for, its counts, what each stage gathered
// (candidates and nominations; pledges, pairs, check-ins and stories) and its audit log, refreshed
// every two seconds while the program runs; a Cancel button while it can still be cancelled.

import * as api from '../api.js';
import { announce, cell, h, keepFocus, replace, uid } from '../dom.js';
import { fromNow, humanize, isEnded, plural, statusLabel, time } from '../format.js';
import { poll } from '../poll.js';
import { createCohortSections } from './cohort.js';
import { createCriteriaSections } from './criteria.js';

const refreshEvery = 2000;
const auditPageSize = 25;

export function renderProgramPage(main, route, context) {
  const id = route.id;
  document.title = 'Program · MentorFlow';
  const state = { program: null, audit: [], auditPage: 1, error: null };
  let stopped = false;

  const heading = h('h1', { tabindex: -1, id: 'program-name' }, 'Program');
  const facts = h('ul', { class: 'facts', id: 'program-facts' }, h('li', {}, 'Loading…'));
  const live = h('p', { class: 'live', id: 'program-live' }, h('span', { class: 'dot', 'aria-hidden': 'true' }), 'Loading…');
  const headActions = h('div', { class: 'actions' });
  const flash = context.takeFlash();
  const outcome = h('div', { id: 'program-outcome' });
  const stagesList = h('ol', { class: 'pipeline', id: 'stages', 'aria-label': 'The seven stages' });
  const waiting = h('div', { id: 'waiting-for' });
  const counts = h('div', { id: 'counts' });
  const audit = h('div', { id: 'audit' });
  const auditCount = h('span', { class: 'muted small' });
  const criteria = createCriteriaSections(id);
  const cohort = createCohortSections(id);

  replace(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All programs')),
    h('div', { class: 'page-head' }, h('div', {}, heading, facts, live), headActions),
    flash ? h('p', { class: 'notice success', role: 'status' }, flash) : null,
    outcome,
    h('section', { class: 'panel', 'aria-labelledby': 'stages-title' },
      h('h2', { id: 'stages-title' }, 'Stages'),
      stagesList),
    h('section', { class: 'panel', 'aria-labelledby': 'waiting-title' },
      h('h2', { id: 'waiting-title' }, 'Waiting for'),
      waiting),
    h('section', { class: 'panel', 'aria-labelledby': 'counts-title' },
      h('h2', { id: 'counts-title' }, 'Counts'),
      counts),
    criteria.sections,
    cohort.sections,
    h('section', { class: 'panel', 'aria-labelledby': 'audit-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'audit-title' }, 'Audit log'), auditCount),
      audit));

  // ---- drawing -------------------------------------------------------------------------------------------------

  function drawHead(program) {
    heading.textContent = program.name;
    document.title = `${program.name} · MentorFlow`;
    replace(facts,
      h('li', {}, h('span', { class: `badge ${program.status}`, id: 'program-status' }, statusLabel(program.status))),
      program.stage ? h('li', {}, 'Stage: ', h('strong', { id: 'program-stage' }, program.stage)) : null,
      h('li', {}, 'Started ', time(program.createdAt)),
      program.completedAt ? h('li', {}, 'Ended ', time(program.completedAt)) : null,
      h('li', {}, 'Id ', h('code', {}, program.id)));

    const outboxLink = context.outbox() === 'available'
      ? h('a', { class: 'button secondary', href: `#/outbox?program=${encodeURIComponent(program.id)}` }, 'Emails of this program')
      : null;
    keepFocus(headActions, () => replace(headActions,
      outboxLink,
      isEnded(program.status) ? null : h('button', {
        type: 'button', class: 'danger', id: 'cancel-program', dataset: { focusKey: 'cancel' }, onclick: openCancel,
      }, 'Cancel program')));

    if (program.reason || program.cancelledBy) {
      replace(outcome, h('div', { class: `notice ${program.status === 'Cancelled' ? '' : 'danger'}`, role: 'note', id: 'program-reason' },
        h('p', {}, h('strong', {}, `${statusLabel(program.status)}. `), program.reason ?? ''),
        program.cancelledBy
          ? h('p', { class: 'small' }, 'Cancelled by ', h('strong', {}, program.cancelledBy), ' on ', time(program.cancelledAt), '.')
          : null));
    } else if (program.status === 'Completed') {
      replace(outcome, h('p', { class: 'notice success', id: 'program-reason' },
        h('strong', {}, 'Completed. '), 'Every stage is done or, where the program did not need it, skipped with the reason.'));
    } else {
      replace(outcome);
    }
  }

  function drawStages(program) {
    replace(stagesList, program.stages.map((stage, index) => {
      const marker = stage.state === 'Done' ? '✓' : String(index + 1);
      return h('li', {
        class: `stage ${stage.state}`, dataset: { stage: stage.name, state: stage.state },
        'aria-current': stage.state === 'Active' ? 'step' : null,
      },
      h('h3', {}, stage.name),
      h('div', { class: 'stage-state' },
        h('span', { class: 'marker', 'aria-hidden': 'true' }, marker),
        h('span', { class: `badge ${stage.state}` }, stageWord(stage.state))),
      stage.startedAt ? h('p', { class: 'when' }, 'Started ', time(stage.startedAt)) : null,
      stage.completedAt ? h('p', { class: 'when' }, stage.state === 'Skipped' ? 'Skipped ' : 'Finished ', time(stage.completedAt)) : null,
      stage.summary ? h('p', { class: 'summary' }, stage.summary) : null);
    }));
  }

  function drawWaiting(program) {
    if (program.waitingFor.length === 0) {
      replace(waiting, h('p', { class: 'muted' }, isEnded(program.status)
        ? 'Nothing: the program has ended.'
        : 'Nothing: no approval is open.'));
      return;
    }
    const outboxHint = context.outbox() === 'available'
      ? h('p', { class: 'small muted' }, 'Locally, the request is in the ',
        h('a', { href: `#/outbox?program=${encodeURIComponent(program.id)}` }, 'outbox'),
        ': open it to approve or decline as the approver would.')
      : null;
    replace(waiting,
      h('table', { class: 'stack', id: 'waiting-table' },
        h('thead', {}, h('tr', {}, ['Approval', 'Approver', 'Asked', 'Due'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, program.waitingFor.map((w) => h('tr', {},
          cell('Approval', h('strong', {}, w.kind)),
          cell('Approver', w.approver),
          cell('Asked', time(w.since)),
          cell('Due', w.dueAt ? [time(w.dueAt), h('div', { class: 'muted small' }, fromNow(w.dueAt))] : 'no deadline'))))),
      outboxHint);
  }

  function drawCounts(program) {
    const entries = Object.entries(program.counts ?? {});
    if (entries.length === 0) {
      replace(counts, h('p', { class: 'muted' }, 'None yet: stages record their counts as they finish.'));
      return;
    }
    replace(counts, h('dl', { class: 'counts' }, entries.map(([name, value]) =>
      h('div', {}, h('dt', {}, humanize(name)), h('dd', {}, String(value))))));
  }

  function drawAudit() {
    const entries = [...state.audit].reverse(); // newest first
    auditCount.textContent = `${plural(entries.length, 'entry', 'entries')}, newest first`;
    if (entries.length === 0) {
      replace(audit, h('p', { class: 'muted' }, 'No entries yet.'));
      return;
    }
    const pages = Math.max(1, Math.ceil(entries.length / auditPageSize));
    state.auditPage = Math.min(state.auditPage, pages);
    const first = (state.auditPage - 1) * auditPageSize;
    const shown = entries.slice(first, first + auditPageSize);
    keepFocus(audit, () => replace(audit,
      h('table', { class: 'stack', id: 'audit-table' },
        h('thead', {}, h('tr', {}, ['When', 'Who', 'What', 'Details'].map((c) => h('th', { scope: 'col' }, c)))),
        h('tbody', {}, shown.map((e) => h('tr', { dataset: { action: e.action } },
          cell('When', time(e.at, { seconds: true })),
          cell('Who', e.actor),
          cell('What', humanize(e.action)),
          cell('Details', e.details))))),
      pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Pages of the audit log' },
        h('button', {
          type: 'button', class: 'secondary', disabled: state.auditPage === 1, dataset: { focusKey: 'audit-newer' },
          onclick: () => { state.auditPage -= 1; drawAudit(); },
        }, '← Newer'),
        h('span', {}, `Page ${state.auditPage} of ${pages}`),
        h('button', {
          type: 'button', class: 'secondary', disabled: state.auditPage === pages, dataset: { focusKey: 'audit-older' },
          onclick: () => { state.auditPage += 1; drawAudit(); },
        }, 'Older →')) : null));
  }

  function drawLive(ended) {
    live.classList.toggle('stopped', ended || state.error !== null);
    replace(live, h('span', { class: 'dot', 'aria-hidden': 'true' }),
      state.error
        ? `Could not refresh (${state.error}); trying again.`
        : ended
          ? `The program has ended; this page no longer refreshes. Last read ${new Date().toLocaleTimeString()}.`
          : `Live: refreshes every ${refreshEvery / 1000} seconds. Last read ${new Date().toLocaleTimeString()}.`);
  }

  // ---- loading -------------------------------------------------------------------------------------------------

  let lastProgram = '';
  let lastAudit = '';
  let lastCohort = '';
  let lastCohortAudit = '';
  function show(program, entries) {
    const previous = state.program;
    const programJson = JSON.stringify(program);
    if (programJson !== lastProgram) {
      lastProgram = programJson;
      state.program = program;
      drawHead(program);
      drawStages(program);
      drawWaiting(program);
      drawCounts(program);
      criteria.update(program);
      if (previous) announceChanges(previous, program);
    }
    const auditJson = JSON.stringify(entries);
    if (auditJson !== lastAudit) {
      lastAudit = auditJson;
      state.audit = entries;
      drawAudit();
    }
    // A check-in answered or a story told changes the audit log, not the program: either change reloads them.
    if (programJson !== lastCohort || auditJson !== lastCohortAudit) {
      lastCohort = programJson;
      lastCohortAudit = auditJson;
      cohort.update(program);
    }
  }

  function announceChanges(before, after) {
    const changes = [];
    if (before.status !== after.status) changes.push(`Status: ${statusLabel(after.status)}.`);
    after.stages.forEach((stage, i) => {
      if (before.stages[i]?.state !== stage.state) changes.push(`${stage.name}: ${stageWord(stage.state)}.`);
    });
    if (changes.length > 0) announce(changes.join(' '));
  }

  async function refresh() {
    try {
      const [program, entries] = await Promise.all([api.getProgram(id), api.getAudit(id)]);
      if (stopped) return false;
      state.error = null;
      show(program, entries);
      const ended = isEnded(program.status);
      drawLive(ended);
      return !ended;
    } catch (failure) {
      if (stopped) return false;
      if (failure.status === 404) {
        notFound();
        return false;
      }
      state.error = failure.message;
      drawLive(false);
      if (!state.program) replace(outcome, h('p', { class: 'notice danger', role: 'alert' }, `The program could not be loaded: ${failure.message}`));
      return true;
    }
  }

  function notFound() {
    document.title = 'Program not found · MentorFlow';
    replace(main,
      h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All programs')),
      h('h1', { tabindex: -1 }, 'Program not found'),
      h('p', {}, 'There is no program with the id ', h('code', {}, id), '.'));
  }

  // ---- cancel --------------------------------------------------------------------------------------------------

  let dialog = null;
  function openCancel() {
    const byId = uid('cancel-by');
    const reasonId = uid('cancel-reason');
    const errorId = uid('cancel-error');
    const by = h('input', {
      type: 'text', id: byId, name: 'by', autocomplete: 'name', required: true, 'aria-required': 'true', maxlength: 200,
      'aria-describedby': `${byId}-hint`, value: sessionStorage.getItem('mentorflow.name') ?? '',
    });
    const reason = h('textarea', { id: reasonId, name: 'reason', rows: 3, maxlength: 1000 });
    const error = h('p', { class: 'field-error', id: errorId, role: 'alert', hidden: true });
    const confirm = h('button', { type: 'submit', class: 'danger solid' }, 'Cancel the program');
    const keep = h('button', { type: 'button', class: 'secondary', onclick: () => dialog.close() }, 'Keep it running');
    let busy = false;

    const form = h('form', {
      method: 'dialog',
      novalidate: true,
      onsubmit: async (event) => {
        event.preventDefault();
        if (busy) return;
        // Who cancels is recorded in the audit log: the API refuses a blank name, so the dialog asks for it first.
        if (!by.value.trim()) {
          error.textContent = 'Enter your name: it is recorded as who cancelled the program.';
          error.hidden = false;
          by.setAttribute('aria-invalid', 'true');
          by.setAttribute('aria-describedby', `${byId}-hint ${errorId}`);
          by.focus();
          return;
        }
        by.removeAttribute('aria-invalid');
        busy = true;
        confirm.disabled = true;
        confirm.textContent = 'Cancelling…';
        sessionStorage.setItem('mentorflow.name', by.value.trim());
        try {
          const program = await api.cancelProgram(id, by.value.trim(), reason.value.trim());
          dialog.close();
          if (!stopped) {
            show(program, state.audit);
            refresh();
            announce('The program was cancelled.');
            heading.focus();
          }
        } catch (failure) {
          error.textContent = failure.problem?.detail ?? failure.message;
          error.hidden = false;
          busy = false;
          confirm.disabled = false;
          confirm.textContent = 'Cancel the program';
          if (failure.status === 409) refresh();
        }
      },
    },
    h('h2', { id: 'cancel-title' }, 'Cancel this program?'),
    h('p', {}, 'It stops at once, wherever it is; open approval requests stop counting. This cannot be undone.'),
    h('div', { class: 'field' },
      h('label', { for: byId }, 'Your name'),
      h('span', { class: 'hint', id: `${byId}-hint` }, 'Required. Recorded in the audit log as who cancelled.'),
      by),
    h('div', { class: 'field' }, h('label', { for: reasonId }, 'Reason (optional)'), reason),
    error,
    h('div', { class: 'actions' }, confirm, keep));

    dialog = h('dialog', { 'aria-labelledby': 'cancel-title', id: 'cancel-dialog', onclose: () => { dialog.remove(); dialog = null; document.getElementById('cancel-program')?.focus(); } }, form);
    document.body.append(dialog);
    dialog.showModal();
    by.focus();
  }

  const stopPolling = poll(refresh, refreshEvery);
  refresh().then((again) => { if (!again) stopPolling(); });

  // The outbox link appears once the host said it has one.
  const onOutbox = () => { if (state.program) { drawHead(state.program); drawWaiting(state.program); } };
  window.addEventListener('mentorflow:outbox', onOutbox);

  return () => {
    stopped = true;
    criteria.stop();
    cohort.stop();
    stopPolling();
    window.removeEventListener('mentorflow:outbox', onOutbox);
    dialog?.close();
  };
}

function stageWord(state) {
  return state === 'Active' ? 'In progress' : state;
}
