// What the Sponsorship, Pilot, Rollout and Stories stages gathered, on the program page: the leaders' pledges, the
// pairs (each compatibility explained on demand), the check-ins (low ratings marked as alerts) and the stories with the
// next-cohort candidates. The program page calls update(program) whenever the program or its audit log changed, so
// all four follow its live refresh (an answered check-in or a submitted story is in the audit log).

import * as api from '../api.js';
import { cell, h, keepFocus, replace } from '../dom.js';
import { humanize, plural, time } from '../format.js';

const pageSize = 25;
const storiesPageSize = 10;
const readAtOnce = 1000;
// Above this many items a list is paged through the API (top/skip) instead of read whole and paged in the browser.
const readWholeLimit = 5000;
const alertAtOrBelow = 2; // CheckInAnswer.AlertAtOrBelow: a rating this low alerts the program manager.

/** Reads a list's summary and items: every item when there are few, otherwise only the page shown. */
async function loadList(read, page, size) {
  const first = await read(0, readAtOnce);
  if (first.total <= readWholeLimit) {
    const items = [...first.items];
    while (items.length < first.total) {
      const next = await read(items.length, readAtOnce);
      if (next.items.length === 0) break;
      items.push(...next.items);
    }
    return { summary: first, total: first.total, items, all: true };
  }
  const shown = await read((page - 1) * size, size);
  return { summary: shown, total: shown.total, items: shown.items, all: false };
}

/** Previous / Next buttons under a list; the focus keys keep a keyboard user on the button they pressed. */
function pager(label, key, page, pages, go) {
  if (pages <= 1) return null;
  return h('nav', { class: 'pager', 'aria-label': label },
    h('button', {
      type: 'button', class: 'secondary', disabled: page === 1, dataset: { focusKey: `${key}-previous` },
      onclick: () => go(page - 1),
    }, '← Previous'),
    h('span', {}, `Page ${page} of ${pages}`),
    h('button', {
      type: 'button', class: 'secondary', disabled: page === pages, dataset: { focusKey: `${key}-next` },
      onclick: () => go(page + 1),
    }, 'Next →'));
}

const none = () => h('span', { class: 'muted' }, '—');

function person(p) {
  if (!p) return none();
  return [h('strong', {}, p.name || p.email), p.name && p.name !== p.email ? h('div', { class: 'muted small' }, p.email) : null];
}

function formatNumber(value, digits) {
  return Number(value).toLocaleString(undefined, { maximumFractionDigits: digits });
}

function roleWord(role) {
  return { mentor: 'Mentor', mentee: 'Mentee', sponsor: 'Sponsor' }[role] ?? humanize(role ?? '');
}

function stageState(program, name) {
  return program.stages.find((s) => s.name === name) ?? { state: 'Pending' };
}

export function createCohortSections(programId) {
  const lists = {
    pledges: { page: 1, data: null, error: null, read: (skip, top) => api.getPledges(programId, skip, top), size: pageSize },
    pairs: { page: 1, data: null, error: null, read: (skip, top) => api.getPairs(programId, skip, top), size: pageSize },
    checkins: { page: 1, data: null, error: null, read: (skip, top) => api.getCheckIns(programId, skip, top), size: pageSize },
    stories: { page: 1, data: null, error: null, read: (skip, top) => api.getStories(programId, skip, top), size: storiesPageSize },
  };
  const state = { program: null, openPairs: new Set(), checkinsShow: '', pairsStage: '', nextCohortPage: 1 };
  let stopped = false;
  let loading = 0;

  const body = {};
  const count = {};
  for (const name of Object.keys(lists)) {
    body[name] = h('div', { id: name });
    count[name] = h('span', { class: 'muted small', id: `${name}-count` });
  }
  const nextCohortBody = h('div', { id: 'next-cohort' });

  const pairsStageSelect = h('select', {
    id: 'pairs-stage',
    onchange: () => { state.pairsStage = pairsStageSelect.value; lists.pairs.page = 1; drawPairs(); },
  }, h('option', { value: '' }, 'Pilot and Rollout'), h('option', { value: 'Pilot' }, 'Pilot'), h('option', { value: 'Rollout' }, 'Rollout'));
  const pairsFilters = h('div', { class: 'filters', role: 'search', 'aria-label': 'Filter pairs', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'pairs-stage' }, 'Stage'), pairsStageSelect));

  const checkinsShowSelect = h('select', {
    id: 'checkins-show',
    onchange: () => { state.checkinsShow = checkinsShowSelect.value; lists.checkins.page = 1; drawCheckIns(); },
  },
  h('option', { value: '' }, 'Every check-in'),
  h('option', { value: 'alerts' }, 'Low ratings (alerts)'),
  h('option', { value: 'answered' }, 'Answered'),
  h('option', { value: 'open' }, 'Not answered'));
  const checkinsFilters = h('div', { class: 'filters', role: 'search', 'aria-label': 'Filter check-ins', hidden: true },
    h('div', { class: 'field' }, h('label', { for: 'checkins-show' }, 'Show'), checkinsShowSelect));
  const checkinsSummary = h('div', { id: 'checkins-summary' });

  const panel = (name, title, ...children) => h('section', { class: 'panel', 'aria-labelledby': `${name}-title` },
    h('div', { class: 'panel-head' }, h('h2', { id: `${name}-title` }, title), count[name]),
    children);

  const sections = [
    panel('pledges', 'Pledges', body.pledges),
    panel('pairs', 'Pairs', pairsFilters, body.pairs),
    panel('checkins', 'Check-ins', checkinsSummary, checkinsFilters, body.checkins),
    panel('stories', 'Stories', body.stories,
      h('h3', { id: 'next-cohort-title', class: 'subhead' }, 'Suggested for the next cohort'),
      nextCohortBody),
  ];

  // ---- loading -------------------------------------------------------------------------------------------------

  /** Which lists the program's stages can have produced: nothing is asked before its stage started. */
  function relevant(program) {
    const sponsorship = stageState(program, 'Sponsorship').state;
    const pilot = stageState(program, 'Pilot').state;
    return {
      pledges: sponsorship !== 'Pending',
      stories: sponsorship !== 'Pending',
      pairs: pilot !== 'Pending',
      checkins: pilot !== 'Pending',
    };
  }

  /** Called with each new version of the program (or of its audit log): reloads what the later stages gathered. */
  async function update(program) {
    state.program = program;
    const wanted = relevant(program);
    const ticket = ++loading;
    await Promise.all(Object.entries(lists).map(async ([name, list]) => {
      if (!wanted[name]) {
        list.data = null;
        list.error = null;
        return;
      }
      try {
        const data = await loadList(list.read, list.page, list.size);
        if (stopped || ticket !== loading) return;
        list.data = data;
        list.error = null;
      } catch (failure) {
        if (stopped || ticket !== loading) return;
        list.error = failure.message;
      }
    }));
    if (stopped || ticket !== loading) return;
    draw();
  }

  /** Moves to a page: a slice of what is loaded, or a page read from the API when the list is too long to hold. */
  async function goTo(name, page, redraw) {
    const list = lists[name];
    list.page = page;
    if (!list.data || list.data.all) {
      redraw();
      return;
    }
    const ticket = ++loading;
    try {
      const shown = await list.read((page - 1) * list.size, list.size);
      if (stopped || ticket !== loading) return;
      list.data = { summary: shown, total: shown.total, items: shown.items, all: false };
      list.error = null;
    } catch (failure) {
      if (stopped || ticket !== loading) return;
      list.error = failure.message;
    }
    redraw();
  }

  // ---- drawing -------------------------------------------------------------------------------------------------

  function draw() {
    drawPledges();
    drawPairs();
    drawCheckIns();
    drawStories();
  }

  /** Loading failed and nothing was shown yet: say so. Returns true when it drew the error. */
  function failed(name, what) {
    const list = lists[name];
    if (!list.error || list.data) return false;
    replace(body[name], h('p', { class: 'notice danger', role: 'alert' }, `The ${what} could not be loaded: ${list.error}`));
    return true;
  }

  function empty(name, text) {
    count[name].textContent = '';
    replace(body[name], h('p', { class: 'muted empty-state' }, text));
  }

  /** The page of a list to show (items already filtered when the whole list is loaded). */
  function pageOf(name, rows) {
    const list = lists[name];
    const matching = list.data.all ? rows.length : list.data.total;
    const pages = Math.max(1, Math.ceil(matching / list.size));
    list.page = Math.min(list.page, pages);
    const first = (list.page - 1) * list.size;
    const shown = list.data.all ? rows.slice(first, first + list.size) : rows;
    return { matching, pages, first, shown };
  }

  function rangeCaption(first, shown, matching, total, noun) {
    if (matching === 0) return `No ${noun} matches the filter.`;
    return `${first + 1}–${first + shown.length} of ${matching}` + (matching !== total ? ` matching (${total} in all)` : '');
  }

  // Pledges ------------------------------------------------------------------------------------------------------

  function drawPledges() {
    if (failed('pledges', 'pledges')) return;
    const data = lists.pledges.data;
    const sponsorship = state.program ? stageState(state.program, 'Sponsorship') : { state: 'Pending' };
    if (!data || data.total === 0) {
      empty('pledges', sponsorship.state === 'Pending'
        ? 'No pledges yet — the sales leaders are asked to pledge their support in the Sponsorship stage, once the sponsor endorsed the program.'
        : sponsorship.state === 'Skipped'
          ? 'The Sponsorship stage was skipped, so no leader was asked to pledge.'
          : sponsorship.state === 'Active'
            ? 'No pledges yet — the sales leaders are asked once the sponsor endorsed the program.'
            : 'No leader was asked to pledge.');
      return;
    }
    const { summary, total } = data;
    count.pledges.textContent = `${plural(total, 'leader')} asked`;
    const { pages, first, shown } = pageOf('pledges', data.items);
    keepFocus(body.pledges, () => replace(body.pledges,
      h('dl', { class: 'counts', id: 'pledges-summary' },
        h('div', {}, h('dt', {}, 'Pledged'), h('dd', {}, String(summary.pledged))),
        h('div', {}, h('dt', {}, 'Declined'), h('dd', {}, String(summary.declined))),
        h('div', {}, h('dt', {}, 'Pending'), h('dd', {}, String(summary.pending)))),
      h('table', { class: 'stack', id: 'pledges-table' },
        h('caption', {}, rangeCaption(first, shown, total, total, 'pledge')),
        h('thead', {}, h('tr', {}, ['Leader', 'Status', 'Decided', 'Comment'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, shown.map((p) => h('tr', { dataset: { leader: p.leader.email, status: p.status } },
          cell('Leader', person(p.leader)),
          cell('Status', h('span', { class: `badge ${p.status}` }, p.status),
            p.status === 'Pending' && p.dueAt ? h('div', { class: 'muted small' }, 'due ', time(p.dueAt)) : null),
          cell('Decided', p.decidedAt ? time(p.decidedAt) : none()),
          cell('Comment', p.comment ?? none()))))),
      pager('Pages of pledges', 'pledges', lists.pledges.page, pages, (page) => goTo('pledges', page, drawPledges))));
  }

  // Pairs --------------------------------------------------------------------------------------------------------

  function drawPairs() {
    if (failed('pairs', 'pairs')) return;
    const data = lists.pairs.data;
    if (!data || data.total === 0) {
      pairsFilters.hidden = true;
      const pilot = state.program ? stageState(state.program, 'Pilot') : { state: 'Pending' };
      empty('pairs', pilot.state === 'Pending'
        ? 'No pairs yet — matching happens in the Pilot stage.'
        : pilot.state === 'Skipped'
          ? 'The Pilot stage was skipped, so nobody was matched.'
          : pilot.state === 'Active'
            ? 'No pairs yet — the Pilot stage is inviting mentors; mentees are matched as mentors accept.'
            : `No pairs: ${pilot.summary ?? 'nobody was matched'}.`);
      return;
    }
    const { items, total, all } = data;
    pairsFilters.hidden = false;
    pairsStageSelect.disabled = !all;
    const matched = items.filter((p) => p.mentor).length;
    count.pairs.textContent = all
      ? `${plural(matched, 'pair')} matched, ${total - matched} unmatched`
      : `${plural(total, 'mentee')} (${matched} matched on this page)`;
    const rows = all ? items.filter((p) => state.pairsStage === '' || p.stage === state.pairsStage) : items;
    const { matching, pages, first, shown } = pageOf('pairs', rows);
    keepFocus(body.pairs, () => replace(body.pairs,
      h('table', { class: 'stack long-labels', id: 'pairs-table' },
        h('caption', {}, rangeCaption(first, shown, matching, total, 'pair')),
        h('thead', {}, h('tr', {}, ['Stage', 'Pair', 'Mentee', 'Mentor', 'Compatibility', 'Kicked off', 'Why'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, shown.flatMap(pairRow))),
      pager('Pages of pairs', 'pairs', lists.pairs.page, pages, (page) => goTo('pairs', page, drawPairs))));
  }

  function pairKey(p) {
    return `${p.stage}-${p.pairNumber}-${p.mentee.email}`;
  }

  function pairRow(p) {
    const key = pairKey(p);
    const open = state.openPairs.has(key);
    const detailId = `pair-why-${key.toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
    const canExplain = p.mentor && p.explanation && p.explanation.length > 0;
    const row = h('tr', { class: p.mentor ? null : 'unmatched', dataset: { stage: p.stage, mentee: p.mentee.email, matched: String(Boolean(p.mentor)) } },
      cell('Stage', p.stage),
      cell('Pair', p.mentor ? `#${p.pairNumber}` : none()),
      cell('Mentee', person(p.mentee)),
      cell('Mentor', p.mentor
        ? person(p.mentor)
        : [h('span', { class: 'badge Unmatched' }, 'Unmatched'), p.unmatchedReason ? h('div', { class: 'small' }, p.unmatchedReason) : null]),
      cell('Compatibility', p.mentor && p.compatibility !== null && p.compatibility !== undefined ? formatNumber(p.compatibility, 3) : none()),
      cell('Kicked off', p.kickedOffAt ? time(p.kickedOffAt) : none()),
      cell('Why', canExplain
        ? h('button', {
          type: 'button', class: 'quiet', 'aria-expanded': String(open), 'aria-controls': detailId,
          dataset: { focusKey: `pair-why-${key}` },
          onclick: () => { if (open) state.openPairs.delete(key); else state.openPairs.add(key); drawPairs(); },
        }, open ? 'Hide explanation' : 'Explain', h('span', { class: 'visually-hidden' }, ` the pair of ${p.mentee.name}`))
        : none()));
    if (!open || !canExplain) return [row];
    return [row, h('tr', { class: 'explanation', id: detailId }, h('td', { colspan: 7 }, pairExplanation(p)))];
  }

  function pairExplanation(p) {
    return h('div', { class: 'explain', role: 'region', 'aria-label': `Why: ${p.mentee.name} with ${p.mentor.name}` },
      h('h3', {}, `Why ${p.mentee.name} is paired with ${p.mentor.name}: compatibility ${formatNumber(p.compatibility, 3)}`),
      h('p', { class: 'small muted' }, 'compatibility = Σ weight × value over the matching factors; each value is between 0 and 1.'),
      h('table', { class: 'stack contributions long-labels' },
        h('thead', {}, h('tr', {}, ['Factor', 'Weight', 'Value', 'Contribution'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, p.explanation.map((f) => h('tr', { dataset: { factor: f.factor } },
          cell('Factor', humanize(f.factor)),
          cell('Weight', formatNumber(f.weight, 3)),
          cell('Value', formatNumber(f.value, 3)),
          cell('Contribution', formatNumber(f.contribution, 3)))))),
      p.matchedAt ? h('p', { class: 'small muted' }, 'Matched ', time(p.matchedAt), '.') : null);
  }

  // Check-ins ----------------------------------------------------------------------------------------------------

  function isAlert(c) {
    return c.rating !== null && c.rating !== undefined && c.rating <= alertAtOrBelow;
  }

  function drawCheckIns() {
    if (failed('checkins', 'check-ins')) {
      replace(checkinsSummary);
      return;
    }
    const data = lists.checkins.data;
    if (!data || data.total === 0) {
      checkinsFilters.hidden = true;
      replace(checkinsSummary);
      const pilot = state.program ? stageState(state.program, 'Pilot') : { state: 'Pending' };
      empty('checkins', pilot.state === 'Pending' || pilot.state === 'Active'
        ? 'No check-ins yet — both sides of every pair are asked how it goes at the Pilot’s and the Rollout’s check-in times.'
        : pilot.state === 'Skipped'
          ? 'The Pilot stage was skipped, so no check-in was sent.'
          : 'No check-in was sent: there were no pairs to ask.');
      return;
    }
    const { summary, items, total, all } = data;
    count.checkins.textContent = `${summary.answered} of ${plural(total, 'check-in')} answered`;
    replace(checkinsSummary, h('dl', { class: 'counts' },
      h('div', {}, h('dt', {}, 'Answered'), h('dd', {}, `${summary.answered} of ${total}`)),
      h('div', {}, h('dt', {}, 'Average rating'), h('dd', {},
        summary.averageRating === null || summary.averageRating === undefined ? '—' : `${formatNumber(summary.averageRating, 2)} / 5`)),
      h('div', { class: summary.alerts > 0 ? 'alert' : null }, h('dt', {}, `Low-rating alerts (${alertAtOrBelow} or less)`), h('dd', {}, String(summary.alerts)))));
    checkinsFilters.hidden = false;
    checkinsShowSelect.disabled = !all;
    const answered = (c) => Boolean(c.respondedAt);
    const show = state.checkinsShow;
    const rows = all ? items.filter((c) => show === ''
      || (show === 'alerts' && isAlert(c))
      || (show === 'answered' && answered(c))
      || (show === 'open' && !answered(c))) : items;
    const { matching, pages, first, shown } = pageOf('checkins', rows);
    keepFocus(body.checkins, () => replace(body.checkins,
      h('table', { class: 'stack', id: 'checkins-table' },
        h('caption', {}, rangeCaption(first, shown, matching, total, 'check-in')),
        h('thead', {}, h('tr', {}, ['Check-in', 'Participant', 'Partner', 'Rating', 'Comment', 'Answered'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, shown.map((c) => h('tr', {
          class: isAlert(c) ? 'alert' : null,
          dataset: { checkin: c.checkInId, alert: String(isAlert(c)), answered: String(answered(c)) },
        },
        cell('Check-in', `${c.stage} · round ${c.round}`, h('div', { class: 'muted small' }, `pair #${c.pairNumber}`)),
        cell('Participant', person(c.participant), h('div', { class: 'muted small' }, roleWord(c.role))),
        cell('Partner', c.partner ?? none()),
        cell('Rating', rating(c)),
        cell('Comment', c.comment ?? none()),
        cell('Answered', c.respondedAt
          ? time(c.respondedAt)
          : [h('span', { class: 'badge Pending' }, 'Not yet'), c.dueAt ? h('div', { class: 'muted small' }, 'due ', time(c.dueAt)) : null]))))),
      pager('Pages of check-ins', 'checkins', lists.checkins.page, pages, (page) => goTo('checkins', page, drawCheckIns))));
  }

  function rating(c) {
    if (c.rating === null || c.rating === undefined) return none();
    return isAlert(c)
      ? h('span', { class: 'badge Alert' }, `${c.rating} / 5 · Alert`)
      : h('span', {}, `${c.rating} / 5`);
  }

  // Stories ------------------------------------------------------------------------------------------------------

  function drawStories() {
    drawNextCohort();
    if (failed('stories', 'stories')) return;
    const data = lists.stories.data;
    if (!data || data.total === 0) {
      const storiesStage = state.program ? stageState(state.program, 'Stories') : { state: 'Pending' };
      empty('stories', storiesStage.state === 'Done' || storiesStage.state === 'Skipped'
        ? 'No story was told.'
        : 'No stories yet — the sponsor’s endorsement message is the first (Sponsorship stage); every paired participant is asked for theirs in the Stories stage.');
      return;
    }
    const { summary, items, total, all } = data;
    count.stories.textContent = `${plural(total, 'story', 'stories')} told, ${summary.published} published`
      + (summary.requested > total ? `; ${summary.requested - total} asked and not answered yet` : '');
    // The sponsor's message first: it opened the program. (Only within what is loaded when paging through the API.)
    const rows = all ? [...items].sort((a, b) => Number(b.role === 'sponsor') - Number(a.role === 'sponsor')) : items;
    const { pages, shown } = pageOf('stories', rows);
    keepFocus(body.stories, () => replace(body.stories,
      h('ol', { class: 'stories', id: 'stories-list' }, shown.map(storyCard)),
      pager('Pages of stories', 'stories', lists.stories.page, pages, (page) => goTo('stories', page, drawStories))));
  }

  function storyCard(s) {
    const sponsor = s.role === 'sponsor';
    return h('li', { class: `story${sponsor ? ' sponsor' : ''}`, dataset: { role: s.role, status: s.status } },
      h('article', { 'aria-label': `${sponsor ? 'Sponsor’s message' : 'Story'} by ${s.participant.name}` },
        h('div', { class: 'story-head' },
          h('h3', {}, sponsor ? 'The sponsor’s message' : s.participant.name,
            h('span', { class: 'muted small' }, sponsor ? ` · ${s.participant.name}` : ` · ${roleWord(s.role)}`)),
          h('span', { class: `badge ${s.status}` }, humanize(s.status))),
        s.story ? h('blockquote', {}, s.story) : h('p', { class: 'muted' }, 'No text.'),
        s.bestPractice ? h('p', { class: 'best-practice' }, h('strong', {}, 'Best practice: '), s.bestPractice) : null,
        h('p', { class: 'small muted' },
          s.submittedAt ? ['Told ', time(s.submittedAt), '. '] : null,
          sponsor ? 'Sent to the sales leaders with the endorsement.' : s.consentToShare ? 'Consented to share.' : 'Not to be shared (no consent).',
          s.suggestion ? [' Suggests ', h('strong', {}, s.suggestion), ' for the next cohort.'] : null)));
  }

  function drawNextCohort() {
    const data = lists.stories.data;
    const next = data?.summary?.nextCohort ?? [];
    if (!data || next.length === 0) {
      const storiesStage = state.program ? stageState(state.program, 'Stories') : { state: 'Pending' };
      replace(nextCohortBody, h('p', { class: 'muted empty-state' }, storiesStage.state === 'Done'
        ? 'Nobody was suggested for the next cohort.'
        : 'None yet — at the end of the Stories stage, the eligible mentees who were not nominated and the colleagues participants suggested are put to their leaders for the next cohort.'));
      return;
    }
    const pages = Math.max(1, Math.ceil(next.length / pageSize));
    state.nextCohortPage = Math.min(state.nextCohortPage, pages);
    const first = (state.nextCohortPage - 1) * pageSize;
    const shown = next.slice(first, first + pageSize);
    keepFocus(nextCohortBody, () => replace(nextCohortBody,
      h('table', { class: 'stack', id: 'next-cohort-table' },
        h('caption', {}, `${first + 1}–${first + shown.length} of ${plural(next.length, 'person', 'people')}`),
        h('thead', {}, h('tr', {}, ['Person', 'Why', 'Approver'].map((t) => h('th', { scope: 'col' }, t)))),
        h('tbody', {}, shown.map((c) => h('tr', { dataset: { email: c.email, source: c.source } },
          cell('Person', person(c)),
          cell('Why', c.source === 'ranked'
            ? `Ranked${c.rank ? ` #${c.rank}` : ''}, not nominated`
            : ['Suggested', c.suggestedBy ? [' by ', h('strong', {}, c.suggestedBy)] : null]),
          cell('Approver', c.approverEmail ?? none()))))),
      pager('Pages of the next cohort', 'next-cohort', state.nextCohortPage, pages, (page) => { state.nextCohortPage = page; drawNextCohort(); })));
  }

  return {
    sections,
    update,
    stop: () => { stopped = true; },
  };
}
