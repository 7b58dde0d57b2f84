/**
 * The page's only script, inline: the filters. Without it every finding is shown and the filter form stays hidden.
 * Its hash is in the page's Content-Security-Policy, so no other script can run.
 */
export const SCRIPT = `
(() => {
  const form = document.getElementById('filters');
  if (!form) return;
  form.hidden = false;
  const items = Array.from(document.querySelectorAll('li.finding'));
  const groups = Array.from(document.querySelectorAll('section.asset'));
  const count = document.getElementById('shown-count');
  const apply = () => {
    const severities = new Set(Array.from(form.querySelectorAll('input[name=severity]:checked'), (input) => input.value));
    const rule = form.elements.namedItem('rule').value;
    let shown = 0;
    for (const item of items) {
      const visible = severities.has(item.dataset.severity) && (rule === '' || item.dataset.rule === rule);
      item.hidden = !visible;
      if (visible) shown++;
    }
    for (const group of groups) group.hidden = group.querySelector('li.finding:not([hidden])') === null;
    count.textContent = shown + ' of ' + items.length + ' findings shown';
  };
  form.addEventListener('change', apply);
  form.addEventListener('submit', (event) => event.preventDefault());
  apply();
})();
`;
