// Gemeente Voorbeeldstad's language switch. The page holds its texts in both languages
// (`data-lang`, the other one hidden by the style sheet); the Begroot widgets follow `<html lang>`
// by themselves. The choice is kept for the next visit; `?lang=en` in the address also chooses.
const LANGUAGES = ['nl', 'en'];
const TITLES = {
  nl: 'Burgerbegroting 2027: u beslist mee over € 300.000 | Gemeente Voorbeeldstad',
  en: 'Citizens’ budget 2027: help decide on € 300,000 | Municipality of Voorbeeldstad',
};
const STORAGE_KEY = 'voorbeeldstad:lang';

function stored() {
  try {
    return localStorage.getItem(STORAGE_KEY);
  } catch {
    return null; // storage blocked: the page still works, in Dutch
  }
}

function setLanguage(lang, remember) {
  if (!LANGUAGES.includes(lang)) return;
  document.documentElement.lang = lang;
  document.title = TITLES[lang];
  for (const button of document.querySelectorAll('[data-set-lang]')) {
    button.setAttribute('aria-pressed', String(button.dataset.setLang === lang));
  }
  if (remember) {
    try {
      localStorage.setItem(STORAGE_KEY, lang);
    } catch {
      // not kept: fine
    }
  }
}

const requested = new URLSearchParams(location.search).get('lang');
setLanguage(LANGUAGES.includes(requested) ? requested : (stored() ?? 'nl'), false);

document.addEventListener('click', (event) => {
  const button = event.target instanceof Element && event.target.closest('[data-set-lang]');
  if (button) setLanguage(button.dataset.setLang, true);
});
