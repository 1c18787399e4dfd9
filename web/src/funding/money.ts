// Amounts in fen shown and typed as yuan, with integer arithmetic only: 1234567 → "12,345.67", "12,345.6" → 1234560.

/** Fen as yuan with two decimals and thousands separators; the remainder is taken before dividing. */
export function yuan(fen: number): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const cents = abs % 100;
  const whole = String((abs - cents) / 100).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${sign}${whole}.${String(cents).padStart(2, '0')}`;
}

const YUAN = /^(\d{1,10})(?:\.(\d{1,2}))?$/;

/** Typed yuan ("12345.6", "1,000") as fen, or null when it is not an amount with at most two decimals. */
export function parseYuan(text: string): number | null {
  const m = YUAN.exec(text.trim().replaceAll(',', '').replaceAll('，', ''));
  if (!m) return null;
  return Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
}
