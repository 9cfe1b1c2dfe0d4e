// The summary table the benchmarks end with: one row per figure, its median (and p95 where there is one), the target
// and whether it was met, so a run on an idle machine reads at a glance.

export interface SummaryRow {
  readonly name: string;
  /** The value as printed (a median, a ratio, a count). */
  readonly value: string;
  readonly p95?: string;
  readonly target?: string;
  /** undefined: no target. */
  readonly met?: boolean;
}

export function summaryTable(title: string, rows: readonly SummaryRow[]): string {
  const cells = rows.map((r) => [
    r.name,
    r.value,
    r.p95 ?? '',
    r.target ?? '',
    r.met === undefined ? '' : r.met ? 'met' : 'NOT met',
  ]);
  const head = ['', 'p50 / value', 'p95', 'target', ''];
  const widths = head.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i].length)));
  const line = (c: string[]) =>
    `  ${c.map((x, i) => (i === 0 ? x.padEnd(widths[i]) : x.padStart(widths[i]))).join('  ')}`.trimEnd();
  return [`\n${title}`, line(head), ...cells.map(line)].join('\n');
}

/** "123.4 ms", or "-" when there is nothing to show. */
export function ms(x: number | null | undefined): string {
  return x === null || x === undefined || Number.isNaN(x) ? '-' : `${Math.round(x * 10) / 10} ms`;
}
