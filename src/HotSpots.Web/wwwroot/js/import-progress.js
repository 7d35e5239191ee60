// Follows a running import: polls its progress once a second, and reloads the page for the report when it ends.
(() => {
  const card = document.getElementById('progress');
  if (!card || card.dataset.active !== 'true') return;
  const number = n => Number(n).toLocaleString('en-GB');
  const tick = async () => {
    try {
      const response = await fetch(card.dataset.progressUrl, { headers: { Accept: 'application/json' }, cache: 'no-store' });
      if (response.ok) {
        const p = await response.json();
        document.getElementById('import-status').textContent = p.status;
        document.getElementById('import-status-text').textContent = p.statusText;
        document.getElementById('import-bar').value = p.percent;
        document.getElementById('rows-done').textContent = number(p.rowsDone);
        document.getElementById('rows-imported').textContent = number(p.imported);
        document.getElementById('rows-rate').textContent = number(p.rowsPerSecond);
        document.getElementById('rows-errors').textContent = number(p.errors);
        document.getElementById('current-file').textContent = p.file || '–';
        if (!p.active) { location.reload(); return; }
      }
    } catch { /* a missed poll is retried */ }
    setTimeout(tick, 1000);
  };
  setTimeout(tick, 1000);
})();
