// Words and dates as people read them. Times are shown in the reader's own time zone, with the zone named.

const dateTime = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', timeZoneName: 'short',
});
const dateTimeSeconds = new Intl.DateTimeFormat(undefined, {
  day: 'numeric', month: 'short', year: 'numeric', hour: '2-digit', minute: '2-digit', second: '2-digit',
});
const relative = new Intl.RelativeTimeFormat(undefined, { numeric: 'auto' });

const statusWords = {
  Running: 'Running',
  WaitingForApproval: 'Waiting for approval',
  Completed: 'Completed',
  Cancelled: 'Cancelled',
  Declined: 'Declined',
  Failed: 'Failed',
};

/** Every program status, in the order the API documents them. */
export const statuses = Object.keys(statusWords);

/** "WaitingForApproval" → "Waiting for approval". */
export function statusLabel(status) {
  return statusWords[status] ?? humanize(status ?? '');
}

/** True for a status after which nothing changes any more. */
export function isEnded(status) {
  return status === 'Completed' || status === 'Cancelled' || status === 'Declined' || status === 'Failed';
}

/** "teamQuotaAttainment" → "Team quota attainment"; "ProgramSubmitted" → "Program submitted". */
export function humanize(name) {
  const words = String(name).replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A <time> element: local date and time, the exact instant in its title and datetime. */
export function time(iso, { seconds = false, withRelative = false } = {}) {
  const element = document.createElement('time');
  if (!iso) {
    element.textContent = '—';
    return element;
  }
  const date = new Date(iso);
  element.dateTime = date.toISOString();
  element.title = date.toISOString();
  element.textContent = (seconds ? dateTimeSeconds : dateTime).format(date) + (withRelative ? ` (${fromNow(date)})` : '');
  return element;
}

/** "in 5 days", "3 minutes ago", "now". */
export function fromNow(date, now = new Date()) {
  const seconds = Math.round((new Date(date).getTime() - now.getTime()) / 1000);
  const units = [['year', 31536000], ['month', 2592000], ['week', 604800], ['day', 86400], ['hour', 3600], ['minute', 60], ['second', 1]];
  for (const [unit, size] of units) {
    if (Math.abs(seconds) >= size || unit === 'second') {
      return relative.format(Math.round(seconds / size), unit);
    }
  }
  return '';
}

/** "1 program", "3 programs". */
export function plural(count, one, many = `${one}s`) {
  return `${count} ${count === 1 ? one : many}`;
}
