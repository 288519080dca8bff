import { describe, expect, it } from 'vitest';
import { FormSyntaxError, parseStripeForm } from '../../../functions/dev/stripe-standin/form.js';

describe("Stripe's form notation", () => {
  it('nests hashes and indexed arrays', () => {
    const body =
      'mode=payment&metadata[donationId]=don_1&metadata[campaign]=world%20day' +
      '&line_items[0][price_data][currency]=usd&line_items[0][price_data][unit_amount]=5000' +
      '&line_items[0][price_data][product_data][name]=Gift&line_items[0][quantity]=1';
    expect(parseStripeForm(body)).toEqual({
      mode: 'payment',
      metadata: { donationId: 'don_1', campaign: 'world day' },
      line_items: [{ price_data: { currency: 'usd', unit_amount: '5000', product_data: { name: 'Gift' } }, quantity: '1' }],
    });
  });

  it('reads expand[]= and expand[0]= the same way, in order', () => {
    expect(parseStripeForm('expand[]=payment_intent&expand[]=subscription').expand).toEqual(['payment_intent', 'subscription']);
    expect(parseStripeForm('expand[1]=b&expand[0]=a').expand).toEqual(['a', 'b']);
  });

  it('accepts percent-encoded brackets (what the stripe client may send) and keeps values as strings', () => {
    expect(parseStripeForm('metadata%5Bkey%5D=a%26b&amount=')).toEqual({ metadata: { key: 'a&b' }, amount: '' });
  });

  it('keeps hashes with numeric-looking keys mixed with words as hashes', () => {
    expect(parseStripeForm('metadata[0]=a&metadata[x]=b').metadata).toEqual({ 0: 'a', x: 'b' });
  });

  it('rejects unbalanced brackets and a name used as both value and hash', () => {
    expect(() => parseStripeForm('metadata[key=1')).toThrow(FormSyntaxError);
    expect(() => parseStripeForm('[x]=1')).toThrow(FormSyntaxError);
    expect(() => parseStripeForm('metadata=1&metadata[a]=2')).toThrow(FormSyntaxError);
    expect(() => parseStripeForm('metadata[a]=2&metadata=1')).toThrow(FormSyntaxError);
  });
});
