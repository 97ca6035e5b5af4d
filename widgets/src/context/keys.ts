import { createContext } from '@lit/context';
import type { BegrootApi } from '../api/client.js';
import type { BallotRegistry } from '../controllers/budget.js';

// Keys are registered symbols (`Symbol.for`), not `Symbol()`: widgets loaded by two script tags
// (two copies of this module) still ask for, and answer with, the same context.

/** The API client widgets fetch through; one per page unless a page or wrapper provides its own. */
export const apiContext = createContext<BegrootApi>(Symbol.for('begroot:api'));

/**
 * The page's ballots (one selection per round), shared by the vote ballot and budget meters in
 * ballot mode, wherever each sits on the page.
 */
export const ballotsContext = createContext<BallotRegistry>(Symbol.for('begroot:ballots'));
