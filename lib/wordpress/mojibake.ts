/**
 * Mojibake repair: UTF-8 text that was once decoded as Windows-1252 and re-encoded (`â€™` for ’, `Ã©` for é,
 * `â– ` for ■). A candidate is a lead byte (Â–ô) followed by the continuation bytes it announces, all read back to
 * their Windows-1252 bytes; it is replaced only when those bytes are valid UTF-8 (a strict decoder), so ordinary
 * text (an "â" followed by a letter) is never touched. A plain space standing for the NBSP byte (0xA0, often
 * normalized away) is accepted only as the last byte of a 3- or 4-byte sequence (`â– ` → ■): after a 2-byte lead
 * (`Ã ` → à?) it is ambiguous with ordinary text and left alone.
 */
const CP1252_HIGH = '€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008DŽ\u008F\u0090‘’“”•–—˜™š›œ\u009DžŸ';
const byteOf = new Map<string, number>();
for (let i = 0; i < 32; i++) byteOf.set(CP1252_HIGH[i]!, 0x80 + i);
for (let b = 0xa0; b <= 0xbf; b++) byteOf.set(String.fromCharCode(b), b);
const CONT = `[${CP1252_HIGH}\u00A0-\u00BF ]`;
const CANDIDATE = new RegExp(`[\u00C2-\u00F4]${CONT}{1,3}`, 'g');
const decoder = new TextDecoder('utf-8', { fatal: true });

export function repairMojibake(text: string): { text: string; repaired: number } {
  let repaired = 0;
  if (!/[\u00C2-\u00F4]/.test(text)) return { text, repaired };
  const out = text.replace(CANDIDATE, (match) => {
    const lead = match.charCodeAt(0);
    const need = lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
    if (match.length < need) return match;
    const chars = [...match.slice(0, need)];
    const rest = match.slice(need);
    const bytes = [lead];
    for (let i = 1; i < chars.length; i++) {
      const c = chars[i]!;
      // A space is only a lost NBSP in the last position.
      const b = c === ' ' ? (i === need - 1 && need >= 3 ? 0xa0 : -1) : (byteOf.get(c) ?? -1);
      if (b < 0) return match;
      bytes.push(b);
    }
    try {
      const decoded = decoder.decode(Uint8Array.from(bytes));
      if (decoded.length !== 1 && decoded.length !== 2) return match;
      repaired++;
      return decoded + rest;
    } catch {
      return match;
    }
  });
  return { text: out, repaired };
}
