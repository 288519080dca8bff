/**
 * Stripe's test card numbers (https://docs.stripe.com/testing#cards) and what each does.
 * Any other number is refused as Stripe refuses real cards in test mode.
 */
export interface TestCard {
  number: string;
  outcome: 'success' | 'decline';
  code: string | null;
  declineCode: string | null;
  message: string | null;
  fingerprint: string;
}

const success = (number: string, fingerprint: string): TestCard => ({ number, outcome: 'success', code: null, declineCode: null, message: null, fingerprint });
const decline = (number: string, code: string, declineCode: string | null, message: string): TestCard => ({
  number,
  outcome: 'decline',
  code,
  declineCode,
  message,
  fingerprint: `fp_${number.slice(-8)}`,
});

export const TEST_CARDS: Record<string, TestCard> = Object.fromEntries(
  [
    success('4242424242424242', 'Xt5EWLLDS7FJjR1c'),
    success('4000056655665556', 'Fd3rLGwPmNX3kZ9q'),
    success('5555555555554444', 'M4pQaHhy8tK2Lw0e'),
    decline('4000000000000002', 'card_declined', 'generic_decline', 'Your card was declined.'),
    decline('4000000000009995', 'card_declined', 'insufficient_funds', 'Your card has insufficient funds.'),
    decline('4000000000009987', 'card_declined', 'lost_card', 'Your card was declined.'),
    decline('4000000000000069', 'expired_card', 'expired_card', 'Your card has expired.'),
    decline('4000000000000127', 'incorrect_cvc', 'incorrect_cvc', "Your card's security code is incorrect."),
    decline('4000000000000119', 'processing_error', 'processing_error', 'An error occurred while processing your card. Try again in a little bit.'),
  ].map((card) => [card.number, card]),
);

export type CardCheck = { ok: true; card: TestCard } | { ok: false; field: 'number' | 'expiry' | 'cvc'; message: string };

/** Validates what a donor typed on the hosted page, the way Stripe's card element does. */
export function checkCard(input: { number: string; expiry: string; cvc: string }, now = new Date()): CardCheck {
  const number = input.number.replace(/[\s-]/g, '');
  if (!/^\d{12,19}$/.test(number) || !luhn(number)) return { ok: false, field: 'number', message: 'Your card number is invalid.' };
  const card = TEST_CARDS[number];
  if (!card) {
    return { ok: false, field: 'number', message: 'Your card was declined. Your request was in test mode, but used a non test card. For a list of valid test cards, visit: https://stripe.com/docs/testing.' };
  }
  const expiry = /^\s*(\d{1,2})\s*\/\s*(\d{2}|\d{4})\s*$/.exec(input.expiry);
  const month = Number(expiry?.[1]);
  const year = expiry ? (expiry[2]!.length === 2 ? 2000 + Number(expiry[2]) : Number(expiry[2])) : NaN;
  if (!expiry || month < 1 || month > 12) return { ok: false, field: 'expiry', message: "Your card's expiration date is incomplete." };
  if (year < now.getUTCFullYear() || (year === now.getUTCFullYear() && month < now.getUTCMonth() + 1)) {
    return { ok: false, field: 'expiry', message: "Your card's expiration year is in the past." };
  }
  if (!/^\d{3,4}$/.test(input.cvc.trim())) return { ok: false, field: 'cvc', message: "Your card's security code is incomplete." };
  return { ok: true, card };
}

export function parseExpiry(expiry: string): { month: number; year: number } {
  const [m = '1', y = '30'] = expiry.split('/').map((part) => part.trim());
  return { month: Number(m), year: y.length === 2 ? 2000 + Number(y) : Number(y) };
}

function luhn(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i += 1) {
    let digit = Number(digits[digits.length - 1 - i]);
    if (i % 2 === 1) digit = digit * 2 > 9 ? digit * 2 - 9 : digit * 2;
    sum += digit;
  }
  return sum % 10 === 0;
}
