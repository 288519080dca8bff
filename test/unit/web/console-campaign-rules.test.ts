import { describe, expect, it } from 'vitest';
import {
  bodyOf, checkCampaign, describePath, emptyCampaign, inputId, inputPathFor, isCampaignUrl, parseHashtags,
} from '../../../web/console/campaign-rules.js';

describe('the campaign editor rules (web/console)', () => {
  it('reads hashtags separated by spaces or commas, adding a missing #', () => {
    expect(parseHashtags(' #EndHumanTrafficking, BlueHeart  #x,,')).toEqual(['#EndHumanTrafficking', '#BlueHeart', '#x']);
    expect(parseHashtags('')).toEqual([]);
  });

  it('checks what the API checks, with the API’s dotted paths', () => {
    const body = {
      ...bodyOf(emptyCampaign(2027)),
      theme: { en: '', es: 'Tema' },
      summary: { en: 'Summary' },
      keyMessages: [{ en: 'One' }, { en: ' ', fr: 'Deux' }],
      callsToAction: [{ text: { en: 'Pledge' }, url: '/en/pledge/' }, { text: { en: 'Read' }, url: 'http://example.org' }],
      links: [{ label: { en: 'UNODC' }, url: 'https://www.unodc.org/' }],
      partners: [{ name: 'IOM', url: 'javascript:alert(1)' }],
      hashtags: ['#EndHumanTrafficking', '#x', '#end-trafficking', '#نهاية_الاتجار'],
    };
    expect(checkCampaign(body).map((e) => e.field)).toEqual([
      'theme.en', 'keyMessages.1.en', 'callsToAction.1.url', 'partners.0.url', 'hashtags.1', 'hashtags.2',
    ]);
    expect(checkCampaign(bodyOf({ ...emptyCampaign(2027), theme: undefined, summary: { en: 'ok' } }))).toEqual([]);
  });

  it('accepts https addresses and site paths only', () => {
    expect(['https://www.unodc.org/bluehearts', '/es/pledge/', '/'].every(isCampaignUrl)).toBe(true);
    expect(['http://x.org', '//evil.example', 'javascript:alert(1)', 'www.unodc.org', ''].some(isCampaignUrl)).toBe(false);
  });

  it('names fields for people and finds the input that shows a server error', () => {
    expect(describePath('keyMessages.0.fr')).toBe('Key message 1 (French)');
    expect(describePath('callsToAction.1.url')).toBe('URL of call to action 2');
    expect(describePath('theme.ar')).toBe('Theme (Arabic)');
    const paths = ['theme.ar', 'hashtags', 'callsToAction.1.url', 'callsToAction.1.text.en'];
    expect(inputPathFor('hashtags.2', paths)).toBe('hashtags');
    expect(inputPathFor('callsToAction.1.url', paths)).toBe('callsToAction.1.url');
    expect(inputPathFor('partners', paths)).toBeUndefined();
    expect(inputId('keyMessages.0.fr')).toBe('campaign-keyMessages-0-fr');
  });

  it('starts a new campaign on its World Day, with an empty theme', () => {
    const campaign = emptyCampaign(2027);
    expect(campaign.day).toBe('2027-07-30');
    expect(campaign.theme).toEqual({ en: '' });
    expect(Object.keys(bodyOf(campaign))).not.toContain('year');
  });
});
