// The few mocha globals the browser tests use (web-test-runner runs mocha in the page).
// Declared here rather than pulling in @types/mocha and its Node-flavoured globals.
type MochaFn = (this: unknown) => void | Promise<unknown>;

declare function describe(title: string, fn: () => void): void;
declare function it(title: string, fn: MochaFn): void;
declare function before(fn: MochaFn): void;
declare function after(fn: MochaFn): void;
declare function beforeEach(fn: MochaFn): void;
declare function afterEach(fn: MochaFn): void;
