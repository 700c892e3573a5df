//! Generators of hostile Markdown for the HTML and typst targets: a grammar of the constructs a
//! page may hold (headings with `{#id}` and attributes, lists, quotes, alerts, code fences,
//! tables, footnotes, links, images, autolinks, reference definitions, raw HTML), filled with
//! hostile URLs, tags, attributes and characters that mean something to HTML or typst, and
//! mixed with arbitrary text. Also builds the one-page site the page is rendered in.

use std::collections::BTreeMap;

use innotrain::config::{RawHtml, RemoteImages};
use innotrain::content::{Asset, Document, ModuleFacts, Page, PageKind, Site};
use innotrain::diag::Diagnostics;
use innotrain::key::{Lang, PageId, Version};
use innotrain::markdown::{AlertLabels, PrepareOptions, Prepared, prepare};
use proptest::prelude::*;

/// URLs that run code, smuggle content or break out of an attribute, in the disguises
/// browsers see through; and ordinary ones, so that links also resolve.
const URLS: &[&str] = &[
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    " javascript:alert(1)",
    "java\tscript:alert(1)",
    "java&#x09;script:alert(1)",
    "&#106;avascript:alert(1)",
    "&#x6A;avascript:alert(1)",
    "&#0000106&#0000097vascript:alert(1)",
    "jav&#97;script&colon;alert(1)",
    "javascript&#58;alert(1)",
    "javascript&colon;alert(1)",
    "%6A%61vascript:alert(1)",
    "java%0ascript:alert(1)",
    "\u{0}javascript:alert(1)",
    "javascript\u{0}:alert(1)",
    "vbscript:msgbox(1)",
    "VBScript:x",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "data:image/svg+xml,<svg onload=alert(1)>",
    "DATA:text/html,x",
    "d&#97;ta:text/html,x",
    "file:///etc/passwd",
    "\\\\evil\\share",
    "//evil.example/x.png",
    "https://example.org/\"onmouseover=\"alert(1)",
    "https://example.org/'><script>alert(1)</script>",
    "https://example.org/a b",
    "http://example.org/?a=1&b=<2>",
    "mailto:a@example.org",
    "tel:+301234",
    "#x",
    "#\"><script>",
    "#top",
    "a.md",
    "a.md#\"onfocus=\"alert(1)",
    "../x.md",
    "01-a.md#sec",
    "io1-x/01-a.md#\"><img src=x onerror=alert(1)>",
    "images/a.png",
    "images/a.png#\"x",
    "images/%2e%2e/x.png",
    "../../../etc/passwd",
    "<javascript:alert(1)>",
    "",
];

const HTML: &[&str] = &[
    "<script>alert(1)</script>",
    "<SCRIPT SRC=//evil.example/x.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<img src=\"javascript:alert(1)\">",
    "<img srcset=\"javascript:alert(1) 1x\">",
    "<a href=\"javascript:alert(1)\">x</a>",
    "<a href=java&#x09;script:alert(1)>x</a>",
    "<a href='data:text/html,x'>x</a>",
    "<a href=\"https://ok.example\" onclick=\"alert(1)\">ok</a>",
    "<svg onload=alert(1)><circle/></svg>",
    "<svg><a xlink:href=\"javascript:alert(1)\"><text>x</text></a></svg>",
    "<math><mi xlink:href=\"javascript:alert(1)\">x</mi></math>",
    "<iframe src=\"https://evil.example\"></iframe>",
    "<object data=\"x.swf\"></object>",
    "<embed src=x>",
    "<style>body{display:none}</style>",
    "<p style=\"background:url(javascript:alert(1))\">x</p>",
    "<div onclick=\"alert(1)\">x</div>",
    "<details open ontoggle=alert(1)>x</details>",
    "<form action=\"javascript:alert(1)\"><button>x</button></form>",
    "<input autofocus onfocus=alert(1)>",
    "<base href=\"javascript:/\">",
    "<meta http-equiv=\"refresh\" content=\"0;url=javascript:alert(1)\">",
    "<link rel=stylesheet href=//evil.example/x.css>",
    "<map name=m><area href=\"javascript:alert(1)\"></map><img usemap=#m>",
    "<template><script>alert(1)</script></template>",
    "<noscript><p title=\"</noscript><img src=x onerror=alert(1)>\">",
    "<!-- a comment -->",
    "<!-- unclosed comment",
    "<![CDATA[<script>alert(1)</script>]]>",
    "</p></div></aside></li></ul>",
    "</code></pre>",
    "<div>",
    "<span>",
    "<table><tr><td>x",
    "<a name=\"x\"",
    "<a href=\"x.md\">local</a>",
    "<img src=\"images/a.png\" alt=\"a\">",
    "<em>x</em>",
    "<p id=\"main-content\" class=\"x\" lang=\"el\">x</p>",
    "<",
    ">",
    "&",
    "&lt;script&gt;",
    "&#60;script&#62;",
];

/// Characters with a meaning in HTML, Markdown or typst.
const SIGNIFICANT: &[&str] = &[
    "#",
    "$",
    "*",
    "_",
    "<",
    ">",
    "@",
    "=",
    "-",
    "+",
    "/",
    "\\",
    "`",
    "~",
    "[",
    "]",
    "{",
    "}",
    "\"",
    "'",
    "//",
    "/*",
    "*/",
    "&",
    ";",
    ":",
    "!",
    "|",
    "%",
    "...",
    "--",
    "---",
    "1.",
    "- ",
    "= ",
    "+ ",
    "/ ",
    "#set",
    "#show",
    "#let x = 1",
    "#import \"x.typ\"",
    "#include \"x.typ\"",
    "#read(\"/etc/passwd\")",
    "#eval(\"1\")",
    "#sys.inputs",
    "#link(\"x\")[y]",
    "#emph[x]",
    "#raw(\"x\")",
    "$x^2$",
    "@label",
    "<label>",
    "#(1+1)",
    "#{ 1 }",
    "#[x]",
    "\\u{41}",
    "#\"x\"",
    "\u{0}",
    "\u{1b}",
    "\r",
    "\t",
    "\u{2028}",
    "\u{feff}",
    "\u{200b}",
    "ΑΒΓ",
    "中文",
    "مرحبا",
];

fn url() -> impl Strategy<Value = String> {
    prop_oneof![
        6 => prop::sample::select(URLS).prop_map(str::to_string),
        1 => (prop::sample::select(URLS), prop::sample::select(SIGNIFICANT)).prop_map(|(u, s)| format!("{u}{s}")),
        1 => "[a-z:/#.%&;\"' <>]{0,16}",
    ]
}

fn words() -> impl Strategy<Value = String> {
    prop_oneof![
        4 => "[A-Za-z ]{1,12}",
        2 => prop::sample::select(SIGNIFICANT).prop_map(str::to_string),
        1 => prop::sample::select(HTML).prop_map(str::to_string),
        1 => any::<String>().prop_map(|s| s.chars().take(12).collect()),
    ]
}

fn title() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), Just("decorative".to_string()), words(), Just("\"><script>".to_string())]
}

/// Inline content: text, emphasis, code spans, links, images, autolinks, footnote references,
/// raw inline HTML, Pandoc spans.
fn inline() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => words(),
        1 => words().prop_map(|w| format!("`{w}`")),
        1 => words().prop_map(|w| format!("``{w}``")),
        2 => (words(), url(), title()).prop_map(|(text, url, title)| format!("[{text}]({url} \"{title}\")")),
        1 => (words(), url()).prop_map(|(text, url)| format!("[{text}](<{url}>)")),
        2 => (words(), url(), title()).prop_map(|(alt, url, title)| format!("![{alt}]({url} \"{title}\")")),
        1 => url().prop_map(|url| format!("![]({url})")),
        1 => url().prop_map(|url| format!("<{url}>")),
        1 => Just("<a@example.org>".to_string()),
        1 => Just("https://example.org/auto?x=\"y\"".to_string()),
        1 => "[a-z0-9]{1,3}".prop_map(|label| format!("[^{label}]")),
        1 => "[a-z0-9]{1,3}".prop_map(|label| format!("[x][{label}]")),
        2 => prop::sample::select(HTML).prop_map(str::to_string),
        1 => (words(), prop::sample::select(vec!["#x", "#a .b", "#1bad", "onclick=x", "#\"x\""]))
            .prop_map(|(text, attrs)| format!("[{text}]{{{attrs}}}")),
    ];
    leaf.prop_recursive(3, 16, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|parts| parts.join(" ")),
            inner.clone().prop_map(|i| format!("*{i}*")),
            inner.clone().prop_map(|i| format!("**{i}**")),
            inner.clone().prop_map(|i| format!("~~{i}~~")),
            (inner.clone(), url()).prop_map(|(i, url)| format!("[{i}]({url})")),
        ]
    })
}

fn heading() -> impl Strategy<Value = String> {
    let attributes = prop::sample::select(vec![
        "",
        " {#x}",
        " {#written-agreement}",
        " {#main-content}",
        " {#a .b c=d}",
        " {#x onclick=alert(1)}",
        " {.class style=\"color:red\"}",
        " {#\"><script>alert(1)</script>}",
        " {#a b}",
        " {#}",
        " {onmouseover=alert(1)}",
        " {#Ωμέγα}",
        " {#sec}",
        " {#act duration=30 format=group handout}",
        " {duration=15 format=plenary}",
        " {duration=0 format=x}",
        " {duration=99999999999 handout=<b>}",
        " {format=\"><script>}",
    ]);
    (1usize..=7, inline(), attributes).prop_map(|(level, text, attrs)| format!("{} {text}{attrs}", "#".repeat(level)))
}

fn code_fence() -> impl Strategy<Value = String> {
    let info = prop::sample::select(vec![
        "",
        "yaml",
        "rust",
        "text",
        "js onload=alert(1)",
        "\"><script>alert(1)</script>",
        "html {.class #id}",
        "python,title=x",
        "`x`",
        "<img src=x onerror=alert(1)>",
        "typst",
        "nosuchlanguage",
        "&quot;x",
    ]);
    let fence = prop::sample::select(vec!["```", "~~~", "````"]);
    (fence, info, prop::collection::vec(words(), 0..4))
        .prop_map(|(fence, info, lines)| format!("{fence}{info}\n{}\n{fence}", lines.join("\n")))
}

fn table() -> impl Strategy<Value = String> {
    (1usize..4, prop::collection::vec(inline(), 1..9), prop::sample::select(vec!["---", ":--", ":-:", "--:"])).prop_map(
        |(columns, cells, align)| {
            let row = |cells: &[String]| format!("| {} |", cells.join(" | ").replace('\n', " "));
            let mut rows = cells.chunks(columns).map(row);
            let head = rows.next().unwrap_or_default();
            let rule = format!("|{}|", vec![align; columns].join("|"));
            std::iter::once(head).chain(std::iter::once(rule)).chain(rows).collect::<Vec<_>>().join("\n")
        },
    )
}

/// A block: paragraphs, headings, lists, quotes, alerts, fences, tables, definitions, raw HTML,
/// nested inside quotes and list items.
fn block() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        6 => inline(),
        3 => heading(),
        2 => code_fence(),
        1 => words().prop_map(|w| format!("    {w}")),
        2 => table(),
        1 => ("[a-z0-9]{1,3}", inline()).prop_map(|(label, text)| format!("[^{label}]: {text}")),
        1 => ("[a-z0-9]{1,3}", url(), title()).prop_map(|(label, url, title)| format!("[{label}]: {url} \"{title}\"")),
        2 => prop::sample::select(HTML).prop_map(str::to_string),
        1 => prop::sample::select(vec!["{: #x}", "{: #a .b}", "{: #1bad onclick=x}", "{:}", "---", "***", "- [ ] todo", "- [x] done"])
            .prop_map(str::to_string),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        let prefixed = |prefix: &'static str, text: &str| {
            text.lines().map(|line| format!("{prefix}{line}")).collect::<Vec<_>>().join("\n")
        };
        prop_oneof![
            prop::collection::vec(inner.clone(), 1..4).prop_map(|blocks| blocks.join("\n\n")),
            inner.clone().prop_map(move |b| prefixed("> ", &b)),
            (
                prop::sample::select(vec![
                    "NOTE",
                    "TIP",
                    "IMPORTANT",
                    "WARNING",
                    "CAUTION",
                    "note",
                    "BOGUS",
                    "TRAINER",
                    "MATERIALS",
                    "TRAINR",
                ]),
                inner.clone()
            )
                .prop_map(move |(kind, b)| format!("> [!{kind}]\n{}", prefixed("> ", &b))),
            (
                prop::sample::select(vec!["- ", "* ", "1. ", "7) ", "999999999. ", "- [ ] "]),
                prop::collection::vec(inner, 1..4)
            )
                .prop_map(|(marker, items)| {
                    items
                        .iter()
                        .map(|item| {
                            let mut lines = item.lines();
                            let first = lines.next().unwrap_or_default();
                            let rest: Vec<String> = lines.map(|l| format!("   {l}")).collect();
                            std::iter::once(format!("{marker}{first}")).chain(rest).collect::<Vec<_>>().join("\n")
                        })
                        .collect::<Vec<_>>()
                        .join("\n")
                }),
        ]
    })
}

/// Nesting deeper than any lesson: quotes, lists, emphasis, links, footnote chains.
fn deep() -> impl Strategy<Value = String> {
    let depth = 1usize..80;
    prop_oneof![
        (prop::sample::select(vec!["> ", "- ", "* ", "1. ", "> - ", "> [!NOTE]\n> "]), depth.clone(), inline())
            .prop_map(|(prefix, n, text)| format!("{}{text}", prefix.repeat(n))),
        (prop::sample::select(vec!["*", "**", "~~", "_"]), depth.clone(), words()).prop_map(|(mark, n, text)| format!(
            "{}{text}{}",
            mark.repeat(n),
            mark.repeat(n)
        )),
        (depth.clone(), words()).prop_map(|(n, text)| format!("{}{text}{}", "[".repeat(n), "](#x)".repeat(n))),
        (depth.clone(), words()).prop_map(|(n, text)| format!(
            "{}{text}{}",
            "![".repeat(n),
            "](images/a.png)".repeat(n)
        )),
        depth.prop_map(|n| {
            let mut text = "See[^1].\n\n".to_string();
            for i in 1..=n {
                text.push_str(&format!("[^{i}]: Note[^{}].\n\n", i + 1));
            }
            text
        }),
    ]
}

/// A page body: blocks of the grammar, arbitrary text, or both.
pub fn body() -> impl Strategy<Value = String> {
    let grammar = || prop::collection::vec(block(), 1..6).prop_map(|blocks| blocks.join("\n\n"));
    prop_oneof![
        6 => grammar(),
        1 => deep(),
        1 => any::<String>(),
        1 => prop::collection::vec(prop::sample::select(SIGNIFICANT), 0..30).prop_map(|parts| parts.concat()),
        1 => (grammar(), any::<String>(), any::<prop::sample::Index>()).prop_map(|(text, noise, at)| {
            let boundaries: Vec<usize> = (0..=text.len()).filter(|&i| text.is_char_boundary(i)).collect();
            let at = boundaries[at.index(boundaries.len())];
            format!("{}{noise}{}", &text[..at], &text[at..])
        }),
    ]
}

/// How raw HTML is treated (book.toml `[markdown] raw-html`).
pub fn raw_html_policy() -> impl Strategy<Value = RawHtml> {
    prop_oneof![Just(RawHtml::Drop), Just(RawHtml::Sanitize)]
}

/// A site of two pages (the home page holding the body, and `io1-x/01-a.md` with a heading
/// `sec`) and one image, so that links and images in the body can resolve.
pub fn site_with(body: &str) -> Site {
    let lang = Lang::parse("en").expect("a language code");
    let document = |path: &str, body: &str| {
        let text = format!("---\ntitle: T\n---\n{body}");
        Document {
            path: path.to_string(),
            lang: lang.clone(),
            body_start: "---\ntitle: T\n---\n".len(),
            text,
            title: "T".into(),
            summary: None,
            learning_outcomes: Default::default(),
            keywords: Vec::new(),
            translators: Vec::new(),
            source_hash: None,
            review: None,
        }
    };
    let page = |id: PageId, kind, path: &str, source| Page {
        id,
        kind,
        output: None,
        path: path.to_string(),
        source,
        translations: BTreeMap::new(),
        drafts: BTreeMap::new(),
        facts: ModuleFacts::default(),
        licence: innotrain::licence::licence("CC-BY-4.0").expect("a known licence"),
        source_hash: String::new(),
    };
    let home = page(PageId::home(), PageKind::Home, "", document("content/_index.md", body));
    let module = page(
        PageId::new("io1-x/a"),
        PageKind::Module,
        "io1-x/a/",
        document("content/io1-x/01-a.md", "## Sec {#sec}\n"),
    );
    let image = Asset { path: "images/a.png".into(), bytes: vec![0x89, b'P', b'N', b'G'] };
    Site {
        version: Version::parse("1.0").expect("a version label"),
        by_source_path: [("_index.md".to_string(), 0), ("io1-x/01-a.md".to_string(), 1)].into(),
        by_id: [(home.id.clone(), 0), (module.id.clone(), 1)].into(),
        pages: vec![home, module],
        outputs: Vec::new(),
        assets: [(image.path.clone(), image)].into(),
        unloaded: Default::default(),
        orphans: Vec::new(),
        languages: vec![lang.clone()],
    }
}

/// The prepared events of every page of `site` (as the render stage caches them).
pub fn prepare_all(site: &Site, raw_html: RawHtml, remote_images: RemoteImages) -> Vec<Prepared> {
    let labels = AlertLabels {
        note: "Note <b>".into(),
        tip: "Tip".into(),
        important: "Important".into(),
        warning: "Warning".into(),
        caution: "Caution".into(),
        task_done: "done \"x\"".into(),
        trainer_note: "Trainer <i>note".into(),
        materials: "Materials & \"things\"".into(),
        handout: "Hand<out>".into(),
        minutes: "min'".into(),
        formats: vec!["<b>individual".into(), "pair".into(), "group".into()],
    };
    let options = PrepareOptions { raw_html, remote_images, alert_labels: &labels };
    site.pages.iter().map(|page| prepare(&page.source, &options, &Diagnostics::new())).collect()
}
