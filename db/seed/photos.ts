/**
 * The demo newsroom's photos (issue 12): the drawn illustrations, rasterized here (they are our own SVG, drawn in
 * ./illustrations.ts) and put through the same pipeline as an upload (lib/media/process.ts via uploadMedia), with
 * alt text, caption and credit in both languages. The first variant of each section becomes the hero photo of the
 * articles that used it; the others keep their SVG illustration, so the demo shows both.
 * One photo per section keeps seeding to a few seconds.
 */
import { and, eq, inArray } from 'drizzle-orm';
import sharp from 'sharp';
import type { Db } from '../client';
import { articles, categories, categoryTranslations } from '../schema';
import { SYSTEM_MEDIA_ACTOR, updateMediaTexts, uploadMedia } from '../media-writes';
import { illustrationPath, illustrationSvg } from './illustrations';

export async function seedPhotos(db: Db, now = new Date()): Promise<number> {
  const sections = db.select({ id: categories.id, key: categories.key }).from(categories).all();
  let made = 0;
  for (const section of sections) {
    const path = illustrationPath(section.key, 1);
    const users = db.select({ id: articles.id }).from(articles).where(and(eq(articles.heroImage, path), eq(articles.categoryId, section.id))).all();
    if (users.length === 0) continue;
    const jpeg = await sharp(Buffer.from(illustrationSvg(section.key, 1, '16x9')))
      .jpeg({ quality: 90 })
      .toBuffer();
    const { id } = await uploadMedia(SYSTEM_MEDIA_ACTOR, `${section.key}-1.jpg`, jpeg, now, db);
    const names = Object.fromEntries(
      db
        .select({ locale: categoryTranslations.locale, name: categoryTranslations.name })
        .from(categoryTranslations)
        .where(eq(categoryTranslations.categoryId, section.id))
        .all()
        .map((r) => [r.locale, r.name]),
    );
    updateMediaTexts(
      SYSTEM_MEDIA_ACTOR,
      id,
      {
        fr: { alt: `Illustration de la rubrique ${names.fr ?? section.key}`, caption: `Illustration de la rubrique ${names.fr ?? section.key}`, credit: 'Kiosque' },
        en: { alt: `Illustration for the ${names.en ?? section.key} section`, caption: `Illustration for the ${names.en ?? section.key} section`, credit: 'Kiosque' },
      },
      now,
      db,
    );
    db.update(articles)
      .set({ heroMediaId: id })
      .where(
        inArray(
          articles.id,
          users.map((u) => u.id),
        ),
      )
      .run();
    made++;
  }
  return made;
}
