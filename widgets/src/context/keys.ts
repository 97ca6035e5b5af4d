import { createContext } from '@lit/context';
import type { BegrootApi } from '../api/client.js';

// Keys are registered symbols (`Symbol.for`), not `Symbol()`: widgets loaded by two script tags
// (two copies of this module) still ask for, and answer with, the same context.

/** The API client widgets fetch through; one per page unless a page or wrapper provides its own. */
export const apiContext = createContext<BegrootApi>(Symbol.for('begroot:api'));
