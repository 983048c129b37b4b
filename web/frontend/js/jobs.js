// A long analysis as a job: a progress bar with the steps done, the rate, the time left and a
// Cancel button. One panel runs one job at a time.

import { startJob } from './api.js';
import { h, formatDuration } from './dom.js';

export function jobPanel(role) {
  const bar = h('progress', { max: 1, value: 0, 'aria-label': 'progress' });
  const labelText = h('span', { class: 'job-label' });
  const statusText = h('span', { class: 'job-status', dataset: { role: 'status' } });
  const detail = h('span', { class: 'job-detail' });
  const cancel = h('button', { type: 'button', class: 'button', disabled: true }, 'Cancel');
  const element = h('div', { class: 'job', dataset: { role: role || 'job' }, hidden: true },
    bar, h('div', { class: 'job-text', role: 'status', 'aria-live': 'polite' }, labelText, statusText, detail), cancel);
  let handle = null;
  cancel.addEventListener('click', () => {
    if (handle) {
      cancel.disabled = true;
      statusText.textContent = 'cancelling';
      handle.cancel().catch(() => {});
    }
  });

  const count = (value) => (value >= 10 ? Math.round(value).toLocaleString('en') : value.toFixed(1));
  function show(progress) {
    bar.value = progress.fraction;
    statusText.textContent = progress.status;
    element.dataset.status = progress.status;
    const running = progress.status === 'running';
    const done = progress.done.toLocaleString('en');
    const total = progress.total.toLocaleString('en');
    // A search's total is an upper bound until it ends, when it is what was computed.
    const parts = [];
    if (!progress.bound) parts.push(`${done} of ${total} ${progress.unit}`);
    else if (running) parts.push(`${done} ${progress.unit} of at most ${total}`);
    else parts.push(`${done} ${progress.unit}`);
    if (progress.bound && running && progress.plans !== undefined) {
      parts.push(`${progress.plansWeighed.toLocaleString('en')} of ${progress.plans.toLocaleString('en')} plans weighed`);
    }
    if (running) {
      if (Number.isFinite(progress.rate) && progress.rate > 0) {
        parts.push(`${count(progress.rate)} ${progress.unit}/s`);
      }
      const left = Number.isFinite(progress.secondsLeft) ? formatDuration(progress.secondsLeft) : null;
      if (!left) parts.push('time left: measuring');
      else parts.push(progress.bound ? `at most ${left} left` : `${left} left`);
    } else {
      parts.push(`${formatDuration(progress.elapsed)}`);
    }
    detail.textContent = parts.join(' · ');
    if (progress.bound) {
      detail.title = 'The search stops once it has its answer, usually well before it has weighed every plan: the total is an upper bound, which falls as plans are weighed.';
    }
  }

  // Runs the job; resolves to the finished job, or throws the server's refusal. `label` names
  // what runs when the panel serves several things (the run a History resume continues).
  async function run(path, body, label) {
    labelText.textContent = label ? `${label}: ` : '';
    if (handle) throw new Error('a job is running already');
    element.hidden = false;
    element.dataset.status = 'starting';
    bar.value = 0;
    statusText.textContent = 'starting';
    detail.textContent = '';
    cancel.disabled = false;
    handle = startJob(path, body, show);
    try {
      const job = await handle.done;
      if (job.status === 'failed') statusText.textContent = `failed: ${job.error}`;
      return job;
    } catch (error) {
      element.dataset.status = 'refused';
      statusText.textContent = 'refused';
      throw error;
    } finally {
      handle = null;
      cancel.disabled = true;
    }
  }

  return { element, run, busy: () => handle !== null };
}
