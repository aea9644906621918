// The Criteria stage on the program page: every evaluated person (sortable, filterable, paged, each explained on
// demand: rules with pass/fail, metrics, each weight's contribution to the score) and the nominations the sales
// leaders decide. The program page calls update(program) whenever the program changed, so both follow its live refresh.

import * as api from '../api.js';
import { cell, h, keepFocus, replace } from '../dom.js';
import { humanize, plural, time } from '../format.js';

const pageSize = 25;
const readAtOnce = 1000; // the API's largest page
// Sorting and filtering need every candidate in the browser; above this many the table pages through the API instead.
const sortLimit = 5000;

const sorts = {
  rank: { label: 'Rank (the API’s order)', compare: null },
  score: { label: 'Score, highest first', compare: (a, b) => (b.score ?? -Infinity) - (a.score ?? -Infinity) },
  name: { label: 'Name, A to Z', compare: (a, b) => a.name.localeCompare(b.name) || a.email.localeCompare(b.email) },
};

export function createCriteriaSections(programId) {
  const state = {
    criteria: 'unknown', // the Criteria stage's state
    candidates: null, // { total, items, all: true } or { total, items (one page), all: false }
    nominations: null, // { total, items }
    error: null,
    sort: 'rank',
    pool: '',
    eligible: '',
    page: 1,
    nominationsPage: 1,
    open: new Set(), // emails whose explanation is open
  };
  let loading = 0;
  let stopped = false;

  const candidatesBody = h('div', { id: 'candidates' }, h('p', { class: 'muted' }, 'Loading…'));
  const nominationsBody = h('div', { id: 'nominations' }, h('p', { class: 'muted' }, 'Loading…'));
  const candidatesCount = h('span', { class: 'muted small', id: 'candidates-count' });
  const nominationsCount = h('span', { class: 'muted small', id: 'nominations-count' });

  const sortSelect = h('select', { id: 'candidates-sort', onchange: () => { state.sort = sortSelect.value; state.page = 1; drawCandidates(); } },
    Object.entries(sorts).map(([value, s]) => h('option', { value }, s.label)));
  const poolSelect = h('select', { id: 'candidates-pool', onchange: () => { state.pool = poolSelect.value; state.page = 1; drawCandidates(); } },
    h('option', { value: '' }, 'Mentees and mentors'), h('option', { value: 'mentee' }, 'Mentees'), h('option', { value: 'mentor' }, 'Mentors'));
  const eligibleSelect = h('select', { id: 'candidates-eligible', onchange: () => { state.eligible = eligibleSelect.value; state.page = 1; drawCandidates(); } },
    h('option', { value: '' }, 'Eligible or not'), h('option', { value: 'yes' }, 'Eligible'), h('option', { value: 'no' }, 'Not eligible'));
  const filters = h('div', { class: 'filters', role: 'search', 'aria-label': 'Sort and filter candidates', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'candidates-sort' }, 'Sort by'), sortSelect),
    h('div', { class: 'field' }, h('label', { for: 'candidates-pool' }, 'Pool'), poolSelect),
    h('div', { class: 'field' }, h('label', { for: 'candidates-eligible' }, 'Eligibility'), eligibleSelect));
  const serverNote = h('p', { class: 'small muted', id: 'candidates-paged-note', hidden: true });

  const sections = [
    h('section', { class: 'panel', 'aria-labelledby': 'candidates-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'candidates-title' }, 'Candidates'), candidatesCount),
      filters, serverNote, candidatesBody),
    h('section', { class: 'panel', 'aria-labelledby': 'nominations-title' },
      h('div', { class: 'panel-head' }, h('h2', { id: 'nominations-title' }, 'Nominations'), nominationsCount),
      nominationsBody),
  ];

  // ---- loading -------------------------------------------------------------------------------------------------

  /** Called with each new version of the program: reloads what the Criteria stage produced. */
  async function update(program) {
    const stage = program.stages.find((s) => s.name === 'Criteria');
    state.criteria = stage?.state ?? 'Pending';
    if (state.criteria === 'Pending') {
      state.candidates = null;
      state.nominations = null;
      draw();
      return;
    }
    const ticket = ++loading;
    try {
      const [candidates, nominations] = await Promise.all([loadCandidates(), api.getAll((skip, top) => api.getNominations(programId, skip, top), { top: readAtOnce })]);
      if (stopped || ticket !== loading) return;
      state.candidates = candidates;
      state.nominations = nominations;
      state.error = null;
    } catch (failure) {
      if (stopped || ticket !== loading) return;
      state.error = failure.message;
    }
    draw();
  }

  async function loadCandidates() {
    const read = (skip, top) => api.getCandidates(programId, skip, top);
    const first = await read(0, readAtOnce);
    if (first.total <= sortLimit) {
      const items = [...first.items];
      while (items.length < first.total) {
        const next = await read(items.length, readAtOnce);
        if (next.items.length === 0) break;
        items.push(...next.items);
      }
      return { total: first.total, items, all: true };
    }
    // Too many to sort in the browser: the API's order, one page at a time.
    const page = await read((state.page - 1) * pageSize, pageSize);
    return { total: page.total, items: page.items, all: false };
  }

  async function goToServerPage(page) {
    state.page = page;
    const ticket = ++loading;
    try {
      const result = await api.getCandidates(programId, (page - 1) * pageSize, pageSize);
      if (stopped || ticket !== loading) return;
      state.candidates = { total: result.total, items: result.items, all: false };
      state.error = null;
    } catch (failure) {
      if (stopped || ticket !== loading) return;
      state.error = failure.message;
    }
    drawCandidates();
  }

  // ---- drawing -------------------------------------------------------------------------------------------------

  function draw() {
    drawCandidates();
    drawNominations();
  }

  function notYet(container, count, what) {
    count.textContent = '';
    const text = state.criteria === 'Pending'
      ? `The Criteria stage has not started yet: ${what} appear here when it runs.`
      : state.criteria === 'Skipped'
        ? `The Criteria stage was skipped, so there are no ${what}.`
        : `None yet: the Criteria stage is still evaluating.`;
    replace(container, h('p', { class: 'muted' }, text));
  }

  function candidateRows() {
    const { items, all } = state.candidates;
    if (!all) return items;
    let rows = items.filter((c) =>
      (state.pool === '' || c.pool === state.pool)
      && (state.eligible === '' || (state.eligible === 'yes') === c.eligible));
    const compare = sorts[state.sort].compare;
    if (compare) rows = [...rows].sort(compare);
    return rows;
  }

  function drawCandidates() {
    if (state.error && !state.candidates) {
      replace(candidatesBody, h('p', { class: 'notice danger', role: 'alert' }, `The candidates could not be loaded: ${state.error}`));
      return;
    }
    if (!state.candidates || state.candidates.total === 0) {
      filters.hidden = true;
      serverNote.hidden = true;
      notYet(candidatesBody, candidatesCount, 'candidates');
      return;
    }
    const { total, all } = state.candidates;
    filters.hidden = false;
    for (const control of [sortSelect, poolSelect, eligibleSelect]) control.disabled = !all;
    serverNote.hidden = all;
    serverNote.textContent = all ? '' : `Sorting and filtering need every candidate in the browser; with ${total} they are shown in the API’s order (eligible mentees by rank, then the others), ${pageSize} at a time.`;
    candidatesCount.textContent = plural(total, 'person', 'people') + ' evaluated';

    const rows = candidateRows();
    const matching = all ? rows.length : total;
    const pages = Math.max(1, Math.ceil(matching / pageSize));
    state.page = Math.min(state.page, pages);
    const shown = all ? rows.slice((state.page - 1) * pageSize, state.page * pageSize) : rows;
    const first = (state.page - 1) * pageSize;
    const caption = matching === 0
      ? 'No candidate matches the filters.'
      : `${first + 1}–${first + shown.length} of ${matching}` + (all && matching !== total ? ` matching (${total} in all)` : '') + `, sorted by ${state.sort === 'rank' ? 'rank' : state.sort}`;

    const sortOf = (column) => (state.sort === column ? (column === 'score' ? 'descending' : 'ascending') : null);
    keepFocus(candidatesBody, () => replace(candidatesBody,
      h('table', { class: 'stack', id: 'candidates-table' },
        h('caption', {}, caption),
        h('thead', {}, h('tr', {},
          h('th', { scope: 'col', 'aria-sort': sortOf('rank') }, 'Rank'),
          h('th', { scope: 'col', 'aria-sort': sortOf('name') }, 'Person'),
          h('th', { scope: 'col' }, 'Pool'),
          h('th', { scope: 'col' }, 'Eligible'),
          h('th', { scope: 'col', 'aria-sort': sortOf('score') }, 'Score'),
          h('th', { scope: 'col' }, 'Nomination'),
          h('th', { scope: 'col' }, 'Why'))),
        h('tbody', {}, shown.flatMap(candidateRow))),
      pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Pages of candidates' },
        h('button', {
          type: 'button', class: 'secondary', disabled: state.page === 1, dataset: { focusKey: 'candidates-previous' },
          onclick: () => (all ? (state.page -= 1, drawCandidates()) : goToServerPage(state.page - 1)),
        }, '← Previous'),
        h('span', {}, `Page ${state.page} of ${pages}`),
        h('button', {
          type: 'button', class: 'secondary', disabled: state.page === pages, dataset: { focusKey: 'candidates-next' },
          onclick: () => (all ? (state.page += 1, drawCandidates()) : goToServerPage(state.page + 1)),
        }, 'Next →')) : null));
  }

  function candidateRow(c) {
    const open = state.open.has(c.email);
    const detailId = `explain-${cssSafe(c.email)}`;
    const row = h('tr', { dataset: { email: c.email, pool: c.pool, eligible: String(c.eligible) } },
      cell('Rank', c.rank ?? h('span', { class: 'muted' }, '—')),
      cell('Person', h('strong', {}, c.name), h('div', { class: 'muted small' }, c.email)),
      cell('Pool', c.pool === 'mentee' ? 'Mentee' : 'Mentor'),
      cell('Eligible', c.eligible ? 'Yes' : h('span', {}, 'No', h('span', { class: 'muted small' }, ` (${failedRules(c)})`))),
      cell('Score', c.score === null || c.score === undefined ? h('span', { class: 'muted' }, '—') : formatNumber(c.score, 3)),
      cell('Nomination', c.nominated ? h('span', { class: `badge ${c.decision ?? 'Pending'}` }, `Nominated · ${c.decision ?? 'Pending'}`) : h('span', { class: 'muted' }, '—')),
      cell('Why', h('button', {
        type: 'button', class: 'quiet', 'aria-expanded': String(open), 'aria-controls': detailId,
        dataset: { focusKey: `explain-${c.email}` },
        onclick: () => { if (open) state.open.delete(c.email); else state.open.add(c.email); drawCandidates(); },
      }, open ? 'Hide explanation' : 'Explain', h('span', { class: 'visually-hidden' }, ` ${c.name}`))));
    if (!open) return [row];
    return [row, h('tr', { class: 'explanation', id: detailId },
      h('td', { colspan: 7 }, explanation(c)))];
  }

  function explanation(c) {
    const metrics = Object.entries(c.metrics ?? {});
    return h('div', { class: 'explain', role: 'region', 'aria-label': `Why: ${c.name}` },
      h('h3', {}, `Why ${c.name} is ${c.eligible ? '' : 'not '}an eligible ${c.pool}`),
      c.rules.length === 0
        ? h('p', { class: 'muted small' }, 'No eligibility rules: everyone in this pool is eligible.')
        : h('ul', { class: 'rules' }, c.rules.map((r) => h('li', { class: r.passed ? 'passed' : 'failed', dataset: { passed: String(r.passed) } },
          h('span', { class: `badge ${r.passed ? 'Done' : 'Declined'}` }, r.passed ? 'Passed' : 'Failed'), ' ',
          h('code', {}, r.rule), h('div', { class: 'small muted' }, r.detail)))),
      c.contributions.length > 0 ? [
        h('h3', {}, 'Score', c.score !== null && c.score !== undefined ? ` ${formatNumber(c.score, 3)}` : '', c.rank ? ` · rank ${c.rank}` : ''),
        h('p', { class: 'small muted' }, 'score = Σ weight × normalised ÷ Σ weight; each value is min–max normalised over the eligible pool.'),
        h('table', { class: 'stack contributions' },
          h('thead', {}, h('tr', {}, ['Metric', 'Value', 'Normalised', 'Weight', 'Points'].map((t) => h('th', { scope: 'col' }, t)))),
          h('tbody', {}, c.contributions.map((k) => h('tr', {},
            cell('Metric', humanize(k.metric)),
            cell('Value', k.value === null || k.value === undefined ? h('span', { class: 'muted' }, 'missing (counts as 0)') : formatNumber(k.value, 3)),
            cell('Normalised', formatNumber(k.normalised, 3)),
            cell('Weight', formatNumber(k.weight, 3)),
            cell('Points', formatNumber(k.points, 3)))))),
      ] : h('p', { class: 'small muted' }, c.eligible ? 'No selection weights: no score.' : 'Not scored: only eligible people are ranked.'),
      h('h3', {}, 'Metrics'),
      metrics.length === 0 ? h('p', { class: 'muted small' }, 'None.') : h('dl', { class: 'metrics' }, metrics.map(([name, value]) =>
        h('div', {}, h('dt', {}, humanize(name)), h('dd', {}, formatMetric(value))))));
  }

  function drawNominations() {
    if (state.error && !state.nominations) {
      replace(nominationsBody, h('p', { class: 'notice danger', role: 'alert' }, `The nominations could not be loaded: ${state.error}`));
      return;
    }
    if (!state.nominations || state.nominations.total === 0) {
      if (state.criteria === 'Done' && state.nominations) {
        nominationsCount.textContent = '';
        replace(nominationsBody, h('p', { class: 'muted' }, 'Nobody was nominated.'));
      } else {
        notYet(nominationsBody, nominationsCount, 'nominations');
      }
      return;
    }
    const { items, total } = state.nominations;
    const decided = items.filter((n) => n.status !== 'Pending').length;
    nominationsCount.textContent = `${plural(total, 'nomination')}, ${decided} decided`;
    const names = new Map((state.candidates?.items ?? []).map((c) => [c.email.toLowerCase(), c.name]));
    const pages = Math.max(1, Math.ceil(items.length / pageSize));
    state.nominationsPage = Math.min(state.nominationsPage, pages);
    const shown = items.slice((state.nominationsPage - 1) * pageSize, state.nominationsPage * pageSize);
    keepFocus(nominationsBody, () => replace(nominationsBody,
      h('table', { class: 'stack', id: 'nominations-table' },
        h('thead', {}, h('tr', {}, ['Nominee', 'Approver', 'Status', 'Decided by', 'Decided', 'Comment'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, shown.map((n) => h('tr', { dataset: { nominee: n.nominee ?? '', status: n.status } },
          cell('Nominee', names.has((n.nominee ?? '').toLowerCase()) ? [h('strong', {}, names.get(n.nominee.toLowerCase())), h('div', { class: 'muted small' }, n.nominee)] : n.nominee ?? '—'),
          cell('Approver', n.approver ?? '—'),
          cell('Status', h('span', { class: `badge ${n.status}` }, n.status), n.status === 'Pending' && n.dueAt ? h('div', { class: 'muted small' }, 'due ', time(n.dueAt)) : null),
          cell('Decided by', n.decidedBy ?? h('span', { class: 'muted' }, '—')),
          cell('Decided', n.decidedAt ? time(n.decidedAt) : h('span', { class: 'muted' }, '—')),
          cell('Comment', n.comment ?? h('span', { class: 'muted' }, '—')))))),
      pages > 1 ? h('nav', { class: 'pager', 'aria-label': 'Pages of nominations' },
        h('button', {
          type: 'button', class: 'secondary', disabled: state.nominationsPage === 1, dataset: { focusKey: 'nominations-previous' },
          onclick: () => { state.nominationsPage -= 1; drawNominations(); },
        }, '← Previous'),
        h('span', {}, `Page ${state.nominationsPage} of ${pages}`),
        h('button', {
          type: 'button', class: 'secondary', disabled: state.nominationsPage === pages, dataset: { focusKey: 'nominations-next' },
          onclick: () => { state.nominationsPage += 1; drawNominations(); },
        }, 'Next →')) : null));
  }

  return {
    sections,
    update,
    stop: () => { stopped = true; },
  };
}

function failedRules(c) {
  const failed = c.rules.filter((r) => !r.passed).length;
  return failed === 0 ? 'not in the pool' : `${plural(failed, 'rule')} failed`;
}

function formatNumber(value, digits) {
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });
}

function formatMetric(value) {
  if (value === null || value === undefined) return h('span', { class: 'muted' }, 'missing');
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  if (typeof value === 'number') return formatNumber(value, 3);
  return String(value);
}

function cssSafe(text) {
  return text.toLowerCase().replace(/[^a-z0-9]+/g, '-');
}
