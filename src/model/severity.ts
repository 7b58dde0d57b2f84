export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

/** SARIF level and GitHub security-severity score for each severity (GitHub: >9.0 critical, 7.0–8.9 high, 4.0–6.9 medium, <4 low). */
export const SEVERITY_SCALE: Record<Severity, { level: 'error' | 'warning' | 'note'; score: string; rank: number }> = {
  critical: { level: 'error', score: '9.5', rank: 4 },
  high: { level: 'error', score: '8.0', rank: 3 },
  medium: { level: 'warning', score: '5.5', rank: 2 },
  low: { level: 'note', score: '3.0', rank: 1 },
};

export function atLeast(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && SEVERITY_SCALE[severity].rank >= SEVERITY_SCALE[threshold].rank;
}
