// Live refresh without a manual reload: runs a tick every `interval` ms while the tab is visible (a hidden tab
// waits and catches up when shown), until the tick returns false or the view stops it.

export function poll(tick, interval) {
  let timer = null;
  let stopped = false;
  let running = false;

  const schedule = (delay) => {
    clearTimeout(timer);
    if (!stopped) timer = setTimeout(run, delay);
  };

  const onVisibility = () => {
    if (!document.hidden && !stopped && !running) schedule(0);
  };

  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    document.removeEventListener('visibilitychange', onVisibility);
  };

  async function run() {
    if (stopped || document.hidden) return;
    running = true;
    let again = true;
    try {
      again = (await tick()) !== false;
    } catch {
      again = true; // A failed refresh is shown by the view; the next tick tries again.
    } finally {
      running = false;
    }
    if (again) schedule(interval);
    else stop();
  }

  document.addEventListener('visibilitychange', onVisibility);
  schedule(interval);
  return stop;
}
