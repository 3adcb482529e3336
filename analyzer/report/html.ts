/**
 * `report.html`: one self-contained file that works from disk with no network. The analysis
 * is embedded as JSON; cytoscape and the bundled page script (with the analyzer's metrics)
 * are inlined.
 */
import type { Analysis } from '../analysis.ts';
import { getPageScripts } from './html-bundle.ts';
import { PAGE_STYLE } from './html-style.ts';
import type { ReportFile } from './types.ts';
import { getServicesInOrder } from './view.ts';

export async function renderHtml(analysis: Analysis): Promise<ReportFile[]> {
  const scripts = await getPageScripts();
  return [{ path: 'report.html', contents: toHtmlPage(analysis, scripts) }];
}

export function toHtmlPage(analysis: Analysis, scripts: { app: string; cytoscape: string }): string {
  const name = analysis.root.split(/[\\/]/).filter(Boolean).pop() ?? 'project';
  const facts = [
    `${analysis.services.length} services`,
    `${analysis.modules.length} modules`,
    `${analysis.endpoints.length} endpoints`,
    `${analysis.tables.length} tables`,
    `${analysis.cycles.length} cycles`,
    `${analysis.warnings.length} warnings`,
  ];
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Service proposal: ${escapeHtml(name)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1>Service proposal: <span>${escapeHtml(name)}</span></h1>
  <p class="facts">${facts.map(escapeHtml).join(' · ')} · generated ${escapeHtml(analysis.generatedAt.slice(0, 10))}</p>
  <div class="search"><input id="search" type="search" placeholder="Search services, modules, endpoints, tables" aria-label="Search" autocomplete="off"><ul id="search-results"></ul></div>
</header>
<main>
  <section class="graph-pane">
    <div id="service-list" class="chips"></div>
    <p id="graph-title" class="muted"></p>
    <div id="graph" role="img" aria-label="Service graph"></div>
  </section>
  <aside>
    <section><h2>Metrics</h2><div id="metrics"></div>
      <p class="counts"><b id="crossing-count">–</b> cross-boundary calls · <b id="shared-count">–</b> shared tables</p></section>
    <section id="service-details"></section>
    <section><h2>What-if</h2><div id="moves"></div>
      <div class="buttons"><button type="button" id="reset">Reset to proposal</button><button type="button" id="export">Export constraints</button></div>
      <textarea id="constraints-output" rows="8" readonly hidden aria-label="Constraints file"></textarea>
      <p class="muted">Re-run with <code>strangler analyze &lt;dir&gt; --constraints constraints.json</code>.</p></section>
    <section><h2>Shared tables</h2><div id="shared-tables"></div></section>
    <section><details><summary><h2>Cross-boundary imports</h2></summary><div id="crossings"></div></details></section>
    ${toStaticSections(analysis)}
  </aside>
</main>
<script type="application/json" id="analysis-data">${toScriptJson(analysis)}</script>
<script>${toInlineScript(scripts.cytoscape)}</script>
<script>${toInlineScript(scripts.app)}</script>
</body>
</html>
`;
}

/** What does not change with what-if edits: extraction order, risks, cycles, warnings. */
function toStaticSections(analysis: Analysis): string {
  const list = (items: string[], empty: string) =>
    items.length === 0
      ? `<p class="muted">${empty}</p>`
      : `<ul>${items.map((item) => `<li>${item}</li>`).join('')}</ul>`;
  const order = getServicesInOrder(analysis).map(
    (s) =>
      `<b>${s.extractionOrder}. ${escapeHtml(s.name)}</b>: ${escapeHtml(s.extractionReasons.join('; '))}`,
  );
  const risks = analysis.risks.map(
    (r) => `<b>${escapeHtml(r.kind)}</b> (${escapeHtml(r.services.join(', '))}): ${escapeHtml(r.message)}`,
  );
  const cycles = analysis.cycles.map(
    (c) => `<code>${[...c, ...c.slice(0, 1)].map(escapeHtml).join(' → ')}</code>`,
  );
  const warnings = analysis.warnings.map(
    (w) =>
      `<code>${escapeHtml(w.code)}</code> ${w.file ? `<code>${escapeHtml(w.file)}${w.line ? `:${w.line}` : ''}</code> ` : ''}${escapeHtml(w.message)}`,
  );
  return [
    `<section><details open><summary><h2>Extraction order</h2></summary>${list(order, 'No services.')}</details></section>`,
    `<section><details><summary><h2>Risks (${risks.length})</h2></summary>${list(risks, 'None found.')}</details></section>`,
    `<section><details><summary><h2>Cycles (${cycles.length})</h2></summary>${list(cycles, 'No import cycles.')}</details></section>`,
    `<section><details><summary><h2>Warnings (${warnings.length})</h2></summary>${list(warnings, 'None.')}</details></section>`,
  ].join('\n    ');
}

/** JSON inside <script>: `<` escaped so no string in the analysis can close the element. */
function toScriptJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** `</script` can only appear inside string literals in these scripts; `<\/` means the same there. */
function toInlineScript(code: string): string {
  return code.replace(/<\/script/gi, '<\\/script');
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
