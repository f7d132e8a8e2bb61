import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { isExternalUrl, Markdown, safeUrl } from './Markdown';

const SITE = 'https://kiosque.example';

function render(source: string): string {
  return renderToStaticMarkup(<Markdown siteUrl={SITE}>{source}</Markdown>);
}

function expectSafe(html: string): void {
  expect(html).not.toMatch(/<script/i);
  expect(html).not.toMatch(/onerror/i);
  expect(html).not.toMatch(/javascript:/i);
  expect(html).not.toMatch(/vbscript:/i);
  expect(html).not.toMatch(/data:text/i);
  expect(html).not.toMatch(/<iframe/i);
  expect(html).not.toMatch(/<style/i);
  expect(html).not.toMatch(/<object|<embed|<form|<svg|<math/i);
}

describe('Markdown: hostile input', () => {
  const attacks: [string, string][] = [
    ['script block', '<script>alert(1)</script>'],
    ['inline script', 'Avant <script>alert(1)</script> après'],
    ['img onerror', '<img src=x onerror=alert(1)>'],
    ['inline img onerror', 'Texte <img src=x onerror=alert(1)> texte'],
    ['javascript link', '[x](javascript:alert(1))'],
    ['upper-case javascript link', '[x](JAVASCRIPT:alert(1))'],
    ['javascript link with leading spaces', '[x](  javascript:alert(1))'],
    ['javascript link in angle brackets', '[x](<javascript:alert(1)>)'],
    ['entity-encoded javascript link', '[x](&#106;avascript:alert(1))'],
    ['javascript link with a tab', '[x](java&#9;script:alert(1))'],
    ['reference-style javascript link', '[x][evil]\n\n[evil]: javascript:alert(1)'],
    ['vbscript link', '[x](vbscript:msgbox(1))'],
    ['data link', '[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)'],
    ['raw anchor', '<a href="javascript:alert(1)">x</a>'],
    ['inline raw anchor', 'Lire <a href="javascript:alert(1)">ceci</a>.'],
    ['javascript image', '![x](javascript:alert(1))'],
    ['data image', '![x](data:image/svg+xml;base64,PHN2Zy8+)'],
    ['iframe', '<iframe src="https://evil.example"></iframe>'],
    ['inline iframe', 'Vidéo : <iframe src="https://evil.example"></iframe>'],
    ['style', '<style>body { display: none }</style>'],
    ['inline style', 'Texte <style>body{}</style>'],
    ['svg', '<svg onload=alert(1)><circle/></svg>'],
    ['form', '<form action="https://evil.example"><input></form>'],
    ['html comment', '<!-- <script>alert(1)</script> -->'],
    ['details with handler', '<details open ontoggle=alert(1)>'],
  ];

  it.each(attacks)('neutralises %s', (_name, source) => {
    expectSafe(render(source));
  });

  it('neutralises everything at once, keeping the surrounding text', () => {
    const html = render(attacks.map(([, source]) => source).join('\n\nParagraphe.\n\n'));
    expectSafe(html);
    expect(html).toContain('<p>Paragraphe.</p>');
  });

  it('drops the href of a dangerous link but keeps its text', () => {
    expect(render('[cliquez ici](javascript:alert(1))')).toBe('<div><p>cliquez ici</p></div>');
  });

  it('drops a dangerous autolink target', () => {
    const html = render('<javascript:alert(1)>');
    expect(html).not.toMatch(/href=/i);
    expect(html).not.toMatch(/<a/i);
  });

  it('does not render an image whose src is dropped', () => {
    expect(render('![alt](javascript:alert(1))')).toBe('<div><p></p></div>');
  });
});

describe('Markdown: normal content', () => {
  it('renders paragraphs, emphasis, lists and quotes', () => {
    const html = render(
      [
        'Premier paragraphe avec du **gras** et de l’*italique*.',
        '',
        'Deuxième paragraphe.',
        '',
        '- un',
        '- deux',
        '',
        '1. premier',
        '2. second',
        '',
        '> Une citation.',
      ].join('\n'),
    );
    expect(html).toContain('<p>Premier paragraphe avec du <strong>gras</strong> et de l’<em>italique</em>.</p>');
    expect(html).toContain('<p>Deuxième paragraphe.</p>');
    expect(html).toContain('<ul>\n<li>un</li>\n<li>deux</li>\n</ul>');
    expect(html).toContain('<ol>\n<li>premier</li>\n<li>second</li>\n</ol>');
    expect(html).toContain('<blockquote>\n<p>Une citation.</p>\n</blockquote>');
  });

  it('keeps typographic characters intact', () => {
    const html = render('■ Yaoundé, le 15 novembre. Il a déclaré\u00A0: «\u202Fc’est historique\u202F» — fin.');
    expect(html).toBe(
      '<div><p>■ Yaoundé, le 15 novembre. Il a déclaré\u00A0: «\u202Fc’est historique\u202F» — fin.</p></div>',
    );
    expect(html).not.toMatch(/Ã|â€|â–/);
  });

  it('marks external links and leaves internal ones alone', () => {
    expect(render('[AFP](https://www.afp.com/fr)')).toBe(
      '<div><p><a href="https://www.afp.com/fr" rel="noopener noreferrer">AFP</a></p></div>',
    );
    expect(render('[article](/fr/articles/un-article)')).toBe(
      '<div><p><a href="/fr/articles/un-article">article</a></p></div>',
    );
    expect(render('[accueil](https://kiosque.example/fr)')).toBe(
      '<div><p><a href="https://kiosque.example/fr">accueil</a></p></div>',
    );
    expect(render('[contact](mailto:redaction@kiosque.example)')).toBe(
      '<div><p><a href="mailto:redaction@kiosque.example">contact</a></p></div>',
    );
    expect(render('[ancre](#suite)')).toBe('<div><p><a href="#suite">ancre</a></p></div>');
  });

  it('renders GFM autolinks, tables and strikethrough', () => {
    const html = render('Voir https://example.org.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n~~faux~~');
    expect(html).toContain('<a href="https://example.org" rel="noopener noreferrer">https://example.org</a>');
    expect(html).toContain('<table>');
    expect(html).toContain('<del>faux</del>');
  });

  it('renders this site’s images lazily with alt text (alone in a paragraph: a figure), other sites’ images as links', () => {
    expect(render('![](/images/a.jpg)')).toBe('<div><figure class="body-figure"><img src="/images/a.jpg" alt="" loading="lazy" decoding="async"/></figure></div>');
    expect(render('Voir ![un plan](/images/a.jpg "Plan") ici')).toBe(
      '<div><p>Voir <img src="/images/a.jpg" alt="un plan" title="Plan" loading="lazy" decoding="async"/> ici</p></div>',
    );
    // The CSP allows images from this site only: an external one would be a broken image, so it is a link.
    const external = render('![Le marché central](https://cdn.example/marche.jpg "Marché")');
    expect(external).toContain('<a href="https://cdn.example/marche.jpg" rel="noopener noreferrer" class="body-external-image">View the image: Le marché central (cdn.example)</a>');
    expect(external).not.toContain('<img');
  });

  it('shifts headings one level down', () => {
    const html = render('# Un\n\n## Deux\n\n### Trois\n\n#### Quatre\n\n##### Cinq\n\n###### Six');
    expect(html).toBe(
      '<div><h2>Un</h2>\n<h3>Deux</h3>\n<h4>Trois</h4>\n<h5>Quatre</h5>\n<h6>Cinq</h6>\n<h6>Six</h6></div>',
    );
    expect(html).not.toContain('<h1');
  });

  it('raises a body whose top headings are ## so that they become h2 (no h1 → h3 jump)', () => {
    expect(render('Intro\n\n## Deux\n\n### Trois\n\n## Deux bis')).toBe(
      '<div><p>Intro</p>\n<h2>Deux</h2>\n<h3>Trois</h3>\n<h2>Deux bis</h2></div>',
    );
    expect(render('### Trois\n\n#### Quatre')).toBe('<div><h2>Trois</h2>\n<h3>Quatre</h3></div>');
  });

  it('applies the wrapper class', () => {
    expect(renderToStaticMarkup(<Markdown className="article-body">Texte</Markdown>)).toBe(
      '<div class="article-body"><p>Texte</p></div>',
    );
  });
});

describe('safeUrl / isExternalUrl', () => {
  it.each([
    ['https://example.org/a?b=c#d', 'href', 'https://example.org/a?b=c#d'],
    ['HTTP://EXAMPLE.ORG', 'href', 'HTTP://EXAMPLE.ORG'],
    ['mailto:a@b.c', 'href', 'mailto:a@b.c'],
    ['/fr/article', 'href', '/fr/article'],
    ['article', 'href', 'article'],
    ['../a:b', 'href', '../a:b'],
    ['#top', 'href', '#top'],
    ['//cdn.example/x.jpg', 'src', '//cdn.example/x.jpg'],
    ['javascript:alert(1)', 'href', null],
    [' JaVaScRiPt:alert(1)', 'href', null],
    ['java\tscript:alert(1)', 'href', null],
    ['java\nscript:alert(1)', 'href', null],
    ['\u0001javascript:alert(1)', 'href', null],
    ['vbscript:x', 'href', null],
    ['data:text/html,x', 'href', null],
    ['file:///etc/passwd', 'href', null],
    ['mailto:a@b.c', 'src', null],
    ['data:image/png;base64,AAAA', 'src', null],
    ['tel:+237600000000', 'href', null],
  ])('safeUrl(%j, %s) → %j', (url, attribute, expected) => {
    expect(safeUrl(url, attribute)).toBe(expected);
  });

  it('detects external links', () => {
    const origin = 'https://kiosque.example';
    expect(isExternalUrl('https://www.afp.com', origin)).toBe(true);
    expect(isExternalUrl('//www.afp.com', origin)).toBe(true);
    expect(isExternalUrl('https://kiosque.example/fr', origin)).toBe(false);
    expect(isExternalUrl('/fr', origin)).toBe(false);
    expect(isExternalUrl('mailto:a@b.c', origin)).toBe(false);
  });
});

describe('Markdown: footnotes', () => {
  it('uses the given labels and an h2 footnote heading', () => {
    const html = renderToStaticMarkup(
      <Markdown siteUrl={SITE} footnoteLabel="Notes de bas de page" footnoteBackLabel="Retour au texte">
        {'Texte[^1]\n\n[^1]: La note.'}
      </Markdown>,
    );
    expect(html).toContain('<h2 class="sr-only" id="footnote-label">Notes de bas de page</h2>');
    expect(html).toContain('aria-label="Retour au texte"');
    expect(html).toContain('href="#user-content-fn-1"');
  });
});

describe('sponsored content', () => {
  it('marks external links rel="sponsored"; ordinary articles do not', () => {
    const source = '[annonceur](https://annonceur.example/offre) et [rubrique](/fr/economie)';
    const sponsored = renderToStaticMarkup(<Markdown siteUrl={SITE} sponsored>{source}</Markdown>);
    expect(sponsored).toContain('<a href="https://annonceur.example/offre" rel="sponsored noopener noreferrer">');
    expect(sponsored).toContain('<a href="/fr/economie">');
    expect(render(source)).toContain('<a href="https://annonceur.example/offre" rel="noopener noreferrer">');
  });
});
