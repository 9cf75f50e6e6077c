/** English for `<esim-renewal-flow>`, loaded with it (see `addEnglish` in ../index.ts). */
export const enFlow = {
  label: 'Renew your eSIM',
  steps: { card: 'Your card', plan: 'Choose a plan', pay: 'Review and pay', done: 'Done' },
  stepHeading: (n: number, total: number, name: string) => `Step ${n} of ${total}: ${name}`,
  next: 'Choose a plan',
  review: 'Review',
  back: 'Back',
  payHint: 'Check the order summary, choose how to pay and confirm. Nothing is charged before you confirm.',
  chosen: (name: string, price: string) => `${name} · ${price}`,
  again: 'Renew again',
};
