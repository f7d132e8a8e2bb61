/**
 * Video durations as editors type them: "63", "1:03", "01:03", "1:02:03", "00:01:03", or ISO 8601 "PT1M3S"
 * (also "P0DT1H2M", "PT63S", lower case). Returns whole seconds, or null for anything else.
 */
export const MAX_VIDEO_SECONDS = 86_400;

const ISO = /^P(?:(\d{1,3})D)?(?:T(?=\d)(?:(\d{1,5})H)?(?:(\d{1,6})M)?(?:(\d{1,6}(?:[.,]\d{1,3})?)S)?)?$/i;

export function parseDurationInput(input: string): number | null {
  const s = input.trim();
  let seconds: number | null = null;
  if (/^\d{1,5}$/.test(s)) seconds = Number(s);
  else if (/^\d{1,3}:[0-5]\d$/.test(s)) {
    const [m, sec] = s.split(':').map(Number) as [number, number];
    seconds = m * 60 + sec;
  } else if (/^\d{1,2}:[0-5]\d:[0-5]\d$/.test(s)) {
    const [h, m, sec] = s.split(':').map(Number) as [number, number, number];
    seconds = h * 3600 + m * 60 + sec;
  } else {
    const m = ISO.exec(s);
    if (m && s.toUpperCase() !== 'P' && s.toUpperCase() !== 'PT') {
      const [, d, h, min, sec] = m;
      seconds = Number(d ?? 0) * 86_400 + Number(h ?? 0) * 3600 + Number(min ?? 0) * 60 + Math.round(Number((sec ?? '0').replace(',', '.')));
    }
  }
  if (seconds === null || !Number.isSafeInteger(seconds) || seconds > MAX_VIDEO_SECONDS) return null;
  return seconds;
}
