//! What templates see. Templates never get internal structs: these borrowed views are the whole
//! template interface, and each context key is documented here, once.
//!
//! | template | context |
//! |---|---|
//! | `home.html`, `output.html`, `module.html`, `status.html` | `page`: [`PageView`] |
//! | `catalogue.html` | `page`: [`PageView`] with `page.catalogue`: [`CatalogueView`] |
//! | `partials/sidebar.html` (rendered once per language, output and depth) | `nav`: [`SidebarView`] |
//! | `status.html` | `page`: [`PageView`] with `status` |
//! | `accessibility.html` | `page`: [`PageView`] with `accessibility` |
//! | `root.html`, `404.html` | `root`: [`RootView`] (404: links absolute from the base path) |

use std::collections::BTreeMap;

use serde::Serialize;

use crate::markdown::TocEntry;

/// A link with a label.
#[derive(Debug, Clone, Serialize)]
pub struct LinkView {
    pub title: String,
    pub href: String,
    /// Language of `title` when it differs from the page's (an untranslated title).
    pub lang: Option<String>,
}

/// A PDF to download from a page.
#[derive(Debug, Clone, Serialize)]
pub struct DownloadView {
    /// "Download PDF", "The whole output as one PDF".
    pub label: String,
    pub href: String,
    pub file_name: String,
    /// "180 kB", "1,2 MB" (in the reader's notation); `None` in the preview, which typesets
    /// PDFs when they are opened.
    pub size: Option<String>,
    /// `PDF` or `ZIP`, and its media type.
    pub format: &'static str,
    pub media_type: &'static str,
}

/// One entry of the language switcher.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageView {
    pub code: String,
    /// The language's name in itself (`Ελληνικά`).
    pub name: String,
    /// `ltr` or `rtl`: the name's direction (`العربية` in an English page).
    pub dir: &'static str,
    /// The same page in that language.
    pub href: String,
    /// The page being shown is in this language.
    pub current: bool,
    /// The page has a real translation in this language (else it shows the fallback text).
    pub translated: bool,
}

/// One entry of the version switcher.
#[derive(Debug, Clone, Serialize)]
pub struct VersionLinkView {
    pub label: String,
    /// `pilot`, `final` …, from book.toml.
    pub status: Option<String>,
    pub date: Option<String>,
    pub href: String,
    /// The page being shown is in this version.
    pub current: bool,
    /// This is the latest version.
    pub latest: bool,
    /// When the page does not exist in that version: a notice naming the page the link opens
    /// instead (the output's landing page, or the home page).
    pub fallback: Option<String>,
}

/// The banner on every page of a version that is not the latest.
#[derive(Debug, Clone, Serialize)]
pub struct OldVersionView {
    /// "You are reading version 1.0 …".
    pub notice: String,
    /// "Read this page in the latest version (2.0)".
    pub link_text: String,
    pub href: String,
}

/// `<link rel="alternate" hreflang>` entries: real translations only.
#[derive(Debug, Clone, Serialize)]
pub struct AlternateView {
    pub hreflang: String,
    pub href: String,
}

/// The module's metadata block.
#[derive(Debug, Clone, Serialize)]
pub struct ModuleMetaView {
    /// "180 minutes", formatted in the page's language.
    pub duration: Option<String>,
    /// Audience labels in the page's language.
    pub audience: Vec<String>,
    pub eqf_level: Option<u8>,
    pub knowledge: Vec<String>,
    pub skills: Vec<String>,
    pub responsibility_autonomy: Vec<String>,
    /// Language of the outcome texts when it differs from the page's.
    pub outcomes_lang: Option<String>,
    /// `ltr` or `rtl`: the direction of the outcome texts' language, so default-language
    /// outcomes inside a right-to-left page keep their own direction.
    pub outcomes_dir: &'static str,
    pub keywords: Vec<String>,
    /// Modules to do first.
    pub prerequisites: Vec<LinkView>,
}

/// An entry of a home or output page's list of children (outputs, or modules).
#[derive(Debug, Clone, Serialize)]
pub struct ChildView {
    pub title: String,
    pub summary: Option<String>,
    pub href: String,
    /// Language of title and summary when they differ from the page's.
    pub lang: Option<String>,
    pub duration: Option<String>,
    /// For outputs: how many modules.
    pub module_count: Option<usize>,
    /// Whether the child is translated into the page's language.
    pub translated: bool,
}

/// Legal texts in the page's language.
#[derive(Debug, Clone, Serialize)]
pub struct LegalView {
    pub emblem_alt: String,
    pub funding: String,
    pub disclaimer: String,
    /// "This work is licensed under CC BY-SA 4.0." with the licence name in it.
    pub licence_notice: String,
    pub licence_name: String,
    pub licence_url: String,
}

/// A page of the site: home, output landing page, module, or the 404 page.
#[derive(Debug, Clone, Serialize)]
pub struct PageView<'a> {
    /// `home`, `output`, `module`, `status` or `accessibility`.
    pub kind: &'static str,
    /// The page's language (the reader's).
    pub lang: &'a str,
    /// `ltr` or `rtl`.
    pub dir: &'static str,
    /// Language the text is written in: differs from `lang` on a fallback page.
    pub text_lang: &'a str,
    /// `ltr` or `rtl`: the direction of `text_lang`, set with it on fallback text (English
    /// inside an Arabic page stays left to right).
    pub text_dir: &'static str,
    /// True when the text is the default-language fallback of an untranslated page.
    pub is_fallback: bool,
    /// The notice shown above fallback text, in the reader's language.
    pub fallback_notice: Option<String>,
    /// The notice shown on a translation whose original changed since it was made.
    pub outdated_notice: Option<String>,
    /// The notice on a translation no project partner has reviewed yet (not shown when the
    /// outdated notice is: that one matters more).
    pub unreviewed_notice: Option<String>,
    /// Link to the same page in the default language (for the outdated notice).
    pub original_href: String,
    /// "Translated by …" for a translation that names its translators.
    pub translated_by: Option<String>,
    /// "Reviewed by … on …" for a reviewed translation.
    pub reviewed_by: Option<String>,
    /// Link to this version's translation status page in the page's language.
    pub status_href: String,
    /// The glossary of agreed terms, when the version has terms files.
    pub glossary_href: Option<String>,
    /// Link to this version's accessibility statement in the page's language (every footer).
    pub accessibility_href: String,
    pub site_title: &'a str,
    pub title: String,
    /// What view of the page this is, when it is not the participants' (`Trainer view`): said
    /// in the `<title>`, above the heading and as the last breadcrumb.
    pub view_label: Option<String>,
    /// The page is a trainer view: not for search engines (`<meta name="robots">`).
    pub noindex: bool,
    /// On a module page: its trainer view, when it has one.
    pub trainer_href: Option<String>,
    /// On a trainer view: its module's page.
    pub learner_href: Option<String>,
    /// On a trainer view: the session plan.
    pub plan: Option<PlanView>,
    pub summary: Option<String>,
    /// `<head>` description.
    pub description: String,
    pub version: &'a str,
    /// Relative prefix to the output root (`../../../`), for theme assets.
    pub root: String,
    /// Link to the home page of this language and version.
    pub home_href: String,
    /// Rendered Markdown body (trusted: produced by our pipeline from sanitised events).
    pub content: String,
    pub toc: &'a [TocEntry],
    pub breadcrumbs: Vec<LinkView>,
    pub previous: Option<LinkView>,
    pub next: Option<LinkView>,
    pub languages: Vec<LanguageView>,
    /// The version switcher: the same page in every version (or its nearest parent).
    pub versions: Vec<VersionLinkView>,
    /// On a version that is not the latest: the banner pointing to the latest one.
    pub old_version: Option<OldVersionView>,
    /// Rendered sidebar, with the current page marked.
    pub sidebar: String,
    pub meta: Option<ModuleMetaView>,
    pub children: Vec<ChildView>,
    /// The page's PDF, and on a module page also its output's book.
    pub downloads: Vec<DownloadView>,
    /// Canonical URL of the real text (for a fallback page: the default-language page).
    pub canonical: String,
    pub alternates: Vec<AlternateView>,
    pub legal: LegalView,
    /// schema.org JSON-LD of a module page, escaped for a `<script>` element.
    pub json_ld: Option<String>,
    /// The translation matrix (status page only).
    pub status: Option<StatusView>,
    /// The statement's texts (accessibility statement only).
    pub accessibility: Option<AccessibilityView>,
    /// The list of modules with its filters (catalogue page only).
    pub catalogue: Option<CatalogueView>,
    /// The agreed terms side by side (glossary page only).
    pub glossary: Option<GlossaryView>,
    /// The search form in the header.
    pub search: SearchView,
    /// UI strings of the page's language, keyed with `_` (`t.on_this_page`).
    pub t: &'a BTreeMap<String, String>,
}

/// The accessibility statement, in the page's language, following the model statement of
/// Commission Implementing Decision (EU) 2018/1523. Headings are `t.accessibility_*_heading`.
#[derive(Debug, Clone, Serialize)]
pub struct AccessibilityView {
    /// "The organisations that publish … are committed to making this website accessible …".
    pub commitment: String,
    /// Which website and version the statement applies to.
    pub scope: String,
    /// `full`, `partial` or `none` (a CSS class too).
    pub compliance: &'static str,
    /// The compliance status sentence.
    pub status: String,
    /// Non-accessible content, one paragraph per limitation (empty: `t.accessibility_limitations_none`).
    pub limitations: Vec<String>,
    /// "This statement was prepared on 28 November 2026." (absent without a configured date).
    pub prepared: Option<String>,
    /// `YYYY-MM-DD` of `prepared`, for `<time datetime>`.
    pub date: Option<String>,
    /// Where feedback goes: an e-mail (`mailto:`) or web link.
    pub contact: Option<LinkView>,
    /// The project's partner organisations (from book.toml), shown when there is no contact.
    pub partners: Vec<String>,
    /// The enforcement body's page, when book.toml names it.
    pub enforcement_href: Option<String>,
}

/// The search form in every page's header. Without JavaScript (or without a web server, or in a
/// build without search) it is a plain form that opens the catalogue with the words in `q`.
#[derive(Debug, Clone, Serialize)]
pub struct SearchView {
    /// The catalogue in the page's language: the form's `action`.
    pub action: String,
    /// This version's search bundle (`../../pagefind/`), when the build made one: the script
    /// loads `pagefind.js` from there.
    pub bundle: Option<String>,
    /// In an offline copy: the language's search script (`../../el/search-index.js`), read by a
    /// `<script>` element (see `render/search/offline.rs`).
    pub offline_index: Option<String>,
    /// Result counts for the script, in the page's language: `{count}` and `{query}` stand for
    /// the number and the words searched. `results_one` is used where the language's plural rules
    /// say "one" (`Intl.PluralRules`), `results_other` otherwise.
    pub results_one: String,
    pub results_other: String,
    /// "No results for “{query}”".
    pub no_results: String,
}

/// The catalogue page: every module of the version with its facts, and the filters.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueView {
    pub entries: Vec<CatalogueEntryView>,
    /// Filter choices: outputs (value: folder name), audiences (value: audience id) and EQF levels
    /// that occur in the version, in reading order / the order of the schema / ascending.
    pub outputs: Vec<ChoiceView>,
    pub audiences: Vec<ChoiceView>,
    pub eqf_levels: Vec<ChoiceView>,
    /// Whether any module has a handout (then the "has handouts" filter is offered).
    pub any_handouts: bool,
    /// "Only modules translated into Ελληνικά"; `None` in the default language, where every
    /// module is available.
    pub my_language: Option<String>,
    /// "5 modules", for all entries (what the page shows without JavaScript).
    pub count: String,
    /// The count for the script, as in [`SearchView`]: `{count}` stands for the number.
    pub count_one: String,
    pub count_other: String,
    /// The catalogue without filters (the form's `action` and the "show all" link).
    pub href: String,
}

/// A choice of a catalogue filter.
#[derive(Debug, Clone, Serialize)]
pub struct ChoiceView {
    /// The value in the URL (`io1-x`, `tutor`, `5`).
    pub value: String,
    pub label: String,
    /// Language of `label` when it differs from the page's (an untranslated output title).
    pub lang: Option<String>,
}

/// A module in the catalogue, with texts in the reader's language where they exist.
#[derive(Debug, Clone, Serialize)]
pub struct CatalogueEntryView {
    pub id: String,
    pub title: String,
    pub href: String,
    /// Language of title, summary and keywords when they differ from the page's (a fallback).
    pub lang: Option<String>,
    /// Whether the module is translated into the page's language.
    pub translated: bool,
    pub summary: Option<String>,
    pub keywords: Vec<String>,
    /// Language of the keywords when it differs from the page's (they come from the original
    /// when the translation has none).
    pub keywords_lang: Option<String>,
    /// The output: folder name, title, and its title's language when it differs.
    pub output: String,
    pub output_title: String,
    pub output_lang: Option<String>,
    pub duration_minutes: Option<u32>,
    /// "120 minutes", in the page's language.
    pub duration: Option<String>,
    /// Audience ids separated by spaces (for the filter script) and their labels.
    pub audience_ids: String,
    pub audience: Vec<String>,
    pub eqf_level: Option<u8>,
    /// The languages with a real text of the module, each linking to the module in it.
    pub languages: Vec<LanguageLinkView>,
    /// The module's PDF in the page's language, once PDFs are built (`None` until then).
    pub pdf: Option<LinkView>,
    /// "75 minutes": the time its activities take together, when it has any.
    pub activity_time: Option<String>,
    /// How many of its activities are handouts for participants.
    pub handouts: usize,
    /// Its trainer view, when it has one.
    pub trainer_href: Option<String>,
}

/// A link to a page in another language, labelled with the language's name in itself.
#[derive(Debug, Clone, Serialize)]
pub struct LanguageLinkView {
    pub code: String,
    pub name: String,
    pub href: String,
}

/// The glossary page's table: one row per default-language term, one column per language.
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryView {
    /// Column headings: the default language, then each language with terms (the reader's
    /// first); `href` holds the language code.
    pub languages: Vec<LinkView>,
    pub rows: Vec<GlossaryRowView>,
    /// Where the terms come from, per language (title: the language's name).
    pub sources: Vec<GlossarySourcesView>,
    /// Whether any term is marked unsure (the footnote is shown).
    pub any_unsure: bool,
    /// The default language: of the terms in the first column and of the sources' titles.
    pub source_lang: String,
}

#[derive(Debug, Clone, Serialize)]
pub struct GlossaryRowView {
    /// The default-language term and its other forms ("work-based learning (WBL)").
    pub term: String,
    /// The term's anchor on the page.
    pub id: String,
    pub cells: Vec<GlossaryCellView>,
}

/// One language's agreed term (empty `approved` when the language has none for this term).
#[derive(Debug, Clone, Serialize)]
pub struct GlossaryCellView {
    pub lang: String,
    pub approved: String,
    /// Other accepted forms, joined.
    pub also: String,
    /// Forbidden variants, joined.
    pub avoid: String,
    /// The `from` key of the source.
    pub from: String,
    pub unsure: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct GlossarySourcesView {
    pub language: String,
    pub lang: String,
    /// `C`: "Cedefop …", as written in the terms file.
    pub entries: Vec<LinkView>,
}

/// The translation status page's matrix.
#[derive(Debug, Clone, Serialize)]
pub struct StatusView {
    /// Column headings: code and name of each language.
    pub languages: Vec<LinkView>,
    pub rows: Vec<StatusRowView>,
    /// Per language (not the default): a one-line summary such as "3 up to date, 2 not translated".
    pub totals: Vec<LinkView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusRowView {
    pub page: LinkView,
    /// A module (indented under its output).
    pub is_module: bool,
    pub cells: Vec<StatusCellView>,
}

#[derive(Debug, Clone, Serialize)]
pub struct StatusCellView {
    /// `source`, `up-to-date`, `outdated`, `unknown`, `missing` (a CSS class too).
    pub state: &'static str,
    /// The state in the page's language.
    pub label: String,
    /// The page in that language.
    pub href: String,
}

/// An output in the sidebar, with its modules when it is the current output.
#[derive(Debug, Clone, Serialize)]
pub struct SidebarOutputView {
    pub id: String,
    pub title: String,
    pub href: String,
    pub lang: Option<String>,
    /// The output the page belongs to: its modules are listed.
    pub open: bool,
    pub modules: Vec<SidebarModuleView>,
}

/// A module in the sidebar.
#[derive(Debug, Clone, Serialize)]
pub struct SidebarModuleView {
    pub id: String,
    pub title: String,
    pub href: String,
    pub lang: Option<String>,
    pub translated: bool,
}

/// The sidebar of one language, for pages of one output at one depth.
#[derive(Debug, Clone, Serialize)]
pub struct SidebarView<'a> {
    pub home_href: String,
    /// The catalogue of modules (marked as current on the catalogue page, `data-page="catalogue"`).
    pub catalogue_href: String,
    pub outputs: Vec<SidebarOutputView>,
    pub t: &'a BTreeMap<String, String>,
}

/// The root `index.html`: sends readers to their language.
#[derive(Debug, Clone, Serialize)]
pub struct RootView<'a> {
    /// Prefix to the output root: `""` for the root index, the base path for the 404 page
    /// (which a server returns from any URL).
    pub root: &'a str,
    pub site_title: &'a str,
    pub default_lang: &'a str,
    pub version: &'a str,
    /// One entry per language: code, name, href, and the "choose your language" text in it.
    pub languages: Vec<RootLanguageView>,
    /// The accessibility statement of the latest version in the default language.
    pub accessibility_href: String,
    pub legal: LegalView,
    /// UI strings of the default language.
    pub t: &'a BTreeMap<String, String>,
}

#[derive(Debug, Clone, Serialize)]
pub struct RootLanguageView {
    pub code: String,
    pub name: String,
    /// `rtl` for a right-to-left language (its entry is written in that language).
    pub dir: &'static str,
    pub href: String,
    pub title: String,
}

/// A module's session plan, on its trainer view.
#[derive(Debug, Clone, Serialize)]
pub struct PlanView {
    /// "Session plan" (a module) or "Programme" (an output).
    pub heading: String,
    pub rows: Vec<PlanRowView>,
    /// `Activities: 150 of 180 minutes`.
    pub total: String,
    /// The language of the activities' titles when it is not the page's (a fallback text).
    pub lang: Option<String>,
}

/// One activity of a session plan.
#[derive(Debug, Clone, Serialize)]
pub struct PlanRowView {
    /// `activity`, or in an output's programme `module` (the module whose activities follow)
    /// and `break`.
    pub kind: &'static str,
    /// The language of the title and materials when it is not the page's (a fallback text).
    pub lang: Option<String>,
    /// `1:15`: minutes from the start of the session.
    pub start: String,
    pub minutes: u32,
    pub title: String,
    /// `#id` of the activity's heading on the page.
    pub href: Option<String>,
    pub format: Option<String>,
    pub handout: bool,
    /// The items of its `[!MATERIALS]` list, joined.
    pub materials: String,
    /// Its handout (PDF), when it is one and the handout was made.
    pub handout_href: Option<String>,
    /// What the row leads to, for the PDFs: the module's page index and the activity heading's
    /// id (`None`: the module itself).
    #[serde(skip)]
    pub anchor: Option<(usize, Option<String>)>,
}
