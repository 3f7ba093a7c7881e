// Calibration of attribution confidence: scored attributions (matched direct quotes whose speaker
// the judge scores, pronouns included) grouped in bands of 0.1; a band with enough attributions is
// calibrated when its share right is within 0.1 of the mean confidence in it.
import type { Attribution } from './quote.scorer';

export const MIN_BAND_SIZE = 30;
const TOLERANCE = 0.1;

export interface Band {
  readonly low: number;
  readonly count: number;
  readonly shareRight: number;
  readonly meanConfidence: number;
  /** null when the band holds fewer than MIN_BAND_SIZE attributions. */
  readonly calibrated: boolean | null;
}

function summarise(low: number, members: readonly Attribution[]): Band {
  const shareRight = members.filter((a) => a.right).length / members.length;
  const meanConfidence = members.reduce((sum, a) => sum + a.confidence, 0) / members.length;
  return {
    low,
    count: members.length,
    shareRight,
    meanConfidence,
    calibrated: members.length < MIN_BAND_SIZE ? null : Math.abs(shareRight - meanConfidence) <= TOLERANCE + 1e-9,
  };
}

/** Bands [0.0, 0.1) … [0.9, 1.0]; a confidence of 1 falls in the top band. */
export function calibrationBands(attributions: readonly Attribution[]): Band[] {
  const byBand = new Map<number, Attribution[]>();
  for (const a of attributions) {
    const band = Math.min(9, Math.floor(a.confidence * 10 + 1e-9));
    const members = byBand.get(band);
    if (members) members.push(a);
    else byBand.set(band, [a]);
  }
  return [...byBand.entries()].sort(([a], [b]) => a - b).map(([band, members]) => summarise(band / 10, members));
}

/** Share right per attribution method (CUE, PRONOUN, …): what each method's confidence should be. */
export function accuracyByMethod(
  attributions: readonly Attribution[],
): { method: string; count: number; shareRight: number; confidences: number[] }[] {
  const byMethod = new Map<string, Attribution[]>();
  for (const a of attributions) {
    const members = byMethod.get(a.method);
    if (members) members.push(a);
    else byMethod.set(a.method, [a]);
  }
  return [...byMethod.entries()]
    .sort(([, a], [, b]) => b.length - a.length)
    .map(([method, members]) => ({
      method,
      count: members.length,
      shareRight: members.filter((a) => a.right).length / members.length,
      confidences: [...new Set(members.map((a) => a.confidence))].sort(),
    }));
}
