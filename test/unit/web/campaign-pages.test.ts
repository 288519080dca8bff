import { describe, expect, it } from 'vitest';
import type { Campaign } from '../../../functions/domain/campaigns/campaign.js';
import { worldDayCampaigns } from '../../../functions/domain/campaigns/world-days.js';
import { LANGUAGES } from '../../../functions/domain/shared/languages.js';
import { foldLine } from '../../../web/builder/calendar.js';
import { renderCampaignPreview, renderCampaignSiteFiles } from '../../../web/publish-pages.js';
import { worldDayCountdown } from '../../../web/site/countdown.js';

const NOW = new Date('2026-05-01T12:00:00Z');
const SEEDS = worldDayCampaigns('2026-01-01T00:00:00Z');

/** 2026 with a media kit: an image with alt text, a Spanish video and an untranslated PDF. */
const WITH_MEDIA: Campaign[] = SEEDS.map((c) =>
  c.year !== 2026
    ? c
    : {
        ...c,
        mediaKit: [
          {
            id: 'm1', kind: 'image', file: 'blue-heart-square.png', contentType: 'image/png', bytes: 245_000,
            title: { en: 'Blue Heart square', ar: 'القلب الأزرق مربّع' }, alt: { en: 'A blue heart on white', ar: 'قلب أزرق على خلفية بيضاء' },
            width: 1080, height: 1080,
          } as Campaign['mediaKit'][number],
          { id: 'm2', kind: 'video', file: 'world-day.mp4', contentType: 'video/mp4', bytes: 12_400_000, title: { en: 'World Day video', es: 'Vídeo del Día Mundial' }, language: 'es' },
          { id: 'm3', kind: 'pdf', file: 'key messages.pdf', contentType: 'application/pdf', bytes: 880_000, title: { en: 'Key messages' } },
        ],
      },
);

const render = (campaigns: Campaign[] = WITH_MEDIA, publicUrl = 'https://blueheart.example.org') => {
  const files = renderCampaignSiteFiles({ campaigns, now: NOW, publicUrl });
  const map = new Map(files.map((file) => [file.path, String(file.contents)]));
  return (path: string): string => {
    const text = map.get(path);
    if (text === undefined) throw new Error(`not rendered: ${path}`);
    return text;
  };
};

describe('renderCampaignSiteFiles', () => {
  const file = render();

  it('renders every published year in every language, Arabic right-to-left', () => {
    for (const lang of LANGUAGES) {
      for (const { year } of SEEDS) expect(file(`${lang}/campaigns/${year}/index.html`)).toContain(`<time datetime="${year}-07-30">`);
    }
    expect(file('ar/campaigns/2018/index.html')).toMatch(/<html lang="ar" dir="rtl">/);
    expect(file('en/campaigns/2018/index.html')).toMatch(/<html lang="en" dir="ltr">/);
    expect(file('en/campaigns/2018/index.html')).toContain('Observed on 30 July 2018');
    expect(file('fr/campaigns/2018/index.html')).toContain('Célébrée le 30 juillet 2018');
  });

  it('shows the theme, or names a year without one "World Day {year}"', () => {
    expect(file('en/campaigns/2016/index.html')).toMatch(/<h1>Vulnerability to trafficking in persons<\/h1>/);
    expect(file('en/campaigns/2015/index.html')).toMatch(/<h1>World Day 2015<\/h1>/);
    expect(file('en/campaigns/2015/index.html')).toContain('<title>World Day 2015 · Blue Heart</title>');
    expect(file('es/campaigns/2014/index.html')).toMatch(/<h1>Día Mundial 2014<\/h1>/);
  });

  it('marks English fallbacks with lang/dir and says so once, in the page language', () => {
    const ar = file('ar/campaigns/2018/index.html');
    expect(ar).toMatch(/<h1 lang="en" dir="ltr">Responding to the trafficking of children and young people<\/h1>/);
    expect(ar.match(/class="translation-note"/g)).toHaveLength(1);
    expect(ar).toContain('بعض الأجزاء لم تُترجم بعد وتظهر باللغة الإنجليزية.');
    // The Arabic summary of 2026 is translated: no lang attribute on it.
    expect(file('ar/campaigns/2026/index.html')).toMatch(/<p class="lead">قف إلى جانب/);
    expect(file('en/campaigns/2018/index.html')).not.toContain('translation-note');
  });

  it('turns a call to action to a site path into the page language', () => {
    expect(file('ar/campaigns/2026/index.html')).toMatch(/<a class="button button-primary" href="\/ar\/pledge\/">قدّم تعهدك/);
    expect(file('zh/campaigns/2026/index.html')).toMatch(/href="\/zh\/pledge\/" lang="en" dir="ltr">Take the Blue Heart pledge/);
  });

  it('lists the media kit: downloads, kind, size per locale, file language, lazy image previews with alt', () => {
    const en = file('en/campaigns/2026/index.html');
    expect(en).toMatch(/<img class="media-preview" src="\/media\/2026\/blue-heart-square.png" alt="A blue heart on white" loading="lazy" decoding="async" width="1080" height="1080"\/>/);
    expect(en).toMatch(/href="\/media\/2026\/world-day.mp4" download="world-day.mp4"/);
    expect(en).toMatch(/href="\/media\/2026\/key%20messages.pdf" download="key messages.pdf"/);
    expect(en).toContain('<span dir="auto">12.4 MB</span>');
    expect(en).toContain('<span>In Spanish</span>');
    expect(en.match(/<img /g)).toHaveLength(1); // videos and PDFs are links only
    expect(file('fr/campaigns/2026/index.html')).toMatch(/<span dir="auto">12,4\s?Mo<\/span>/);
    expect(file('ar/campaigns/2026/index.html')).toMatch(/alt="قلب أزرق على خلفية بيضاء"/);
    const media = file('fr/media-kit/index.html');
    expect(media).toContain('Kit média');
    expect(media).toContain('<span>En espagnol</span>');
  });

  it('shows an empty media kit when the current campaign has none', () => {
    expect(render(SEEDS)('en/media-kit/index.html')).toContain('The media kit for this campaign is not available yet.');
    expect(render([])('en/media-kit/index.html')).toContain('class="empty-state"');
  });

  it('lists the archive newest first, ignoring drafts', () => {
    const draft: Campaign = { ...SEEDS[0]!, year: 2027, day: '2027-07-30', status: 'draft' };
    const archive = render([...SEEDS, draft])('en/campaigns/index.html');
    const years = [...archive.matchAll(/<span class="archive-year">(\d{4})<\/span>/g)].map((m) => Number(m[1]));
    expect(years).toEqual([2026, 2018, 2017, 2016, 2015, 2014]);
    expect(archive).toMatch(/<span class="archive-name">World Day 2015<\/span>/);
    expect(() => render([...SEEDS, draft])('en/campaigns/2027/index.html')).toThrow();
  });

  it('counts down to 30 July on the home page, with the right plural form', () => {
    const en = file('en/index.html');
    expect(en).toMatch(/<time datetime="2026-07-30" data-countdown="true"[^>]*><strong class="count">90<\/strong> days to World Day<\/time>/);
    expect(file('ar/index.html')).toMatch(/<strong class="count">٩٠|90<\/strong> يومًا على اليوم العالمي/);
    const onTheDay = renderCampaignSiteFiles({ campaigns: SEEDS, now: new Date('2026-07-30T08:00:00Z') }).find((f) => f.path === 'en/index.html');
    expect(String(onTheDay?.contents)).toContain('>Today is World Day</time>');
    expect(worldDayCountdown({ year: 2026, month: 7, day: 31 })).toEqual({ days: 364, date: '2027-07-30' });
    expect(worldDayCountdown({ year: 2026, month: 7, day: 29 })).toEqual({ days: 1, date: '2026-07-30' });
  });

  it('writes a yearly all-day calendar event per language (RFC 5545)', () => {
    for (const lang of LANGUAGES) {
      const ics = file(`${lang}/world-day.ics`);
      expect(ics.startsWith('BEGIN:VCALENDAR\r\n')).toBe(true);
      expect(ics.endsWith('END:VCALENDAR\r\n')).toBe(true);
      expect(ics.replace(/\r\n/g, '')).not.toMatch(/[\r\n]/);
      for (const line of ['VERSION:2.0', 'BEGIN:VEVENT', 'END:VEVENT', 'DTSTART;VALUE=DATE:20260730', 'RRULE:FREQ=YEARLY']) {
        expect(ics).toContain(`\r\n${line}\r\n`);
      }
      expect(ics).toMatch(new RegExp(`\r\nUID:world-day-against-trafficking-${lang}@blueheart.example.org\r\n`));
      expect(ics).toMatch(/\r\nDTSTAMP:\d{8}T\d{6}Z\r\n/);
      for (const line of ics.split('\r\n')) expect(Buffer.byteLength(line), line).toBeLessThanOrEqual(75);
    }
    expect(file('ar/world-day.ics').replace(/\r\n /g, '')).toContain('SUMMARY;LANGUAGE=ar:اليوم العالمي لمكافحة الاتجار بالأشخاص');
    expect(file('en/world-day.ics')).toContain('Every 30 July\\, the world');
    expect(file('en/index.html')).toContain('href="/en/world-day.ics" type="text/calendar"');
    expect(file('en/campaigns/2017/index.html')).toContain('href="/en/world-day.ics" type="text/calendar"');
  });

  it('folds long lines without splitting a UTF-8 character', () => {
    const folded = foldLine(`DESCRIPTION:${'日'.repeat(60)}`);
    for (const line of folded.split('\r\n')) expect(Buffer.byteLength(line)).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, '')).toBe(`DESCRIPTION:${'日'.repeat(60)}`);
  });

  // How fast it renders is measured in bench/publish.ts, not here: a timed test fails on a busy machine.
  it('renders every page of ten campaigns in seven languages', () => {
    const ten = Array.from({ length: 10 }, (_, i) => ({ ...WITH_MEDIA[5]!, year: 2017 + i, day: `${2017 + i}-07-30` }));
    const files = renderCampaignSiteFiles({ campaigns: ten, now: NOW });
    expect(files.filter((f) => f.path.endsWith('.html'))).toHaveLength(7 * 15); // + the donate page, + "Lend your voice" for the current campaign
  });

  it('links the stable asset names when no asset manifest is given', () => {
    expect(render()('en/campaigns/2026/index.html')).toContain('<link rel="stylesheet" href="/site.css"/>');
    expect(render()('en/campaigns/2026/index.html')).toContain('<script type="module" src="/site.js"></script>');
  });
});

describe('renderCampaignPreview', () => {
  it('renders a draft as it will be published, with a banner and noindex', () => {
    const draft: Campaign = { ...WITH_MEDIA[5]!, status: 'draft', theme: { en: 'A theme in progress' } };
    const html = renderCampaignPreview(draft, 'ar');
    expect(html).toMatch(/<html lang="ar" dir="rtl">/);
    expect(html).toContain('<meta name="robots" content="noindex"/>');
    expect(html).toMatch(/<p class="preview-banner" role="status">معاينة — غير منشورة<\/p>/);
    expect(html).toMatch(/<h1 lang="en" dir="ltr">A theme in progress<\/h1>/);
    expect(renderCampaignPreview(draft, 'en')).toContain('Preview — not published');
  });
});
