import { describe, expect, it } from 'vitest';
import { markdownToText } from './plain-text';

describe('markdownToText: the text a reader sees', () => {
  it('drops link targets and image URLs but keeps what is shown', () => {
    const text = markdownToText('Lire [le rapport du ministère](https://minfi.example/rapport-budget.pdf) et ![Carte du Cameroun](/media/carte.png).');
    expect(text).toBe('Lire le rapport du ministère et Carte du Cameroun.');
  });

  it('drops emphasis, heading and quote syntax', () => {
    expect(markdownToText('## Le **budget** 2027\n\n> *Une* hausse de _12 %_')).toBe('Le budget 2027\nUne hausse de 12 %');
  });

  it('keeps paragraph, list and table words apart', () => {
    expect(markdownToText('Douala\n\nYaoundé\n\n- Bafoussam\n- Garoua\n\n| ville | pop |\n|---|---|\n| Kribi | 70 |')).toBe(
      'Douala\nYaoundé\nBafoussam\nGaroua\nville pop\nKribi 70',
    );
  });

  it('drops raw HTML as the page does', () => {
    expect(markdownToText('Avant <script>alert(1)</script> après\n\n<div class="x">\nbloc\n</div>')).not.toMatch(/script|div|class/);
  });

  it('keeps footnotes, reference links by their text', () => {
    expect(markdownToText('Voir [la source][1].[^n]\n\n[1]: https://example.com/source\n[^n]: Une note.')).toBe('Voir la source.\nUne note.');
  });
});
