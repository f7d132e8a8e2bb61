import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { useTestDb } from '@/tests/support/db';
import { listAudit } from './audit';
import { siteSettings } from './schema';
import { defaultSiteSettings, getSiteSettings, saveSiteSettings, SettingsValidationError, type SiteSettingsInput } from './settings';

const ADMIN = { id: null, label: 'admin@example.org' };
let env: ReturnType<typeof useTestDb>;

beforeEach(() => {
  env = useTestDb();
});
afterEach(() => env.close());

const form = (over: Partial<SiteSettingsInput> = {}): SiteSettingsInput => ({
  siteName: 'Le Quotidien',
  tagline: { fr: 'Les nouvelles de Douala', en: 'News from Douala' },
  city: 'Douala',
  latitude: '4,05',
  longitude: '9.7',
  social: { facebook: 'https://www.facebook.com/lequotidien', x: '', instagram: '', youtube: '', linkedin: '', tiktok: '', whatsapp: '' },
  ...over,
});

function fieldsOf(fn: () => unknown): Record<string, string> {
  try {
    fn();
  } catch (e) {
    if (e instanceof SettingsValidationError) return e.fields;
    throw e;
  }
  throw new Error('expected a validation error');
}

describe('site settings', () => {
  it('defaults to today’s values: the messages and the weather environment', () => {
    vi.stubEnv('WEATHER_CITY', '');
    expect(getSiteSettings()).toEqual({
      siteName: 'Kiosque',
      tagline: { fr: 'L’actualité du Cameroun et du monde, en français et en anglais', en: 'News from Cameroon and the world, in French and English' },
      city: 'Yaoundé',
      latitude: 3.848,
      longitude: 11.502,
      social: {},
    });
  });

  it('a save is read back at once (the memo is refreshed) and writes one audit line with what changed', () => {
    const before = getSiteSettings();
    const { changed } = saveSiteSettings(form(), ADMIN);
    expect(changed.sort()).toEqual(['city', 'latitude', 'longitude', 'siteName', 'social', 'tagline']);
    expect(getSiteSettings()).toEqual({
      siteName: 'Le Quotidien',
      tagline: { fr: 'Les nouvelles de Douala', en: 'News from Douala' },
      city: 'Douala',
      latitude: 4.05,
      longitude: 9.7,
      social: { facebook: 'https://www.facebook.com/lequotidien' },
    });
    const lines = listAudit();
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ action: 'settings.update', actor: 'admin@example.org' });
    expect(JSON.parse(lines[0]!.detail).siteName).toEqual({ from: before.siteName, to: 'Le Quotidien' });
    // Saving the same values again changes nothing and writes no line.
    expect(saveSiteSettings(form(), ADMIN).changed).toEqual([]);
    expect(listAudit()).toHaveLength(1);
  });

  it('refuses bad values field by field and keeps the previous settings', () => {
    const fields = fieldsOf(() =>
      saveSiteSettings(
        form({
          siteName: '   ',
          city: 'x'.repeat(61),
          latitude: '91',
          longitude: 'east',
          social: { facebook: 'http://facebook.com/x', x: 'javascript:alert(1)', instagram: 'https://user:pw@instagram.com/x', youtube: '', linkedin: '', tiktok: '', whatsapp: '' },
        }),
        ADMIN,
      ),
    );
    expect(fields).toEqual({
      siteName: 'required',
      city: 'too_long',
      latitude: 'out_of_range',
      longitude: 'number_invalid',
      'social.facebook': 'url_https',
      'social.x': 'url_https',
      'social.instagram': 'url_https',
    });
    expect(getSiteSettings()).toEqual(defaultSiteSettings());
    expect(listAudit()).toHaveLength(0);
  });

  it('a broken stored value falls back to its default instead of breaking pages', () => {
    env.db.insert(siteSettings).values({ key: 'latitude', value: '"not a number"', updatedAt: new Date() }).run();
    env.db.insert(siteSettings).values({ key: 'siteName', value: '{oops', updatedAt: new Date() }).run();
    env.db.insert(siteSettings).values({ key: 'city', value: '"Kribi"', updatedAt: new Date() }).run();
    const s = getSiteSettings();
    expect(s.latitude).toBe(defaultSiteSettings().latitude);
    expect(s.siteName).toBe('Kiosque');
    expect(s.city).toBe('Kribi');
  });
});
