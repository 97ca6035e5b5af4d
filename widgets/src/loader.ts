/**
 * The one script tag a web editor pastes:
 *
 *   <script type="module" src="https://cms.example.nl/begroot/widgets/begroot.js"></script>
 *
 * It looks for Begroot elements on the page, now and whenever the page adds some later, and
 * loads the definition of each tag it finds, once. Tags not on the page cost nothing. Loading it
 * twice is harmless: definitions skip tags that are already defined.
 */

/** Each tag and how to load its definition (a chunk next to this file). */
const DEFINITIONS: Record<string, () => Promise<unknown>> = {
  'begroot-budget-meter': () => import('./define/begroot-budget-meter.js'),
  'begroot-proposal-form': () => import('./define/begroot-proposal-form.js'),
  'begroot-deliberation-board': () => import('./define/begroot-deliberation-board.js'),
  'begroot-vote-ballot': () => import('./define/begroot-vote-ballot.js'),
  'begroot-round-timeline': () => import('./define/begroot-round-timeline.js'),
  'begroot-project-tracker': () => import('./define/begroot-project-tracker.js'),
  'begroot-panel-signup': () => import('./define/begroot-panel-signup.js'),
};

function load(document: Document): void {
  const waiting = new Set(Object.keys(DEFINITIONS).filter((tag) => !customElements.get(tag)));
  if (waiting.size === 0) return;

  const define = (tag: string) => {
    waiting.delete(tag);
    DEFINITIONS[tag]?.().catch((error: unknown) => {
      // Let a later element try again (the network may be back), and tell the developer.
      waiting.add(tag);
      console.error(`Begroot: could not load <${tag}>.`, error);
    });
  };

  // One selector query per scan, however many tags still wait: on a busy page the observer below
  // calls this for every element the page adds.
  const scan = (root: ParentNode) => {
    if (waiting.size === 0) return;
    const selector = [...waiting].join();
    if (root instanceof Element && root.matches(selector)) define(root.localName);
    for (const element of root.querySelectorAll(selector)) {
      if (waiting.has(element.localName)) define(element.localName);
    }
  };

  scan(document);
  // Keep watching while some tags are undefined: single-page apps and CMS previews add elements
  // after this script ran. Stops by itself once every known tag is defined.
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) scan(node);
      }
    }
    if (Object.keys(DEFINITIONS).every((tag) => customElements.get(tag))) {
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
}

load(document);
