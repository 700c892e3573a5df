//! From a written word to the terms the search index files it under (and the terminology check
//! compares).
//!
//! The index must hold exactly what Pagefind's search script looks for: it lowercases a query
//! word, strips its diacritics and stems it with the language's Snowball stemmer (compiled into
//! the language's WebAssembly). So a word of the text is filed under that same stem, with its
//! diacritic form kept beside it, so that "αξιολόγηση" ranks above "αξιολογηση" for a query with
//! accents. Words joined by punctuation or written in camel case ("work-based", "eQuality") are
//! also filed under their parts, with a share of the word's weight, so that "based" finds them.
//!
//! Stemming is most of the cost of indexing, and a text repeats its words: each thread keeps the
//! terms of the words it has seen, per language ([`with_analyzer`]).

use std::cell::RefCell;
use std::collections::HashMap;

use hashbrown::HashMap as FastMap;

use convert_case::{Case, Casing};
use pagefind_stem::{Algorithm, Stemmer};
use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Characters kept inside words besides letters and digits (Unicode's connector punctuation, as
/// Pagefind's search script keeps them in queries).
pub const WORD_SYMBOLS: [char; 10] = ['_', '‿', '⁀', '⁔', '︳', '︴', '﹍', '﹎', '﹏', '＿'];

/// Words seen per thread and language before the cache starts over (bounds its memory on a
/// site with a very large vocabulary).
const CACHE_LIMIT: usize = 200_000;

/// Dotted words ("innotrain.toml", "e.g.") are also filed under what follows each dot, up to
/// this many characters.
const MAX_DOTTED_TAIL_CHARS: usize = 64;

/// One entry a word makes in the index.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    /// The key: lowercased, without diacritics, stemmed.
    pub stem: String,
    /// The word as written (lowercased) when it had diacritics.
    pub variant: Option<String>,
    /// A part of a compound word: it gets a share of the word's weight.
    pub is_part: bool,
}

/// The rules of a language and the terms of the words seen so far.
pub struct Analyzer {
    rules: Rules,
    seen: FastMap<String, Box<[Term]>>,
}

/// How a language's words become terms.
struct Rules {
    stemmer: Option<Stemmer>,
}

/// Runs `f` with this thread's analyzer for `lang`.
pub fn with_analyzer<R>(lang: &str, f: impl FnOnce(&mut Analyzer) -> R) -> R {
    thread_local! {
        static ANALYZERS: RefCell<HashMap<String, Analyzer>> = RefCell::new(HashMap::new());
    }
    ANALYZERS.with(|analyzers| {
        let mut analyzers = analyzers.borrow_mut();
        let analyzer = analyzers.entry(lang.to_string()).or_insert_with(|| Analyzer::new(lang));
        f(analyzer)
    })
}

impl Analyzer {
    pub fn new(lang: &str) -> Self {
        Self { rules: Rules { stemmer: stemmer(lang) }, seen: FastMap::new() }
    }

    /// The terms a word of the text is filed under (none for punctuation alone).
    pub fn terms(&mut self, word: &str) -> &[Term] {
        if self.seen.len() >= CACHE_LIMIT && !self.seen.contains_key(word) {
            self.seen.clear();
        }
        let rules = &self.rules;
        self.seen.entry_ref(word).or_insert_with(|| rules.analyze(word).into_boxed_slice())
    }
}

impl Rules {
    fn analyze(&self, word: &str) -> Vec<Term> {
        let mut terms = Vec::new();
        let normalized = normalize(word);
        if !normalized.is_empty() {
            terms.push(self.term(&normalized, false));
        }
        let may_be_compound =
            word.chars().any(|c| !c.is_alphanumeric()) || word.chars().skip(1).any(char::is_uppercase);
        if !may_be_compound {
            return terms;
        }
        let parts = word
            .replace(|c: char| c.is_ascii_punctuation(), " ")
            .to_case(Case::Lower)
            .split_whitespace()
            .collect::<Vec<_>>()
            .join(" ");
        if !normalized.is_empty() && (parts.contains(' ') || !normalized.starts_with(&parts)) {
            for part in parts.split_whitespace().filter(|part| part.len() > 1) {
                terms.push(self.term(part, true));
            }
        }
        self.add_dotted_tails(word, &mut terms);
        terms
    }

    /// A stemmed term of a lowercased word.
    fn term(&self, lowercase: &str, is_part: bool) -> Term {
        let plain = strip_diacritics(lowercase);
        let key = plain.as_deref().unwrap_or(lowercase);
        let stem = match &self.stemmer {
            Some(stemmer) => stemmer.stem(key).into_owned(),
            None => key.to_string(),
        };
        Term { stem, variant: plain.map(|_| lowercase.to_string()), is_part }
    }

    /// "config.innotrain.toml" is also found as "innotrain.toml" and "toml": each tail after a
    /// dot that is itself a compound, as a part.
    fn add_dotted_tails(&self, word: &str, terms: &mut Vec<Term>) {
        if !word.contains('.') {
            return;
        }
        let before = terms.len();
        for (dot, _) in word.match_indices('.') {
            let rest = &word[dot + 1..];
            let tail = rest.char_indices().nth(MAX_DOTTED_TAIL_CHARS).map_or(rest, |(end, _)| &rest[..end]);
            let is_compound =
                tail.chars().any(|c| !c.is_alphanumeric()) || tail.chars().skip(1).any(char::is_uppercase);
            let normalized = normalize(tail);
            if !is_compound || normalized.chars().count() < 2 {
                continue;
            }
            let term = self.term(&normalized, true);
            if !terms[..before].iter().chain(&terms[before..]).any(|t| t.stem == term.stem) {
                terms.push(term);
            }
        }
    }
}

/// The form a word of the text or of a query is looked up by: lowercased, letters, digits and
/// [`WORD_SYMBOLS`] only, without diacritics (the offline search's `forms`).
pub fn search_form(word: &str) -> String {
    let normalized = normalize(word);
    strip_diacritics(&normalized).unwrap_or(normalized)
}

/// Letters, digits and [`WORD_SYMBOLS`], lowercased.
fn normalize(word: &str) -> String {
    let mut normalized = String::with_capacity(word.len());
    for c in word.chars().filter(|&c| c.is_alphanumeric() || WORD_SYMBOLS.contains(&c)) {
        if c.is_uppercase() {
            normalized.extend(c.to_lowercase());
        } else {
            normalized.push(c);
        }
    }
    normalized
}

/// The word without its combining marks (`None` when it has none). The Japanese voicing marks
/// stay, recomposed, since they change the letter rather than accent it.
pub fn strip_diacritics(word: &str) -> Option<String> {
    let decomposes = |c: char| {
        let mut differs = false;
        decompose_canonical(c, |part| differs |= part != c);
        differs
    };
    if word.is_ascii() || !word.chars().any(|c| is_combining_mark(c) || decomposes(c)) {
        return None;
    }
    let voicing = |c: char| matches!(c, '\u{3099}' | '\u{309A}');
    let stripped: String = word.nfd().filter(|&c| !is_combining_mark(c) || voicing(c)).collect();
    let stripped = if stripped.chars().any(voicing) { stripped.nfc().collect() } else { stripped };
    (stripped != word).then_some(stripped)
}

/// The Snowball stemmer Pagefind ships for a language (by its primary subtag), if any.
pub fn stemmer(lang: &str) -> Option<Stemmer> {
    let algorithm = match lang.split('-').next().unwrap_or(lang) {
        "ar" => Algorithm::Arabic,
        "hy" => Algorithm::Armenian,
        "eu" => Algorithm::Basque,
        "ca" => Algorithm::Catalan,
        "da" => Algorithm::Danish,
        "nl" => Algorithm::Dutch,
        "en" => Algorithm::English,
        "eo" => Algorithm::Esperanto,
        "et" => Algorithm::Estonian,
        "fi" => Algorithm::Finnish,
        "fr" => Algorithm::French,
        "de" => Algorithm::German,
        "el" => Algorithm::Greek,
        "hi" => Algorithm::Hindi,
        "hu" => Algorithm::Hungarian,
        "id" => Algorithm::Indonesian,
        "ga" => Algorithm::Irish,
        "it" => Algorithm::Italian,
        "lt" => Algorithm::Lithuanian,
        "nb" | "nn" | "no" => Algorithm::Norwegian,
        "ne" => Algorithm::Nepali,
        "pt" => Algorithm::Portuguese,
        "ro" => Algorithm::Romanian,
        "ru" => Algorithm::Russian,
        "sr" => Algorithm::Serbian,
        "pl" => Algorithm::Polish,
        "es" => Algorithm::Spanish,
        "sv" => Algorithm::Swedish,
        "ta" => Algorithm::Tamil,
        "tr" => Algorithm::Turkish,
        "yi" => Algorithm::Yiddish,
        _ => return None,
    };
    Some(Stemmer::create(algorithm))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn stems(lang: &str, word: &str) -> Vec<(String, Option<String>, bool)> {
        Analyzer::new(lang).rules.analyze(word).into_iter().map(|t| (t.stem, t.variant, t.is_part)).collect()
    }

    #[test]
    fn inflections_share_a_stem() {
        let el = Analyzer::new("el").rules;
        assert_eq!(el.term("αξιολόγηση", false).stem, el.term("αξιολόγησης", false).stem);
        let de = Analyzer::new("de").rules;
        assert_eq!(de.term("ausbildungen", false).stem, de.term("ausbildung", false).stem);
    }

    #[test]
    fn keeps_the_diacritic_form_as_a_variant() {
        let [(stem, variant, false)] = &stems("el", "Αξιολόγηση,")[..] else { panic!() };
        assert!(!stem.contains('ό'), "{stem}");
        assert_eq!(variant.as_deref(), Some("αξιολόγηση"));
        assert_eq!(stems("en", "Training"), [("train".to_string(), None, false)]);
    }

    #[test]
    fn files_compounds_under_their_parts() {
        let terms = stems("en", "work-based");
        assert_eq!(terms[0], ("workbas".to_string(), None, false));
        assert!(terms.contains(&("work".to_string(), None, true)), "{terms:?}");
        assert!(terms.contains(&("base".to_string(), None, true)), "{terms:?}");
        assert!(stems("en", "eQuality").iter().any(|t| t.0 == "qualiti" && t.2), "camel case");
        assert!(stems("en", "—").is_empty(), "punctuation alone is not a word");
    }

    #[test]
    fn files_dotted_words_under_their_tails() {
        let terms = stems("en", "config.innotrain.toml");
        assert!(terms.iter().any(|t| t.0 == "innotraintoml" && t.2), "{terms:?}");
    }

    #[test]
    fn caches_per_word() {
        let mut en = Analyzer::new("en");
        assert_eq!(en.terms("learners")[0].stem, "learner");
        assert_eq!(en.terms("learners")[0].stem, "learner");
        assert_eq!(en.seen.len(), 1);
    }
}
