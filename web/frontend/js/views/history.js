// History: the saved runs, newest first, each with its report (shown here and in a new tab), its
// export as JSON, Resume for an interrupted sweep, and Delete.

import { api } from '../api.js';
import { h, viewHeader, card, notice, download } from '../dom.js';
import { on } from '../state.js';
import { dataTable } from '../table.js';
import { button } from '../inputs.js';
import { jobPanel } from '../jobs.js';

let root = null;
let list = null;
let frame = null;
let frameTitle = null;
let setStatus = () => {};
let resumeJob = null;

// Completes an interrupted sweep as a job (only the draws no saved block holds are computed),
// with its progress, rate, time left and Cancel above the list.
async function resume(run) {
  if (resumeJob.busy()) {
    setStatus('a run is being resumed already; wait for it or cancel it', true);
    return;
  }
  try {
    const finished = await resumeJob.run(`/api/runs/${run.id}/resume`, {}, `Resuming run ${run.id} (${run.kind}, ${run.models.join(', ')})`);
    setStatus(finished.status === 'done' ? `run ${run.id} completed` : `resuming run ${run.id}: ${finished.status}`, finished.status === 'failed');
  } catch (error) {
    setStatus(error.message, true);
  }
  refreshHistory();
}

function showReport(run) {
  // The page's tests (and assistive tools) need to know which report is on screen, not just that
  // some report is: the frame keeps the previous document until the new one has loaded.
  delete frame.dataset.loaded;
  frame.onload = () => { frame.dataset.loaded = String(run.id); };
  frame.src = `/api/runs/${run.id}/report`;
  frame.hidden = false;
  frameTitle.textContent = `Report of run ${run.id} (${run.kind})`;
  frame.dataset.run = String(run.id);
  frame.scrollIntoView({ block: 'start' });
}

export async function refreshHistory() {
  try {
    const { json } = await api('GET', '/api/runs?limit=100');
    const rows = json.runs.map((run) => ({
      id: run.id, kind: run.kind, status: run.status, created: run.created_at.slice(0, 19).replace('T', ' '),
      scenario: run.scenario, models: run.models.join(', '),
      draws: run.draws_planned ? `${run.draws_saved} / ${run.draws_planned}` : '',
      actions: h('span', { class: 'row-actions' },
        run.status === 'complete' ? button('Report', () => showReport(run), { class: 'small', 'aria-label': `Show the report of run ${run.id}`, dataset: { action: 'report', run: String(run.id) } }) : null,
        run.status === 'complete' ? h('a', { class: 'button small', href: `/api/runs/${run.id}/report`, target: '_blank', rel: 'noopener', 'aria-label': `Open the report of run ${run.id} in a new tab` }, 'New tab') : null,
        button('Export', async () => {
          const { json: exported } = await api('GET', `/api/runs/${run.id}`);
          download(`run-${run.id}.json`, `${JSON.stringify(exported, null, 2)}\n`, 'application/json');
        }, { class: 'small', 'aria-label': `Export run ${run.id} as JSON` }),
        run.status === 'running' && run.kind === 'sweep' ? button('Resume', () => resume(run),
          { class: 'small', 'aria-label': `Resume run ${run.id}`, dataset: { action: 'resume', run: String(run.id) } }) : null,
        button('Delete', async () => {
          if (!window.confirm(`Delete run ${run.id}?`)) return;
          await api('DELETE', `/api/runs/${run.id}`);
          refreshHistory();
        }, { class: 'small danger', 'aria-label': `Delete run ${run.id}` })),
      $data: { run: String(run.id), kind: run.kind },
    }));
    list.replaceChildren(rows.length ? dataTable({
      name: 'runs', role: 'history', caption: `${rows.length} saved runs`,
      columns: [{ key: 'id', label: 'Run', numeric: true }, { key: 'kind', label: 'Kind' }, { key: 'status', label: 'Status' }, { key: 'created', label: 'Created (UTC)' },
        { key: 'scenario', label: 'Scenario' }, { key: 'models', label: 'Models' }, { key: 'draws', label: 'Draws saved' }, { key: 'actions', label: 'Actions', noExport: true }],
      rows,
    }) : notice('info', 'No saved runs yet: "Run and save" under Forecast, and every sweep, what-if and optimisation, save one.'));
  } catch (error) {
    list.replaceChildren(notice('error', error.message));
  }
}

export const historyView = {
  mount(container, context) {
    root = container;
    setStatus = context.setStatus;
    list = h('div', { dataset: { role: 'history-list' } });
    resumeJob = jobPanel('resume-job');
    frameTitle = h('h2', { text: 'Report' });
    frame = h('iframe', { class: 'report-frame', title: 'the report of the chosen run', hidden: true });
    root.append(viewHeader('history-title', 'History', 'Every saved run with its report.', button('Refresh', refreshHistory, { dataset: { action: 'history-refresh' } })),
      h('div', { class: 'view-body' }, card(null, resumeJob.element, list), card(null, frameTitle, frame)));
    on('edited', () => {});
  },
  show() {
    refreshHistory();
  },
};
