/**
 * Hero illustrations for the demo newsroom, drawn as small SVG files (nothing downloaded). Each section has a
 * palette and a motif; three variants per section, each in the 16:9, 4:3 and 1:1 crops that share cards want.
 */
export const crops = { '16x9': [1600, 900], '4x3': [1600, 1200], '1x1': [1200, 1200] } as const;
export type Crop = keyof typeof crops;
export const VARIANTS = 3;

const palettes: Record<string, [string, string, string]> = {
  politics: ['#1d3557', '#457b9d', '#f1faee'],
  economy: ['#2d6a4f', '#52b788', '#d8f3dc'],
  society: ['#6d4c41', '#d4a373', '#fefae0'],
  sport: ['#9d0208', '#e85d04', '#ffe8d6'],
  culture: ['#5a189a', '#c77dff', '#f3e8ff'],
  international: ['#003049', '#669bbc', '#fdf0d5'],
  videos: ['#212529', '#e63946', '#f8f9fa'],
};

function motif(key: string, w: number, h: number, light: string, accent: string): string {
  const cx = w / 2;
  const cy = h / 2;
  const r = Math.min(w, h) * 0.22;
  switch (key) {
    case 'politics': // a ballot box
      return `<rect x="${cx - r}" y="${cy - r * 0.4}" width="${r * 2}" height="${r * 1.4}" rx="12" fill="${light}"/><rect x="${cx - r * 0.5}" y="${cy - r * 0.55}" width="${r}" height="${r * 0.16}" fill="${accent}"/><rect x="${cx - r * 0.35}" y="${cy - r * 1.1}" width="${r * 0.7}" height="${r * 0.6}" fill="${light}" transform="rotate(-8 ${cx} ${cy})"/>`;
    case 'economy': // rising bars
      return [0, 1, 2, 3]
        .map((i) => {
          const bh = r * (0.6 + i * 0.45);
          return `<rect x="${cx - r * 1.2 + i * r * 0.65}" y="${cy + r - bh}" width="${r * 0.45}" height="${bh}" rx="6" fill="${i === 3 ? accent : light}"/>`;
        })
        .join('');
    case 'society': // three figures
      return [-1, 0, 1]
        .map((i) => `<circle cx="${cx + i * r * 0.9}" cy="${cy - r * 0.45}" r="${r * 0.28}" fill="${light}"/><rect x="${cx + i * r * 0.9 - r * 0.35}" y="${cy - r * 0.1}" width="${r * 0.7}" height="${r}" rx="${r * 0.3}" fill="${i === 0 ? accent : light}"/>`)
        .join('');
    case 'sport': // a ball
      return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${light}"/><polygon points="${[0, 1, 2, 3, 4].map((i) => `${cx + r * 0.4 * Math.cos((i * 2 * Math.PI) / 5 - Math.PI / 2)},${cy + r * 0.4 * Math.sin((i * 2 * Math.PI) / 5 - Math.PI / 2)}`).join(' ')}" fill="${accent}"/>`;
    case 'culture': // a drum and notes
      return `<ellipse cx="${cx}" cy="${cy - r * 0.6}" rx="${r * 0.8}" ry="${r * 0.25}" fill="${light}"/><path d="M${cx - r * 0.8} ${cy - r * 0.6} L${cx - r * 0.5} ${cy + r} L${cx + r * 0.5} ${cy + r} L${cx + r * 0.8} ${cy - r * 0.6} Z" fill="${accent}"/><circle cx="${cx + r * 1.3}" cy="${cy - r * 0.2}" r="${r * 0.15}" fill="${light}"/><rect x="${cx + r * 1.4}" y="${cy - r * 0.9}" width="${r * 0.06}" height="${r * 0.7}" fill="${light}"/>`;
    case 'international': // a globe
      return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="none" stroke="${light}" stroke-width="${r * 0.08}"/><ellipse cx="${cx}" cy="${cy}" rx="${r * 0.45}" ry="${r}" fill="none" stroke="${light}" stroke-width="${r * 0.06}"/><line x1="${cx - r}" y1="${cy}" x2="${cx + r}" y2="${cy}" stroke="${accent}" stroke-width="${r * 0.08}"/>`;
    default: // a play button
      return `<circle cx="${cx}" cy="${cy}" r="${r}" fill="${light}"/><polygon points="${cx - r * 0.3},${cy - r * 0.45} ${cx - r * 0.3},${cy + r * 0.45} ${cx + r * 0.5},${cy}" fill="${accent}"/>`;
  }
}

export function illustrationSvg(categoryKey: string, variant: number, crop: Crop): string {
  const [w, h] = crops[crop];
  const [dark, accent, light] = palettes[categoryKey] ?? palettes.videos!;
  const stripes = Array.from({ length: 6 }, (_, i) => {
    const x = ((i * 7 + variant * 3) % 11) * (w / 10);
    return `<rect x="${x}" y="0" width="${w / 22}" height="${h}" fill="${accent}" opacity="${0.08 + ((i + variant) % 3) * 0.05}" transform="skewX(-${12 + variant * 6})"/>`;
  }).join('');
  return `<svg xmlns="http://www.w3.org/2000/svg" width="${w}" height="${h}" viewBox="0 0 ${w} ${h}"><rect width="${w}" height="${h}" fill="${dark}"/>${stripes}${motif(categoryKey, w, h, light, accent)}</svg>\n`;
}

export function illustrationPath(categoryKey: string, variant: number, crop: Crop = '16x9'): string {
  return `/media/${categoryKey}-${variant}-${crop}.svg`;
}
