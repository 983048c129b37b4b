// The report's page: the shell (head, style for screen and print, header, contents), the lead
// section and the evidence (report_sections.h), and the embedded data.
#include "statecraft/report/html_report.h"

#include "statecraft/report/report_html.h"
#include "statecraft/report/report_sections.h"

namespace statecraft {
namespace {

using report_html::Escape;

const char kStyle[] = R"css(
:root { --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --soft: #f5f7fa; --accent: #0072b2; }
* { box-sizing: border-box; }
body { font-family: system-ui, -apple-system, 'Segoe UI', 'DejaVu Sans', Roboto, Helvetica, Arial,
  sans-serif; margin: 0 auto; padding: 24px 28px 48px; max-width: 1440px; color: var(--ink);
  font-size: 15px; line-height: 1.45; background: #fff; }
header.report h1 { font-size: 26px; line-height: 1.2; margin: 0 0 6px; }
header.report .description { color: var(--muted); max-width: 110ch; margin: 4px 0; }
header.report .meta { color: var(--muted); font-size: 13px; margin: 4px 0 0; }
nav.contents { margin: 14px 0 8px; padding: 8px 0; border-top: 1px solid var(--line);
  border-bottom: 1px solid var(--line); font-size: 14px; }
nav.contents a { display: inline-block; color: var(--accent); text-decoration: none;
  margin-right: 18px; white-space: nowrap; }
nav.contents a:hover { text-decoration: underline; }
section { margin-top: 28px; }
h2 { font-size: 20px; margin: 0 0 10px; padding-bottom: 6px; border-bottom: 2px solid var(--ink); }
h3 { font-size: 16px; margin: 20px 0 8px; }
section.lead { background: var(--soft); border: 1px solid var(--line); border-radius: 8px;
  padding: 18px 20px 12px; }
section.lead h2 { border-bottom-color: var(--accent); }
p.question { font-size: 18px; margin: 6px 0 14px; max-width: 80ch; }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(250px, 1fr)); gap: 14px;
  margin: 10px 0 16px; }
.card { background: #fff; border: 1px solid var(--line); border-radius: 6px; padding: 12px 14px; }
.card h3 { margin: 0 0 6px; font-size: 13px; text-transform: uppercase; letter-spacing: 0.04em;
  color: var(--muted); }
.card.primary { border-left: 4px solid var(--accent); }
.card.counter { border-left: 4px solid #d55e00; }
.card p { margin: 4px 0; }
.card p.big { font-size: 26px; font-weight: 700; margin: 2px 0 4px; }
.card.deal { border-left: 4px solid #009e73; }
.card .plan-choice + .plan-choice { border-top: 1px solid var(--line); margin-top: 8px;
  padding-top: 8px; }
.card p.models { color: var(--muted); font-size: 13px; }
ul.disagreements { margin: 4px 0; padding-left: 18px; }
ul.disagreements li { margin: 4px 0; }
p.target-line { margin: -6px 0 12px; max-width: 100ch; }
p.headline { font-size: 17px; background: #fff; border-left: 4px solid var(--accent);
  padding: 10px 14px; margin: 0 0 14px; max-width: 110ch; }
.card.deal p.big { font-size: 20px; }
ol.drivers { margin: 4px 0; padding-left: 20px; }
ol.drivers li { margin: 3px 0; }
ul.levers { margin: 4px 0; padding-left: 18px; }
ul.levers li { margin: 3px 0; }
.lever-terms { display: block; color: var(--muted); font-size: 0.9em; }
.note { color: var(--muted); font-size: 13px; max-width: 110ch; }
.range { color: var(--muted); font-size: 0.9em; white-space: nowrap; }
.table-wrap { overflow-x: auto; margin: 8px 0 12px; }
table { border-collapse: collapse; font-size: 13.5px; font-variant-numeric: tabular-nums; }
th, td { border-bottom: 1px solid var(--line); padding: 5px 10px; text-align: left;
  vertical-align: top; }
thead th { border-bottom: 2px solid var(--ink); font-weight: 600; white-space: nowrap; }
tbody th { font-weight: 600; }
tbody tr:nth-child(even) { background: #fafbfc; }
td.n, th.n { text-align: right; white-space: nowrap; }
table.wrap td { max-width: 46ch; }
table.plans ul.levers { padding-left: 16px; }
table.plans td p { margin: 0 0 4px; }
ul.anchors { margin: 4px 0 0; padding-left: 16px; color: var(--muted); font-size: 12.5px; }
sup.flag { color: #b45309; font-weight: 700; }
.figures { display: grid; grid-template-columns: repeat(auto-fill, minmax(560px, 1fr));
  gap: 8px 20px; align-items: start; }
figure { margin: 6px 0; }
figure svg { width: 100%; max-width: 760px; height: auto; display: block; }
fieldset.picker { border: 1px solid var(--line); border-radius: 6px; padding: 6px 12px 8px;
  margin: 8px 0 4px; font-size: 14px; }
fieldset.picker legend { color: var(--muted); font-size: 13px; padding: 0 4px; }
fieldset.picker label { display: inline-block; margin: 2px 14px 2px 0; cursor: pointer; }
svg .actor { transition: opacity 0.15s; }
ul.sources li { font-size: 13.5px; margin: 3px 0; }
footer { margin-top: 36px; color: var(--muted); font-size: 12.5px; border-top: 1px solid var(--line);
  padding-top: 8px; }
@media (max-width: 1100px) { body { padding: 16px; } }
@media print {
  @page { size: A4; margin: 14mm 12mm; }
  body { max-width: none; padding: 0; font-size: 10pt; }
  nav.contents, fieldset.picker { display: none; }
  section { margin-top: 14pt; }
  section.lead { background: none; border: 1px solid #999; break-after: page; }
  h2, h3 { break-after: avoid; }
  figure, .card, tr { break-inside: avoid; }
  .figures { display: block; }
  figure svg { max-width: 100%; max-height: 120mm; }
  .table-wrap { overflow: visible; }
  table { font-size: 8pt; width: 100%; }
  th, td { padding: 2px 4px; }
  thead th { white-space: normal; }
  td.n, th.n { white-space: normal; }
  table.wrap td { max-width: none; }
  a { color: inherit; text-decoration: none; }
}
)css";

// Picking actors (checkboxes in the trajectories section) dims every other actor in every chart
// and thickens the picked ones: CSS :has(), so the page needs no script.
std::string HighlightStyle(const Json& scenario) {
  const std::size_t actors = scenario.value("actors", Json::array()).size();
  if (actors == 0) return "";
  std::string css = "body:has(fieldset.picker input:checked) svg .actor { opacity: 0.14; }\n";
  for (std::size_t k = 0; k < actors; ++k) {
    const std::string id = std::to_string(k);
    css += "body:has(#pick-" + id + ":checked) svg .actor[data-actor=\"" + id +
           "\"] { opacity: 1; }\nbody:has(#pick-" + id + ":checked) svg .actor[data-actor=\"" + id +
           "\"] polyline { stroke-width: 3.4; }\n";
  }
  return css;
}

std::string ReportKindWords(const std::string& kind) {
  if (kind == "run") return "Report of a saved run";
  if (kind == "compare") return "Report of a saved comparison of models";
  if (kind == "whatif") return "Report of a saved what-if (baseline vs plans)";
  if (kind == "sweep") return "Report of a saved sweep (Monte Carlo)";
  if (kind == "optimize") return "Report of a saved optimisation";
  if (kind == "answer") return "Report of a saved answer";
  return "Report of the scenario";
}

// The data, for readers and tests: a JSON data block is never executed, and "</" is written as
// "<\/" (the same string in JSON) so that the block cannot end early.
std::string EmbeddedData(const Json& data) {
  std::string text = data.dump(-1, ' ', false, Json::error_handler_t::replace);
  std::string safe;
  safe.reserve(text.size());
  for (std::size_t k = 0; k < text.size(); ++k) {
    if (text[k] == '<' && k + 1 < text.size() && text[k + 1] == '/') {
      safe += "<\\/";
      ++k;
    } else {
      safe += text[k];
    }
  }
  return "<script type=\"application/json\" id=\"report-data\">" + safe + "</script>\n";
}

}  // namespace

std::string RenderReportHtml(const Json& data) {
  const Json& scenario = data["scenario"];
  const Json charts = RenderCharts(data);
  const std::string title = data.value("title", std::string("statecraft report"));
  std::vector<report_html::SectionLink> links;
  const std::string lead = report_html::LeadSection(data, charts, links);
  const std::string evidence = report_html::EvidenceSections(data, charts, links);

  std::string html =
      "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
      "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
      "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      "style-src 'unsafe-inline'; img-src data:\">"
      "<title>" +
      Escape(title) + "</title><style>" + kStyle + HighlightStyle(scenario) +
      "</style></head><body>\n";
  html += "<header class=\"report\"><h1>" + Escape(title) + "</h1>\n";
  const std::string description = scenario.value("description", std::string());
  if (!description.empty()) html += "<p class=\"description\">" + Escape(description) + "</p>\n";
  html += "<p class=\"meta\">" + ReportKindWords(data.value("kind", std::string("scenario"))) +
          ", written by " + Escape(data.value("program_version", std::string("statecraft"))) +
          ". Every chart is drawn from the numbers in this file; nothing is fetched when it is "
          "opened.</p></header>\n";
  html += "<nav class=\"contents\" aria-label=\"Contents\">";
  for (const report_html::SectionLink& link : links) {
    html += "<a href=\"#" + link.id + "\">" + Escape(link.title) + "</a>\n";
  }
  html += "</nav>\n<main>\n" + lead + evidence + "</main>\n";
  html +=
      "<footer>statecraft report. The data behind every figure is embedded in this file "
      "(element #report-data, JSON).</footer>\n" +
      EmbeddedData(data) + "</body></html>\n";
  return html;
}

}  // namespace statecraft
