// The JSON API (docs/web.md): every request that changes state is a same-origin POST or DELETE
// with Content-Type application/json; errors come back as {"error": "..."} and are thrown.

export class ApiError extends Error {
  constructor(status, message) {
    super(message);
    this.status = status;
  }
}

export async function api(method, path, body, signal) {
  const options = { method, signal, credentials: 'same-origin', headers: {} };
  if (method !== 'GET') {
    options.headers['Content-Type'] = 'application/json';
    if (body !== undefined) options.body = JSON.stringify(body);
  }
  const response = await fetch(path, options);
  const text = await response.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch (error) {
    json = { error: text };
  }
  if (!response.ok) {
    throw new ApiError(response.status, (json && json.error) || `${response.status} ${response.statusText}`);
  }
  return { json, headers: response.headers };
}

// What one step of a job counts, per kind of job (docs/web.md, "Progress").
const kStepUnits = { sweep: 'draws', whatif: 'draws', optimize: 'plans', answer: 'steps' };

// Starts a job (POST path body → {"job"}), polls it until it ends and reports its progress:
// onProgress({done, total, unit, fraction, rate, secondsLeft, status}). Resolves to the finished
// job ({status: done | cancelled | failed, result?, error?, run_id?}). `handle.cancel()` asks the
// server to stop it at its next step.
export function startJob(path, body, onProgress) {
  const handle = { id: null, cancelRequested: false };
  handle.cancel = async () => {
    handle.cancelRequested = true;
    if (handle.id !== null) await api('DELETE', `/api/jobs/${handle.id}`);
  };
  handle.done = (async () => {
    const { json } = await api('POST', path, body);
    handle.id = json.job;
    if (handle.cancelRequested) await api('DELETE', `/api/jobs/${handle.id}`);
    const started = performance.now();
    let firstDone = null;  // the first progress seen, so that the rate counts only this run's steps
    for (;;) {
      const { json: job } = await api('GET', `/api/jobs/${handle.id}`);
      const elapsed = (performance.now() - started) / 1000;
      if (firstDone === null) firstDone = { done: 0, elapsed: 0 };
      const rate = elapsed > 0.2 ? (job.steps_done - firstDone.done) / (elapsed - firstDone.elapsed) : NaN;
      const left = job.steps_total - job.steps_done;
      onProgress({
        done: job.steps_done,
        total: job.steps_total,
        unit: kStepUnits[job.kind] || 'steps',
        fraction: job.progress,
        rate,
        secondsLeft: rate > 0 ? left / rate : NaN,
        status: job.status,
        elapsed,
      });
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return handle;
}
