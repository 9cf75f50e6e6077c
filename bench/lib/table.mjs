// Plain-text and Markdown tables for the benchmark's output.

/** A fixed-width text table: the first row is the header; numbers are right-aligned. */
export function textTable(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((row) => String(row[i] ?? '').length)));
  const line = (row) =>
    row
      .map((cell, i) => {
        const text = String(cell ?? '');
        return /^[\d.,×%+−-]+( ?[a-zµ/%×]+)?$/i.test(text) && i > 0 ? text.padStart(widths[i]) : text.padEnd(widths[i]);
      })
      .join('  ')
      .trimEnd();
  return [line(rows[0]), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n');
}

/** The same rows as a Markdown table. */
export function markdownTable(rows) {
  const line = (row) => `| ${row.map((cell) => String(cell ?? '')).join(' | ')} |`;
  return [line(rows[0]), `| ${rows[0].map(() => '---').join(' | ')} |`, ...rows.slice(1).map(line)].join('\n');
}

export const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

export const ms = (value) => `${value < 10 ? value.toFixed(1) : Math.round(value)} ms`;
