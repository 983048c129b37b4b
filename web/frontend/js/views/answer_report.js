// The HTML report of the scenario as it stands in the page, with its question: the same page
// `statecraft report` writes (POST /api/report/html), shown below the answer and offered as a
// download. Its answer is computed with the settings of the answer on show (models, draws per
// plan and per evaluation, seed), so the report's answer is the one the page shows, number for
// number; the report's distributions take the draws chosen here. Writing takes seconds: the
// button shows that it is busy, with the time so far, and Cancel stops waiting for it.

import { h, card, notice, download } from '../dom.js';
import { app, documentForServer, question } from '../state.js';
import { drawsInput } from '../pickers.js';
import { button } from '../inputs.js';

// `settings()`: the answer's settings, {models, draws, optimize_draws, seed, model_error,
// unanswered?}.
export function reportCard(settings) {
  const draws = drawsInput(60, 'Draws of the report\'s distributions', 'answer-report-draws');
  const frame = h('iframe', { class: 'answer-report-frame', title: 'The report of this scenario', hidden: true, dataset: { role: 'answer-report' } });
  const status = h('p', { class: 'hint', role: 'status', dataset: { role: 'answer-report-status' } });
  let page = null;
  let writing = null;  // {controller, timer} while a report is being written
  const save = button('Download the report', () => download(`${(app.document.name || 'scenario').replace(/[^\w.-]+/g, '-')}-report.html`, page, 'text/html'),
    { class: 'small', disabled: true, dataset: { action: 'answer-report-download' } });
  const cancel = button('Cancel', () => { if (writing) writing.controller.abort(); }, { class: 'small', hidden: true, dataset: { action: 'answer-report-cancel' } });
  const finish = () => {
    clearInterval(writing.timer);
    writing = null;
    write.disabled = false;
    cancel.hidden = true;
    delete write.dataset.busy;
  };
  const write = button('Write the report', async () => {
    if (!app.valid) { status.replaceChildren(notice('error', `The scenario has an error: ${app.error.text}`)); return; }
    const chosen = settings();
    const asked = question();
    const started = Date.now();
    writing = { controller: new AbortController(), timer: null };
    write.disabled = true;
    write.dataset.busy = '1';
    cancel.hidden = false;
    const busyText = () => `Writing the report (${Math.round((Date.now() - started) / 1000)} s): ${chosen.models.join(', ')} answer the question with ${chosen.draws} draws per plan and ${chosen.optimize_draws} per candidate plan, as ${chosen.unanswered ? 'the Run settings above say' : 'in the answer above'}…`;
    status.textContent = busyText();
    writing.timer = setInterval(() => { status.textContent = busyText(); }, 1000);
    delete frame.dataset.loaded;
    try {
      const response = await fetch('/api/report/html', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' }, signal: writing.controller.signal,
        body: JSON.stringify({
          document: asked ? { ...documentForServer(), question: asked } : documentForServer(),
          draws: draws.value(), seed: chosen.seed, model_error: chosen.model_error,
          answer_models: chosen.models, answer_draws: chosen.draws, optimize_draws: chosen.optimize_draws,
        }),
      });
      const text = await response.text();
      if (!response.ok) {
        let message = text;
        try { message = JSON.parse(text).error || text; } catch (error) { /* not JSON: the text itself */ }
        throw new Error(message);
      }
      page = text;
      frame.onload = () => { frame.dataset.loaded = String(app.revision); };
      frame.srcdoc = text;
      frame.hidden = false;
      save.disabled = false;
      status.textContent = `The report of ${app.document.name || 'this scenario'}: its answer uses ${chosen.models.join(', ')}, ${chosen.draws} draws per plan${chosen.unanswered ? ' (the Run settings above; no answer was on show)' : ', as the answer above'}; ${draws.value()} draws for its distributions. It leads with the answer.`;
    } catch (error) {
      if (error.name === 'AbortError') status.textContent = 'Stopped waiting for the report; no report was written.';
      else status.replaceChildren(notice('error', error.message));
    } finally {
      finish();
    }
  }, { dataset: { action: 'answer-report' } });
  return card('The report',
    h('p', { class: 'hint', text: 'The self-contained HTML report of this scenario as it stands here: the answer first, then the evidence. Its answer uses the models and draws of the answer above, so its numbers are the ones shown here; its forecasts and distributions cover every model.' }),
    h('div', { class: 'form-row' }, draws.element, write, cancel, save), status, frame);
}
