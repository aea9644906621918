// Start a program: paste, upload or load a sample definition and submit it. The API is the only validator: when it
// answers 400, each problem is shown next to the line of the definition its JSON path names. A double click, or a
// retry of the same text, never starts a second program (the button locks, and an Idempotency-Key goes along).

import * as api from '../api.js';
import { announce, h, replace, uid } from '../dom.js';
import { plural } from '../format.js';
import { indexPaths, locate } from '../jsonPaths.js';

const samples = [
  { file: 'sales-leadership-2027.json', label: 'Sales Leadership Mentoring 2027' },
  { file: 'quick-demo.json', label: 'Quick demo (waits of seconds)' },
];

export function renderStartForm(main, route, context) {
  document.title = 'Start a program · MentorFlow';
  const draft = randomId();
  let submitting = false;
  let loadedSample = null;
  let stopped = false;

  const textarea = h('textarea', {
    id: 'definition', name: 'definition', class: 'code', rows: 24, spellcheck: 'false', autocomplete: 'off',
    autocapitalize: 'off', 'aria-describedby': 'definition-hint',
  });
  const textareaError = h('p', { class: 'field-error', id: 'definition-error', hidden: true });
  const summary = h('div', { class: 'error-summary', id: 'error-summary', tabindex: -1, hidden: true, 'aria-labelledby': 'error-summary-title' });
  const problems = h('div', { class: 'problems', id: 'problems', hidden: true });
  const submit = h('button', { type: 'submit', id: 'start-submit' }, 'Start the program');

  const sampleSelect = h('select', { id: 'sample', 'aria-describedby': 'sample-hint' }, samples.map((s) => h('option', { value: s.file }, s.label)));
  const sampleButton = h('button', {
    type: 'button', class: 'secondary', id: 'load-sample',
    onclick: async () => {
      const current = textarea.value.trim();
      if (current.length > 0 && current !== loadedSample?.trim()
        && !window.confirm('Replace the definition in the box with the sample?')) return;
      try {
        const text = await api.getSample(sampleSelect.value);
        setDefinition(text);
        loadedSample = text;
        announce('Sample loaded into the definition box.');
      } catch (failure) {
        showSummary('The sample could not be loaded.', failure.message);
      }
    },
  }, 'Load the sample');

  const fileInput = h('input', {
    type: 'file', id: 'definition-file', accept: '.json,application/json',
    onchange: async () => {
      const file = fileInput.files?.[0];
      if (!file) return;
      setDefinition(await file.text());
      loadedSample = null;
      announce(`${file.name} loaded into the definition box.`);
    },
  });

  const form = h('form', { id: 'start-form', novalidate: true, onsubmit: onSubmit },
    summary,
    h('div', { class: 'field' },
      h('label', { for: 'definition' }, 'Program definition (JSON)'),
      h('span', { class: 'hint', id: 'definition-hint' },
        'The whole document: name, purpose, people, roles, criteria, approvals and stage durations. ',
        'Every field is described in docs/program-definition.md. Nothing is stored unless all of it is valid.'),
      textareaError,
      problems,
      textarea),
    h('div', { class: 'actions' }, submit));

  replace(main,
    h('p', { class: 'breadcrumb' }, h('a', { href: '#/' }, '← All programs')),
    h('h1', { tabindex: -1 }, 'Start a program'),
    h('p', { class: 'muted' }, 'Paste a program definition, upload a file, or start from a sample and change it. ',
      'If MentorFlow finds problems, each is shown next to the line of the definition it is about.'),
    h('section', { class: 'panel', 'aria-labelledby': 'source-title' },
      h('h2', { id: 'source-title' }, 'Where the definition comes from'),
      h('div', { class: 'field' },
        h('label', { for: 'sample' }, 'Start from a sample'),
        h('span', { class: 'hint', id: 'sample-hint' }, 'The first waits days for each answer, as a real program; the quick demo waits seconds.'),
        h('div', { class: 'row' }, sampleSelect, sampleButton)),
      h('div', { class: 'field' },
        h('label', { for: 'definition-file' }, 'Or upload a JSON file'), fileInput)),
    h('section', { class: 'panel', 'aria-labelledby': 'definition-title' },
      h('h2', { id: 'definition-title', class: 'visually-hidden' }, 'The definition'),
      form));

  function setDefinition(text) {
    textarea.value = text;
    clearErrors();
    textarea.focus();
    textarea.setSelectionRange(0, 0);
    textarea.scrollTop = 0;
  }

  function clearErrors() {
    summary.hidden = true;
    replace(summary);
    problems.hidden = true;
    replace(problems);
    textareaError.hidden = true;
    textarea.removeAttribute('aria-invalid');
    textarea.setAttribute('aria-describedby', 'definition-hint');
  }

  /** A failure that is not about particular fields (not JSON, too large, the service down…). */
  function showSummary(title, detail) {
    replace(summary,
      h('h2', { id: 'error-summary-title' }, title),
      detail ? h('p', {}, detail) : null);
    summary.hidden = false;
    summary.setAttribute('role', 'alert');
    summary.focus();
  }

  function onSubmit(event) {
    event.preventDefault();
    if (submitting) return; // a second click while the first is on its way does nothing
    const text = textarea.value;
    clearErrors();
    if (text.trim().length === 0) {
      textareaError.textContent = 'Paste, upload or load a program definition first.';
      textareaError.hidden = false;
      textarea.setAttribute('aria-invalid', 'true');
      textarea.setAttribute('aria-describedby', 'definition-error definition-hint');
      textarea.focus();
      return;
    }
    submitting = true;
    submit.disabled = true;
    submit.setAttribute('aria-busy', 'true');
    submit.textContent = 'Starting…';
    announce('Starting the program…');
    start(text);
  }

  async function start(text) {
    try {
      // The same text from this form always carries the same key, so a retry returns the program already started.
      const created = await api.createProgram(text, `dashboard-${draft}-${hash(text)}`);
      if (stopped) return;
      context.flash('Program started. This page follows it live; nothing needs reloading.');
      window.location.hash = `#/programs/${encodeURIComponent(created.id)}`;
    } catch (failure) {
      if (stopped) return;
      submitting = false;
      submit.disabled = false;
      submit.removeAttribute('aria-busy');
      submit.textContent = 'Start the program';
      if (failure.status === 400 && Array.isArray(failure.problem?.errors)) showProblems(text, failure.problem);
      else showSummary(failure.problem?.title ?? 'The program was not started.', failure.problem?.detail ?? failure.message);
    }
  }

  /** The API's problems, each next to the line of the definition its path names. */
  function showProblems(text, problem) {
    const index = indexPaths(text);
    const lines = text.split('\n');
    const located = problem.errors.map((error, n) => ({ ...error, n, ...locate(text, index, error.path, error.message) }));

    // One box per line, in line order, each with the problems found there.
    const byLine = new Map();
    for (const problemAt of located) {
      if (!byLine.has(problemAt.line)) byLine.set(problemAt.line, []);
      byLine.get(problemAt.line).push(problemAt);
    }
    const boxes = [...byLine.entries()].sort((a, b) => a[0] - b[0]).map(([line, here]) => {
      const boxId = uid('problem');
      const first = Math.max(1, line - 2);
      const snippet = [];
      for (let n = first; n <= Math.min(line, lines.length); n += 1) {
        snippet.push(h('span', { class: n === line ? 'line hit' : 'line' },
          h('span', { class: 'no', 'aria-hidden': 'true' }, String(n)), lines[n - 1] ?? ''));
      }
      for (const p of here) p.boxId = boxId;
      return h('div', { class: 'problem', id: boxId, tabindex: -1, role: 'group', 'aria-label': `Line ${line}` },
        h('div', { class: 'problem-head' },
          h('span', {}, h('strong', {}, `Line ${line}`),
            here.some((p) => !p.exact) ? h('span', { class: 'muted' }, ` (where ${here[0].at === '$' ? 'the document' : here[0].at} starts: the field is missing)`) : null),
          h('button', { type: 'button', class: 'quiet', onclick: () => goToLine(line) }, `Edit line ${line}`)),
        h('pre', { class: 'snippet', 'aria-hidden': 'true' }, snippet),
        here.map((p) => h('p', { class: 'field-error', id: `problem-message-${p.n}`, dataset: { path: p.path } },
          h('span', { class: 'path' }, p.path), ' ', p.message)));
    });

    replace(problems, boxes);
    problems.hidden = false;
    replace(summary,
      h('h2', { id: 'error-summary-title' },
        `The definition has ${plural(located.length, 'problem')}; no program was started`),
      h('p', {}, 'Each is shown below next to the line it is about. Fix them in the box and start again.'),
      h('ul', {}, located.map((p) => h('li', {},
        h('button', {
          type: 'button', class: 'link',
          onclick: () => { const box = document.getElementById(p.boxId); box?.scrollIntoView({ block: 'center' }); box?.focus(); },
        }, h('span', { class: 'mono' }, p.path), `: ${p.message}`)))));
    summary.hidden = false;
    summary.setAttribute('role', 'alert');
    textarea.setAttribute('aria-invalid', 'true');
    textarea.setAttribute('aria-describedby', 'error-summary-title definition-hint');
    summary.focus();
  }

  /** Puts the caret on a line of the definition box and scrolls it into view. */
  function goToLine(line) {
    const lines = textarea.value.split('\n');
    const start = lines.slice(0, line - 1).reduce((sum, l) => sum + l.length + 1, 0);
    const end = start + (lines[line - 1]?.length ?? 0);
    textarea.focus();
    textarea.setSelectionRange(start, end);
    const lineHeight = parseFloat(getComputedStyle(textarea).lineHeight) || 20;
    textarea.scrollTop = Math.max(0, (line - 4) * lineHeight);
  }

  return () => { stopped = true; };
}

function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** FNV-1a, 32 bits, as hex: tells one text from another for the Idempotency-Key (not a security measure). */
function hash(text) {
  let value = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    value ^= text.charCodeAt(i);
    value = Math.imul(value, 0x01000193) >>> 0;
  }
  return value.toString(16).padStart(8, '0');
}
