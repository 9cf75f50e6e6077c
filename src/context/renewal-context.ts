import { createContext } from '@lit/context';
import type { RenewalStore } from './store.js';

/** The `<esim-renewal>` provider shares one store with its descendants; a Symbol keeps the key private to us. */
export const renewalContext = createContext<RenewalStore | undefined>(Symbol('esim-renewal'));
