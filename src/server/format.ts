/** Remediation minutes as SonarQube writes debt: 8-hour days, then hours, then minutes (`1d 2h`, `3h 20min`, `45min`). */
export function formatMinutes(minutes: number): string {
  const sign = minutes < 0 ? '-' : '';
  let rest = Math.round(Math.abs(minutes));
  if (rest === 0) return '0';
  const days = Math.floor(rest / 480);
  rest -= days * 480;
  const hours = Math.floor(rest / 60);
  const mins = rest - hours * 60;
  const parts = days > 0 ? [`${days}d`, hours > 0 ? `${hours}h` : ''] : [hours > 0 ? `${hours}h` : '', mins > 0 ? `${mins}min` : ''];
  return sign + parts.filter(Boolean).join(' ');
}

/** A change of debt with its sign, `+2h`, `-45min`, `0`. */
export function formatChange(minutes: number): string {
  return minutes > 0 ? `+${formatMinutes(minutes)}` : formatMinutes(minutes);
}

/** A share 0..1 as a whole percentage; `–` when there is nothing to share. */
export function formatShare(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : `${Math.round(value * 100)}%`;
}

/**
 * A letter for the debt, like SonarQube's maintainability rating but on absolute minutes (genai-debt
 * does not count lines of code): A up to 30 minutes, B up to 2 hours, C up to a day, D up to a week.
 */
export function debtRating(minutes: number): 'A' | 'B' | 'C' | 'D' | 'E' {
  if (minutes <= 30) return 'A';
  if (minutes <= 120) return 'B';
  if (minutes <= 480) return 'C';
  if (minutes <= 2400) return 'D';
  return 'E';
}

export const RATING_COLORS = { A: '#2e7d32', B: '#7cb342', C: '#f9a825', D: '#ef6c00', E: '#c62828' } as const;

/** An ISO 8601 time as `2026-03-02 10:00 UTC`. */
export function formatTime(at: string): string {
  return `${new Date(at).toISOString().slice(0, 16).replace('T', ' ')} UTC`;
}

/** A run's duration: `850 ms`, `3.2 s`, `2 min 5 s`. */
export function formatDuration(milliseconds: number): string {
  if (milliseconds < 1000) return `${Math.round(milliseconds)} ms`;
  if (milliseconds < 60_000) return `${(milliseconds / 1000).toFixed(1)} s`;
  const seconds = Math.round(milliseconds / 1000);
  return `${Math.floor(seconds / 60)} min ${seconds % 60} s`;
}
