/** The report page's stylesheet (kept apart from the markup so both stay readable). */
export const PAGE_STYLE = `
:root { --fg: #0f172a; --muted: #64748b; --line: #e2e8f0; --amber: #f59e0b; --red: #dc2626; --green: #16a34a; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #f8fafc; }
header { display: flex; flex-wrap: wrap; align-items: baseline; gap: 4px 24px; padding: 12px 20px; background: #fff; border-bottom: 1px solid var(--line); }
header h1 { font-size: 18px; margin: 0; }
header .facts { margin: 0; color: var(--muted); }
.search { position: relative; margin-left: auto; }
#search { width: 320px; padding: 6px 10px; border: 1px solid #cbd5e1; border-radius: 6px; font: inherit; }
#search-results { position: absolute; right: 0; z-index: 10; margin: 2px 0 0; padding: 0; list-style: none; width: 420px; max-height: 60vh; overflow: auto; background: #fff; box-shadow: 0 8px 24px rgb(0 0 0 / 0.15); border-radius: 6px; }
#search-results:empty { display: none; }
#search-results button { display: block; width: 100%; text-align: left; border: 0; background: none; padding: 6px 10px; font: inherit; cursor: pointer; }
#search-results button:hover, #search-results button:focus { background: #f1f5f9; }
#search-results .kind { display: inline-block; min-width: 64px; font-size: 11px; text-transform: uppercase; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(0, 1fr) 440px; height: calc(100vh - 58px); }
.graph-pane { display: flex; flex-direction: column; padding: 10px 14px; min-height: 420px; }
#graph { flex: 1; min-height: 380px; background: #fff; border: 1px solid var(--line); border-radius: 8px; }
#graph-title { margin: 4px 0; }
aside { overflow: auto; border-left: 1px solid var(--line); background: #fff; padding: 0 16px 24px; }
aside section { border-bottom: 1px solid var(--line); padding: 10px 0; }
h2 { font-size: 15px; margin: 6px 0; display: inline-block; }
#service-details h2 { font-size: 17px; border-left: 6px solid; padding-left: 8px; }
h3 { font-size: 13px; margin: 12px 0 4px; color: #334155; }
ul { margin: 4px 0; padding-left: 18px; }
li { margin: 2px 0; }
code { font: 12px ui-monospace, SFMono-Regular, Menlo, monospace; }
.muted { color: var(--muted); }
.chips { display: flex; flex-wrap: wrap; gap: 6px; }
.chip { display: inline-flex; align-items: center; gap: 6px; border: 1px solid var(--line); background: #fff; border-radius: 999px; padding: 3px 10px; font: inherit; cursor: pointer; }
.chip.active { border-color: var(--fg); font-weight: 600; }
.dot { width: 10px; height: 10px; border-radius: 50%; display: inline-block; }
.buttons { display: flex; gap: 8px; margin: 6px 0; }
button { font: inherit; }
.buttons button { padding: 4px 10px; border: 1px solid #cbd5e1; border-radius: 6px; background: #f8fafc; cursor: pointer; }
.buttons button:hover { background: #e2e8f0; }
table.metrics { border-collapse: collapse; width: 100%; }
table.metrics th, table.metrics td { padding: 3px 6px; border-bottom: 1px solid var(--line); text-align: right; font-variant-numeric: tabular-nums; }
table.metrics th:first-child { text-align: left; font-weight: normal; }
td.now { font-weight: 700; }
td.now.better { color: var(--green); }
td.now.worse { color: var(--red); }
.modules li { display: flex; align-items: center; gap: 6px; list-style: none; margin-left: -18px; }
.modules code { flex: 1; overflow-wrap: anywhere; }
.modules select { max-width: 130px; }
.method { display: inline-block; min-width: 52px; font: 700 11px ui-monospace, monospace; color: #1d4ed8; }
.method.post { color: var(--green); } .method.put, .method.patch { color: #b45309; } .method.delete { color: var(--red); }
.shared, .shared-write { background: #fef3c7; }
.shared-write { background: #fee2e2; }
.badge { margin-left: 6px; font-size: 11px; padding: 0 6px; border-radius: 4px; background: var(--amber); color: #000; }
.badge.danger { background: var(--red); color: #fff; }
#constraints-output { width: 100%; font: 12px ui-monospace, monospace; }
summary { cursor: pointer; }
@media (max-width: 900px) { main { grid-template-columns: 1fr; height: auto; } #graph { height: 60vh; } #search { width: 100%; } }
`;
