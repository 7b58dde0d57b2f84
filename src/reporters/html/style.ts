/** The page's only style sheet, inline: the report loads nothing. Narrow screens get one column and wrapped text. */
export const STYLE = `
:root { color-scheme: light dark; --fg: #1b1f24; --muted: #57606a; --bg: #ffffff; --panel: #f6f8fa; --line: #d0d7de;
  --critical: #8b0000; --high: #cf222e; --medium: #9a6700; --low: #0969da; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6edf3; --muted: #9198a1; --bg: #0d1117; --panel: #161b22; --line: #30363d;
  --critical: #ff7b72; --high: #ffa198; --medium: #d29922; --low: #58a6ff; } }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: var(--bg); }
main { max-width: 1100px; margin: 0 auto; padding: 16px; }
h1 { font-size: 1.6em; margin: 0.2em 0 0.4em; }
h2 { font-size: 1.25em; margin: 1.6em 0 0.5em; border-bottom: 1px solid var(--line); padding-bottom: 0.2em; }
h3 { font-size: 1.05em; margin: 0 0 0.4em; overflow-wrap: anywhere; }
p, li, td, th, code, pre { overflow-wrap: anywhere; }
code, pre { font: 0.9em/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; }
pre { background: var(--panel); border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; white-space: pre-wrap; }
a { color: var(--low); }
.muted { color: var(--muted); }
.facts { margin: 0; padding: 0; list-style: none; display: flex; flex-wrap: wrap; gap: 4px 18px; }
table.summary { border-collapse: collapse; margin: 8px 0; }
table.summary th, table.summary td { border: 1px solid var(--line); padding: 3px 8px; text-align: right; overflow-wrap: normal; }
table.summary th:first-child, table.summary td:first-child { text-align: left; }
.sev { display: inline-block; min-width: 4.6em; padding: 0 6px; border-radius: 10px; color: #fff; font-size: 0.85em; font-weight: 600; text-align: center; }
.sev-critical { background: var(--critical); } .sev-high { background: var(--high); }
.sev-medium { background: var(--medium); } .sev-low { background: var(--low); }
@media (prefers-color-scheme: dark) { .sev { color: #0d1117; } }
#filters { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 16px; background: var(--panel); border: 1px solid var(--line);
  border-radius: 6px; padding: 8px 12px; position: sticky; top: 0; z-index: 1; }
#filters fieldset { border: 0; margin: 0; padding: 0; display: flex; flex-wrap: wrap; gap: 4px 12px; }
#filters legend { float: left; margin-right: 8px; font-weight: 600; }
#filters select { max-width: 100%; font: inherit; }
#filters label { white-space: nowrap; }
.asset { border: 1px solid var(--line); border-radius: 6px; padding: 10px 12px; margin: 12px 0; }
.kind { color: var(--muted); font-weight: normal; }
ul.findings { list-style: none; margin: 0; padding: 0; }
li.finding { display: grid; grid-template-columns: 6em minmax(0, 16em) minmax(0, 1fr); gap: 2px 12px; padding: 6px 0; border-top: 1px solid var(--line); }
li.finding:first-child { border-top: 0; }
li.finding .sev { align-self: start; justify-self: start; margin-top: 2px; }
li.finding .message, li.finding .status { grid-column: 3; margin: 0; }
li.finding .rule { grid-column: 3; grid-row: 1; }
li.finding .where { grid-column: 2; grid-row: 1 / span 3; }
.status { color: var(--muted); font-style: italic; }
.status.fails { color: var(--high); font-style: normal; font-weight: 600; }
.problems li.error { color: var(--high); }
.rule-help { border-left: 3px solid var(--line); padding: 2px 0 2px 12px; margin: 16px 0; }
.rule-help h3 { margin-bottom: 0.2em; }
.rule-help h4 { margin: 0.8em 0 0.2em; }
@media (max-width: 640px) {
  main { padding: 10px; }
  li.finding { grid-template-columns: minmax(0, 1fr); }
  li.finding .message, li.finding .status, li.finding .rule, li.finding .where { grid-column: 1; grid-row: auto; }
  #filters { position: static; }
  table.summary { font-size: 0.85em; }
  table.summary th, table.summary td { padding: 2px 4px; }
  table.summary th:first-child { overflow-wrap: anywhere; }
}
`;
