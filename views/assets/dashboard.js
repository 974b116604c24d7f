// Draws every <canvas data-chart="…"> with chart.js. The data arrive as JSON in the attribute
// (HTML-escaped by the server), never as script text, so the page needs no inline script.
/* global Chart */
(() => {
  const FAMILY_COLORS = {
    'tool-sprawl': '#8e24aa',
    prompts: '#1e88e5',
    tracing: '#f4511e',
    evals: '#43a047',
    hygiene: '#757575',
  };
  const PALETTE = ['#1e88e5', '#f4511e', '#43a047', '#8e24aa', '#fdd835', '#00897b', '#6d4c41', '#d81b60', '#3949ab', '#7cb342'];

  const colorOf = (label, index) => FAMILY_COLORS[label] ?? PALETTE[index % PALETTE.length];

  function draw(canvas) {
    const spec = JSON.parse(canvas.dataset.chart);
    const stacked = spec.kind === 'stacked';
    const isShare = spec.unit.startsWith('share');
    new Chart(canvas, {
      type: 'line',
      data: {
        labels: spec.labels,
        datasets: spec.series.map((series, index) => ({
          label: series.label,
          data: series.data,
          borderColor: colorOf(series.label, index),
          backgroundColor: `${colorOf(series.label, index)}${stacked ? '99' : '33'}`,
          fill: stacked ? (index === 0 ? 'origin' : '-1') : false,
          pointRadius: spec.labels.length > 60 ? 0 : 2,
          borderWidth: 1.5,
          tension: 0,
          spanGaps: true,
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        interaction: { mode: 'index', intersect: false },
        scales: {
          x: { ticks: { maxTicksLimit: 8, autoSkip: true } },
          y: {
            stacked,
            beginAtZero: true,
            title: { display: true, text: spec.unit },
            ...(isShare ? { max: 1, ticks: { callback: (value) => `${Math.round(value * 100)}%` } } : {}),
          },
        },
        plugins: { legend: { position: 'bottom', labels: { boxWidth: 12 } } },
      },
    });
  }

  for (const canvas of document.querySelectorAll('canvas[data-chart]')) draw(canvas);
})();

// "Scan now" on the status page: POSTs with the token typed into the page, shows the server's answer.
(() => {
  const token = document.getElementById('scan-token');
  for (const button of document.querySelectorAll('button.scan-now[data-scan-url]')) {
    button.addEventListener('click', async () => {
      const result = button.parentElement.querySelector('.scan-now-result');
      result.textContent = '…';
      try {
        const response = await fetch(button.dataset.scanUrl, { method: 'POST', headers: { authorization: `Bearer ${token ? token.value : ''}` } });
        const body = await response.json().catch(() => ({}));
        result.textContent = response.status === 202 ? 'queued; reload to see the outcome' : (body.error ?? `HTTP ${response.status}`);
      } catch (error) {
        result.textContent = String(error);
      }
    });
  }
})();
