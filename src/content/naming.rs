//! File-naming rules of the content tree.
//!
//! ```text
//! content/_index.md                      home page (default language)
//! content/_index.de.md                   home page, German
//! content/io1-foo/_index.md              an output's landing page
//! content/io1-foo/01-bar.md              module `bar`, position 1
//! content/io1-foo/01-bar.el.md           its Greek translation
//! content/io1-foo/images/x.svg           an asset (anything inside a sub-folder of an output)
//! ```

/// What a Markdown file name says about the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PageName {
    /// `None` for `_index`, else the order prefix (`01` → 1).
    pub order: Option<u32>,
    /// URL slug (`bar`); empty for `_index`.
    pub slug: String,
    /// The language suffix as written (`el`), if any.
    pub lang_suffix: Option<String>,
}

/// Why a Markdown file name is not a page name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NameProblem {
    MissingOrder,
    InvalidSlug {
        suggestion: String,
        reason: SlugProblem,
    },
    /// `con`, `nul`, `com1` …: a page's folder of that name cannot be created on Windows.
    WindowsDeviceName {
        slug: String,
    },
}

/// Parses `01-bar.el.md`, `01-bar.md`, `_index.md`, `_index.de.md`. The caller has checked the
/// `.md` extension. A suffix is anything between the slug and `.md` that looks like a language
/// code; whether it is configured is checked by the caller.
pub fn parse_page_name(file_name: &str) -> Result<PageName, NameProblem> {
    let stem = file_name.strip_suffix(".md").unwrap_or(file_name);
    let (stem, lang_suffix) = match stem.rsplit_once('.') {
        Some((rest, suffix)) if looks_like_lang(suffix) => (rest, Some(suffix.to_string())),
        _ => (stem, None),
    };
    if stem == "_index" {
        return Ok(PageName { order: None, slug: String::new(), lang_suffix });
    }
    let (order, slug) = split_order(stem).ok_or(NameProblem::MissingOrder)?;
    Ok(PageName { order: Some(order), slug: url_slug(slug)?, lang_suffix })
}

/// `01-bar` → (1, `bar`); needs at least two digits and a hyphen.
pub fn split_order(name: &str) -> Option<(u32, &str)> {
    let (digits, rest) = name.split_once('-')?;
    if digits.len() < 2 || !digits.bytes().all(|b| b.is_ascii_digit()) || rest.is_empty() {
        return None;
    }
    Some((digits.parse().ok()?, rest))
}

/// An output folder: `io1-foo` or `01-io1-foo` (the prefix orders it and is dropped from the URL).
pub fn parse_output_folder(name: &str) -> Result<(Option<u32>, String), NameProblem> {
    let (order, slug) = match split_order(name) {
        Some((order, slug)) => (Some(order), slug),
        None => (None, name),
    };
    Ok((order, url_slug(slug)?))
}

/// The URL slug of a file or folder name. Names as lesson repositories write them are accepted
/// as they are: capitals are lowered and `_` becomes `-` (`Chromebook_Setup` →
/// `chromebook-setup`), so a file need not be renamed to be published and links by file name
/// keep working. Anything else outside ASCII letters, digits, `-` and `_` (spaces, accents) is
/// refused with a suggestion, because it would be percent-encoded in every address.
fn url_slug(name: &str) -> Result<String, NameProblem> {
    let refused = || NameProblem::InvalidSlug { suggestion: suggest_slug(name), reason: slug_problem(name) };
    if !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(refused());
    }
    let slug = name.to_ascii_lowercase().replace('_', "-");
    if !is_valid_slug(&slug) {
        return Err(refused());
    }
    if crate::key::is_windows_device_name(&slug) {
        return Err(NameProblem::WindowsDeviceName { slug });
    }
    Ok(slug)
}

/// Slugs become URL segments: lowercase ASCII letters, digits and single hyphens.
pub fn is_valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && !slug.starts_with('-')
        && !slug.ends_with('-')
        && !slug.contains("--")
        && slug.bytes().all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

fn suggest_slug(slug: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    let mixed = mixes_scripts(slug);
    let mut out = String::new();
    // Decomposed, `é` is `e` and a combining accent, so `café` (in either normal form)
    // suggests `cafe`, not `caf`.
    for c in slug.nfd().flat_map(char::to_lowercase) {
        if unicode_normalization::char::is_combining_mark(c) || is_hidden(c) {
            continue;
        }
        let c = if mixed { latin_look_alike(c).unwrap_or(c) } else { c };
        if c.is_ascii_alphanumeric() {
            out.push(c);
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "module".into() } else { out }
}

/// Why a name makes no slug, when there is more to say than "not ASCII".
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum SlugProblem {
    /// Spaces, accents, another script: percent-encoded in every address.
    Characters,
    /// Invisible or direction-changing characters (U+202E reverses how the name is shown).
    Hidden(Vec<char>),
    /// Letters of another script that look like the Latin letters around them (`р` for `p`):
    /// (the letter, the Latin letter it looks like).
    LookAlikes(Vec<(char, char)>),
}

fn slug_problem(name: &str) -> SlugProblem {
    let hidden: Vec<char> = name.chars().filter(|c| is_hidden(*c)).collect();
    if !hidden.is_empty() {
        return SlugProblem::Hidden(hidden);
    }
    if mixes_scripts(name) {
        let look_alikes: Vec<(char, char)> =
            name.chars().filter_map(|c| latin_look_alike(c).map(|latin| (c, latin))).collect();
        return SlugProblem::LookAlikes(look_alikes);
    }
    SlugProblem::Characters
}

/// A format character (bidi controls, zero-width spaces and joiners, the BOM).
fn is_hidden(c: char) -> bool {
    use unicode_properties::{GeneralCategory, UnicodeGeneralCategory};
    c.general_category() == GeneralCategory::Format
}

/// Whether `name` has Latin letters and letters that only look like Latin ones.
fn mixes_scripts(name: &str) -> bool {
    name.chars().any(|c| c.is_ascii_alphabetic()) && name.chars().any(|c| latin_look_alike(c).is_some())
}

/// The Latin letter a Cyrillic or Greek letter is mistaken for (the common cases of Unicode's
/// confusables list, UTS #39).
fn latin_look_alike(c: char) -> Option<char> {
    const PAIRS: [(char, char); 44] = [
        ('а', 'a'),
        ('в', 'b'),
        ('е', 'e'),
        ('о', 'o'),
        ('р', 'p'),
        ('с', 'c'),
        ('у', 'y'),
        ('х', 'x'),
        ('і', 'i'),
        ('ј', 'j'),
        ('ѕ', 's'),
        ('ԁ', 'd'),
        ('һ', 'h'),
        ('ԛ', 'q'),
        ('ԝ', 'w'),
        ('ӏ', 'l'),
        ('А', 'A'),
        ('В', 'B'),
        ('Е', 'E'),
        ('К', 'K'),
        ('М', 'M'),
        ('Н', 'H'),
        ('О', 'O'),
        ('Р', 'P'),
        ('С', 'C'),
        ('Т', 'T'),
        ('Х', 'X'),
        ('І', 'I'),
        ('Ј', 'J'),
        ('Ѕ', 'S'),
        ('α', 'a'),
        ('ο', 'o'),
        ('ν', 'v'),
        ('ι', 'i'),
        ('κ', 'k'),
        ('ρ', 'p'),
        ('τ', 't'),
        ('υ', 'u'),
        ('Α', 'A'),
        ('Β', 'B'),
        ('Ε', 'E'),
        ('Η', 'H'),
        ('Ο', 'O'),
        ('Τ', 'T'),
    ];
    PAIRS.iter().find(|(other, _)| *other == c).map(|(_, latin)| *latin)
}

fn looks_like_lang(suffix: &str) -> bool {
    let primary = suffix.split('-').next().unwrap_or("");
    (2..=3).contains(&primary.len()) && primary.bytes().all(|b| b.is_ascii_alphabetic())
}

/// `images/eqavet-cycle.de.svg` is the German variant of `images/eqavet-cycle.svg`.
pub fn language_variant(path: &str, lang: &str) -> Option<String> {
    let (stem, ext) = path.rsplit_once('.')?;
    if stem.contains('/') && stem.rsplit('/').next().is_some_and(str::is_empty) {
        return None;
    }
    Some(format!("{stem}.{lang}.{ext}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_module_and_translation_names() {
        let name = parse_page_name("02-indicators.el.md").unwrap();
        assert_eq!(name, PageName { order: Some(2), slug: "indicators".into(), lang_suffix: Some("el".into()) });
        let name = parse_page_name("10-a-b.md").unwrap();
        assert_eq!((name.order, name.slug.as_str(), name.lang_suffix), (Some(10), "a-b", None));
    }

    #[test]
    fn parses_index_names() {
        assert_eq!(parse_page_name("_index.de.md").unwrap().lang_suffix.as_deref(), Some("de"));
        assert_eq!(parse_page_name("_index.md").unwrap().order, None);
    }

    #[test]
    fn rejects_module_names_without_order_prefix() {
        assert_eq!(parse_page_name("intro.md"), Err(NameProblem::MissingOrder));
        assert_eq!(parse_page_name("1-intro.md"), Err(NameProblem::MissingOrder));
    }

    #[test]
    fn lowers_capitals_and_turns_underscores_into_hyphens() {
        let name = parse_page_name("02-Chromebook_setup.el.md").unwrap();
        assert_eq!(
            (name.order, name.slug.as_str(), name.lang_suffix.as_deref()),
            (Some(2), "chromebook-setup", Some("el"))
        );
        assert_eq!(parse_output_folder("01-IO1_Basics"), Ok((Some(1), "io1-basics".into())));
        // A name that only becomes a slug with doubled or trailing hyphens is still refused.
        assert!(parse_page_name("03-a__b.md").is_err());
        assert!(parse_page_name("03-setup_.md").is_err());
    }

    #[test]
    fn suggests_a_slug_for_invalid_names() {
        assert_eq!(
            parse_page_name("03-Learning Outcomes.md"),
            Err(NameProblem::InvalidSlug { suggestion: "learning-outcomes".into(), reason: SlugProblem::Characters })
        );
    }

    #[test]
    fn suggests_unaccented_slugs_in_either_normal_form() {
        for name in ["04-café.md", "04-cafe\u{301}.md"] {
            assert_eq!(
                parse_page_name(name),
                Err(NameProblem::InvalidSlug { suggestion: "cafe".into(), reason: SlugProblem::Characters }),
                "{name}"
            );
        }
    }

    #[test]
    fn names_hidden_characters_and_look_alike_letters() {
        assert_eq!(
            parse_page_name("02-gr\u{202e}oup\u{200b}work.md"),
            Err(NameProblem::InvalidSlug {
                suggestion: "groupwork".into(),
                reason: SlugProblem::Hidden(vec!['\u{202e}', '\u{200b}'])
            })
        );
        assert_eq!(
            parse_page_name("03-p\u{430}yment.md"),
            Err(NameProblem::InvalidSlug {
                suggestion: "payment".into(),
                reason: SlugProblem::LookAlikes(vec![('\u{430}', 'a')])
            })
        );
        // A name wholly in another script is not a look-alike: it needs a Latin name.
        assert_eq!(
            parse_page_name("04-\u{3c0}\u{3bb}\u{3b7}\u{3c1}\u{3c9}\u{3bc}\u{3ae}.md"),
            Err(NameProblem::InvalidSlug { suggestion: "module".into(), reason: SlugProblem::Characters })
        );
    }

    #[test]
    fn refuses_windows_device_names_as_slugs() {
        for (name, slug) in
            [("11-CON.md", "con"), ("12-aux.el.md", "aux"), ("13-Nul.md", "nul"), ("14-com1.md", "com1")]
        {
            assert_eq!(parse_page_name(name), Err(NameProblem::WindowsDeviceName { slug: slug.into() }), "{name}");
        }
        assert_eq!(parse_output_folder("01-LPT9"), Err(NameProblem::WindowsDeviceName { slug: "lpt9".into() }));
        // Only the names themselves: longer slugs that start with them are fine.
        assert!(parse_page_name("15-console.md").is_ok());
        assert!(parse_page_name("16-com10.md").is_ok());
    }

    #[test]
    fn builds_language_variant_paths() {
        assert_eq!(language_variant("io3/images/cycle.svg", "de").as_deref(), Some("io3/images/cycle.de.svg"));
    }
}
