// The HTML report of the scenario as it stands in the page, with its question: the same page
// `statecraft report` writes (POST /api/report/html), shown below the answer and offered as a
// download. The report answers with every model; its draws are chosen here.

import { h, card, notice, download } from '../dom.js';
import { app, documentForServer, question } from '../state.js';
import { drawsInput } from '../pickers.js';
import { button } from '../inputs.js';

export function reportCard() {
  const draws = drawsInput(60, 'Draws of the report', 'answer-report-draws');
  const frame = h('iframe', { class: 'answer-report-frame', title: 'The report of this scenario', hidden: true, dataset: { role: 'answer-report' } });
  const status = h('p', { class: 'hint', role: 'status' });
  let page = null;
  const save = button('Download the report', () => download(`${(app.document.name || 'scenario').replace(/[^\w.-]+/g, '-')}-report.html`, page, 'text/html'),
    { class: 'small', disabled: true, dataset: { action: 'answer-report-download' } });
  const write = button('Write the report', async () => {
    if (!app.valid) { status.replaceChildren(notice('error', `The scenario has an error: ${app.error.text}`)); return; }
    write.disabled = true;
    status.textContent = 'Writing the report: every model answers the question; this takes a few seconds per 50 draws…';
    delete frame.dataset.loaded;
    try {
      const asked = question();
      const response = await fetch('/api/report/html', {
        method: 'POST', credentials: 'same-origin', headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ document: asked ? { ...documentForServer(), question: asked } : documentForServer(), draws: draws.value() }),
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
      status.textContent = `The report of ${app.document.name || 'this scenario'}, ${draws.value()} draws; it leads with the answer.`;
    } catch (error) {
      status.replaceChildren(notice('error', error.message));
    } finally {
      write.disabled = false;
    }
  }, { dataset: { action: 'answer-report' } });
  return card('The report',
    h('p', { class: 'hint', text: 'The self-contained HTML report of this scenario as it stands here: the answer first, then the evidence. It runs every model.' }),
    h('div', { class: 'form-row' }, draws.element, write, save), status, frame);
}
