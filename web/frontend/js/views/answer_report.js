// The HTML report of the scenario as it stands in the page, with its question: the same page
// `statecraft report` writes, shown below the answer and offered as a download. Its answer is
// computed with the settings of the answer on show (models, draws per plan and per evaluation,
// seed, model error), so the report's answer is the one the page shows, number for number; the
// report's distributions take the draws chosen here. It is written as a job (POST
// /api/report/job): progress in models, the rate, the time left and Cancel, like the other long
// analyses.

import { h, card, notice, download } from '../dom.js';
import { app, documentForServer, question } from '../state.js';
import { drawsInput } from '../pickers.js';
import { button } from '../inputs.js';
import { jobPanel } from '../jobs.js';

// `settings()`: the answer's settings, {models, draws, optimize_draws, seed, model_error,
// unanswered?}.
export function reportCard(settings) {
  const draws = drawsInput(60, 'Draws of the report\'s distributions', 'answer-report-draws');
  const frame = h('iframe', { class: 'answer-report-frame', title: 'The report of this scenario', hidden: true, dataset: { role: 'answer-report' } });
  const status = h('p', { class: 'hint', role: 'status', dataset: { role: 'answer-report-status' } });
  const reportJob = jobPanel('answer-report-job');
  let page = null;
  const save = button('Download the report', () => download(`${(app.document.name || 'scenario').replace(/[^\w.-]+/g, '-')}-report.html`, page, 'text/html'),
    { class: 'small', disabled: true, dataset: { action: 'answer-report-download' } });
  const write = button('Write the report', async () => {
    if (!app.valid) { status.replaceChildren(notice('error', `The scenario has an error: ${app.error.text}`)); return; }
    const chosen = settings();
    const asked = question();
    write.disabled = true;
    status.textContent = `Writing the report: ${chosen.models.join(', ')} answer the question with ${chosen.draws} draws per plan and ${chosen.optimize_draws} per candidate plan, as ${chosen.unanswered ? 'the Run settings above say' : 'in the answer above'}; every model's distribution takes ${draws.value()} draws.`;
    delete frame.dataset.loaded;
    try {
      const job = await reportJob.run('/api/report/job', {
        document: asked ? { ...documentForServer(), question: asked } : documentForServer(),
        draws: draws.value(), seed: chosen.seed, model_error: chosen.model_error,
        answer_models: chosen.models, answer_draws: chosen.draws, optimize_draws: chosen.optimize_draws,
      });
      if (job.status === 'cancelled') { status.textContent = 'Cancelled: no report was written.'; return; }
      if (job.status !== 'done') { status.replaceChildren(notice('error', job.error || `the report ${job.status}`)); return; }
      page = job.result.html;
      frame.onload = () => { frame.dataset.loaded = String(app.revision); };
      frame.srcdoc = page;
      frame.hidden = false;
      save.disabled = false;
      status.textContent = `The report of ${app.document.name || 'this scenario'}: its answer uses ${chosen.models.join(', ')}, ${chosen.draws} draws per plan${chosen.unanswered ? ' (the Run settings above; no answer was on show)' : ', as the answer above'}; ${draws.value()} draws for its distributions. It leads with the answer.`;
    } catch (error) {
      status.replaceChildren(notice('error', error.message));
    } finally {
      write.disabled = false;
    }
  }, { dataset: { action: 'answer-report' } });
  return card('The report',
    h('p', { class: 'hint', text: 'The self-contained HTML report of this scenario as it stands here: the answer first, then the evidence. Its answer uses the models and draws of the answer above, so its numbers are the ones shown here; its forecasts and distributions cover every model.' }),
    h('div', { class: 'form-row' }, draws.element, write, save), reportJob.element, status, frame);
}
