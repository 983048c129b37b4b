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
const kStepUnits = { sweep: 'draws', whatif: 'draws', optimize: 'draws', answer: 'models', report: 'models' };

// The progress of a polled job, in its steps (draws of a sweep or what-if). The rate counts from
// the first poll, so that a resumed sweep's saved draws do not inflate it.
function progressOf(job, first, elapsed) {
  const seconds = elapsed - first.elapsed;
  const rate = seconds > 0.3 ? (job.steps_done - first.steps) / seconds : NaN;
  return {
    done: job.steps_done,
    total: job.steps_total,
    unit: kStepUnits[job.kind] || 'steps',
    fraction: job.progress,
    rate,
    secondsLeft: rate > 0 ? (job.steps_total - job.steps_done) / rate : NaN,
    // An optimisation's total is an upper bound that falls as it weighs plans (docs/web.md), and
    // so is its time left.
    bound: job.steps_total_is_bound === true,
    plansWeighed: job.plans_weighed,
    plans: job.plans,
    status: job.status,
    elapsed,
  };
}

// Starts a job (POST path body → {"job"}), polls it until it ends and reports its progress to
// onProgress (progressOf above). Resolves to the finished job ({status: done | cancelled |
// failed, result?, error?, run_id?}). `handle.cancel()` asks the server to stop it; a sweep
// stops within a few draws.
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
    let first = null;
    for (;;) {
      const { json: job } = await api('GET', `/api/jobs/${handle.id}`);
      const elapsed = (performance.now() - started) / 1000;
      if (first === null) first = { steps: job.steps_done, elapsed };
      onProgress(progressOf(job, first, elapsed));
      if (job.status !== 'running') return job;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  })();
  return handle;
}
