// The parts of the Answer view that explain the answer, read from POST /api/answer's JSON as the
// report reads it (statecraft/report/answer_section.cc), with nothing computed here: the deals
// the declared plans offer (their terms at the central values, as the server's deal analysis
// words them, and the share of draws in which they are struck), and what drives the target's
// issue (each sampled input's rank correlation with the outcome over the baseline's draws, and
// the mean outcome when it is in its lowest and highest fifth).

import { h, formatPercent } from '../dom.js';
import { tornadoChart } from '../charts.js';
import { dataTable } from '../table.js';

// The plans that offer a deal, with the deal's terms and the share of draws in which it is
// struck under each model: [{plan, lever, terms, struck: {model: share}}].
export function dealsOf(result, models) {
  const rows = [];
  const first = models.find((name) => result.models[name] && result.models[name].whatif);
  if (!first) return rows;
  result.models[first].whatif.forEach((plan, index) => {
    for (const deal of plan.deals || []) {
      const struck = {};
      for (const name of models) {
        const cell = result.models[name] && result.models[name].whatif ? result.models[name].whatif[index].models[name] : null;
        if (cell && cell.deals_struck_share !== undefined) struck[name] = cell.deals_struck_share;
      }
      rows.push({ plan: plan.plan, lever: deal.lever, terms: deal.reason, struck });
    }
  });
  return rows;
}

// The baseline's drivers of `issue` under `model`, strongest first, or [].
export function driversOf(result, model, issue) {
  const entry = result.models[model];
  if (!entry || !entry.whatif || !entry.whatif.length) return [];
  const cell = entry.whatif[0].models[model];
  return (cell && cell.drivers && cell.drivers[issue]) || [];
}

function shareRange(struck) {
  const values = Object.values(struck);
  if (!values.length) return '–';
  const low = Math.min(...values);
  const high = Math.max(...values);
  return low === high ? formatPercent(low) : `${formatPercent(low)} – ${formatPercent(high)}`;
}

const rhoText = (rho) => `ρ ${rho >= 0 ? '+' : '−'}${Math.abs(rho).toFixed(2)}`;

// The first screen's card on the deal: the first declared plan that offers one, its terms and
// how often it is struck, lowest to highest over the models.
export function dealCard(deals) {
  if (!deals.length) {
    return h('div', { class: 'answer-card info', dataset: { role: 'answer-deal' } },
      h('div', { class: 'answer-label', text: 'The deal' }),
      h('p', { class: 'answer-note', text: 'No declared plan offers a deal (a lever of type deal).' }));
  }
  const deal = deals[0];
  return h('div', { class: 'answer-card info', dataset: { role: 'answer-deal' } },
    h('div', { class: 'answer-label', text: `The deal: ${deal.lever}, in plan ${deal.plan}` }),
    h('div', { class: 'answer-value', dataset: { field: 'struck' }, text: `struck in ${shareRange(deal.struck)} of the draws` }),
    h('p', { class: 'answer-note', dataset: { field: 'terms' }, text: deal.terms }),
    h('p', { class: 'answer-note', text: `lowest to highest over ${Object.keys(deal.struck).join(', ')}${deals.length > 1 ? `; ${deals.length - 1} more below` : ''}` }));
}

// The first screen's card on the drivers: the three strongest inputs of the target's issue.
export function driversCard(result, model, issue) {
  const drivers = driversOf(result, model, issue).slice(0, 3);
  const cell = result.models[model] && result.models[model].whatif ? result.models[model].whatif[0].models[model] : null;
  const anyDriver = cell && cell.drivers && Object.values(cell.drivers).some((list) => list.length);
  return h('div', { class: 'answer-card info', dataset: { role: 'answer-drivers', model, issue } },
    h('div', { class: 'answer-label', text: `What drives ${issue}` }),
    drivers.length
      ? h('ol', { class: 'driver-list' }, drivers.map((driver) => h('li', { dataset: { input: driver.input } },
        h('span', { text: driver.input }), ' ', h('span', { class: 'rho', text: rhoText(driver.rank_correlation) }))))
      : h('p', { class: 'answer-note', dataset: { field: 'none' }, text: anyDriver
        ? `No uncertain input moves ${issue}.`
        : 'Every input of this scenario is a single value (no range), so nothing is ranked. Give positions, saliences or capabilities a low and a high in the Scenario view to see what drives the outcome.' }),
    drivers.length ? h('p', { class: 'answer-note', text: `rank correlation with ${issue} over the draws, no lever, under ${model}` }) : null);
}

// The tornado of the target issue's drivers at baseline, one model at a time, with a choice of
// model.
export function driversFigure(result, models, issue, initial) {
  const box = h('div', { class: 'chart-box' });
  const draw = (model) => {
    const drivers = driversOf(result, model, issue);
    const baseline = result.models[model].whatif[0].models[model];
    box.innerHTML = drivers.length ? tornadoChart({
      issue, median: baseline.issues[issue].median,
      rows: drivers.map((driver) => ({ input: driver.input, low: driver.outcome_when_low, high: driver.outcome_when_high, rho: driver.rank_correlation })),
      title: `What drives ${issue} under ${model}, no lever`,
    }) : '<p class="hint">No sampled input moves this issue.</p>';
  };
  const ran = models.filter((name) => result.models[name] && result.models[name].whatif);
  if (!ran.some((name) => driversOf(result, name, issue).length)) return null;
  const picker = h('select', { class: 'input', 'aria-label': 'Model of the tornado', dataset: { role: 'answer-drivers-model' } },
    ran.map((name) => h('option', { value: name, selected: name === initial, text: name })));
  picker.addEventListener('change', () => draw(picker.value));
  draw(picker.value || initial);
  return h('figure', { class: 'chart-figure wide', dataset: { role: 'answer-tornado' } },
    h('figcaption', {}, h('strong', { text: `What drives ${issue}` }), ', no lever, under ', picker, ` — ${result.draws} draws`),
    box);
}

// Every deal of every declared plan, with how often it is struck under each model.
export function dealsTable(deals, models) {
  if (!deals.length) return null;
  return dataTable({
    name: 'answer-deals', role: 'answer-deals', caption: 'Deals the declared plans offer: terms at the central values, and how often they are struck',
    columns: [{ key: 'plan', label: 'Plan' }, { key: 'lever', label: 'Lever' }, { key: 'terms', label: 'Terms at the central values' },
      ...models.map((name) => ({ key: name, label: `Struck, ${name}`, numeric: true, format: (v) => formatPercent(v, 1) }))],
    rows: deals.map((deal) => ({ plan: deal.plan, lever: deal.lever, terms: deal.terms, ...deal.struck })),
  });
}
