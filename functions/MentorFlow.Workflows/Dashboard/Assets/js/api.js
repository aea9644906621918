// The HR API, called with the key the user entered. The key lives in sessionStorage: this tab only, gone when it closes.

const keyStorage = 'mentorflow.apiKey';

/** The API's base: the page is served at <base>/api/dashboard/, the API at <base>/api/. */
export const apiBase = new URL('../', window.location.href.split('#')[0]);

/** An answer other than 2xx; `problem` is the RFC 7807 document when the API sent one. */
export class ApiError extends Error {
  constructor(status, problem, message) {
    super(message ?? problem?.title ?? `The API answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export function getKey() {
  return sessionStorage.getItem(keyStorage);
}

export function setKey(key) {
  sessionStorage.setItem(keyStorage, key);
}

export function forgetKey() {
  sessionStorage.removeItem(keyStorage);
}

/** Calls the API; resolves to the parsed JSON (or null for an empty body); rejects with ApiError. */
export async function call(path, { method = 'GET', body, headers = {}, key = getKey(), signal } = {}) {
  let response;
  try {
    response = await fetch(new URL(path, apiBase), {
      method,
      body,
      signal,
      cache: 'no-store',
      credentials: 'same-origin',
      headers: { Accept: 'application/json', ...(key ? { 'x-functions-key': key } : {}), ...headers },
    });
  } catch (error) {
    if (error.name === 'AbortError') throw error;
    throw new ApiError(0, null, 'MentorFlow could not be reached. Check that the host is running, then try again.');
  }

  const text = await response.text();
  let json = null;
  if (text.length > 0 && /json/i.test(response.headers.get('content-type') ?? '')) {
    try { json = JSON.parse(text); } catch { json = null; }
  }
  if (!response.ok) {
    if (response.status === 401) window.dispatchEvent(new CustomEvent('mentorflow:unauthorized'));
    throw new ApiError(response.status, json);
  }
  return json;
}

export const listPrograms = (options) => call('programs', options);
export const getProgram = (id, options) => call(`programs/${encodeURIComponent(id)}`, options);
export const getAudit = (id, options) => call(`programs/${encodeURIComponent(id)}/audit`, options);

/** A page of the people the Criteria stage evaluated: `{ total, skip, top, items }`, eligible mentees by rank first. */
export const getCandidates = (id, skip, top, options) =>
  call(`programs/${encodeURIComponent(id)}/candidates?top=${top}&skip=${skip}`, options);

/** A page of the program's nominations: `{ total, skip, top, items }`. */
export const getNominations = (id, skip, top, options) =>
  call(`programs/${encodeURIComponent(id)}/nominations?top=${top}&skip=${skip}`, options);

/** A page of the program's pairs (Pilot and Rollout): `{ total, skip, top, items }`, unmatched mentees included. */
export const getPairs = (id, skip, top, options) =>
  call(`programs/${encodeURIComponent(id)}/pairs?top=${top}&skip=${skip}`, options);

/** A page of the program's check-ins: `{ total, answered, averageRating, alerts, skip, top, items }`. */
export const getCheckIns = (id, skip, top, options) =>
  call(`programs/${encodeURIComponent(id)}/checkins?top=${top}&skip=${skip}`, options);

/** A page of the stories told: `{ total, published, requested, skip, top, items, nextCohort }`. */
export const getStories = (id, skip, top, options) =>
  call(`programs/${encodeURIComponent(id)}/stories?top=${top}&skip=${skip}`, options);

/** A page of the sales leaders' pledges: `{ total, pledged, declined, pending, skip, top, items }`. */
export const getPledges = (id, skip, top, options) =>
  call(`programs/${encodeURIComponent(id)}/pledges?top=${top}&skip=${skip}`, options);

/** Every item of a paged list, read `top` at a time with skip (at most `limit`); `{ total, items }`. */
export async function getAll(read, { top = 1000, limit = Infinity } = {}) {
  const first = await read(0, top);
  const items = [...first.items];
  while (items.length < Math.min(first.total, limit)) {
    const next = await read(items.length, top);
    if (next.items.length === 0) break;
    items.push(...next.items);
  }
  return { total: first.total, items };
}

export const cancelProgram = (id, by, reason) => call(`programs/${encodeURIComponent(id)}/cancel`, {
  method: 'POST',
  headers: { 'Content-Type': 'application/json' },
  body: JSON.stringify({ by, reason: reason || null }),
});

/** Submits a definition exactly as typed; the Idempotency-Key makes a repeated submission return the same program. */
export const createProgram = (definitionText, idempotencyKey) => call('programs', {
  method: 'POST',
  headers: { 'Content-Type': 'application/json', 'Idempotency-Key': idempotencyKey },
  body: definitionText,
});

/** The local outbox, or null where there is none (the Functions app in Azure sends through SendGrid). */
export async function getOutbox(options) {
  try {
    return await call('dev/outbox', options);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) return null;
    throw error;
  }
}

/** A sample definition shipped with the dashboard (samples/programs/ in the repository). */
export async function getSample(file) {
  const response = await fetch(new URL(`samples/${file}`, window.location.href.split('#')[0]), { cache: 'no-cache' });
  if (!response.ok) throw new ApiError(response.status, null, `The sample ${file} could not be loaded.`);
  return response.text();
}
