//! `innotrain init [DIR]`: a new project that builds and passes `check` at once.
//!
//! It writes book.toml (every key, commented), a home page, one output with one module, and a
//! `.gitignore`. The theme and the strings of the shipped languages are built into the binary
//! (see [`crate::builtin`]), so the project holds none of them until it wants to change one.
//! The starter pages are written in the default language and translated into the others (innotrain
//! ships them in each language it has strings for), with their `source_hash` recorded, so that
//! the new site is whole in every language and every page's `lang` tells the truth. Nothing is ever overwritten:
//! if any file exists, nothing is written.

use std::path::{Path, PathBuf};

use anyhow::bail;

use crate::builtin;
use crate::config::FundingPeriod;

/// What `innotrain init` was asked for.
#[derive(Debug, Clone)]
pub struct InitOptions {
    /// The project folder (created when missing).
    pub dir: PathBuf,
    /// The site's title; by default from the folder's name.
    pub title: Option<String>,
    /// Language codes, the default language first.
    pub languages: Vec<String>,
    /// `2014-2020` or `2021-2027`.
    pub funding_period: String,
}

/// Creates the project; returns the files written, relative to its folder.
pub fn init(options: &InitOptions) -> anyhow::Result<Vec<String>> {
    let Some(period) = FundingPeriod::parse(&options.funding_period) else {
        bail!(
            "--funding-period: unknown funding period `{}`\n  hint: `2021-2027` for projects of the current Erasmus+ programme, `2014-2020` for earlier ones",
            options.funding_period
        );
    };
    let languages = languages(&options.languages, period)?;
    let title = match &options.title {
        Some(title) if !title.trim().is_empty() => title.trim().to_string(),
        Some(_) => bail!("--title is empty\n  hint: give the site's name, e.g. --title \"WBL Toolkit\""),
        None => title_from_folder(&options.dir),
    };
    let mut files: Vec<(String, String)> =
        vec![("book.toml".into(), book_toml(&title, &languages, period)), (".gitignore".into(), GITIGNORE.to_string())];
    // The starter pages in the default language, and in every other language as translations
    // (so that the new site is whole in each of them, and `status` shows them up to date).
    for (index, language) in languages.iter().enumerate() {
        let starter = starter(language.code);
        let suffix = if index == 0 { String::new() } else { format!(".{}", language.code) };
        let home = starter.home_body.replace("{title}", &title);
        files.push((format!("content/_index{suffix}.md"), page(&title, starter.home_summary, &home)));
        files.push((
            format!("content/{OUTPUT}/_index{suffix}.md"),
            page(starter.output_title, starter.output_summary, starter.output_body),
        ));
        files.push((format!("content/{OUTPUT}/{MODULE}{suffix}.md"), module(&starter, index == 0)));
    }
    let targets: Vec<(PathBuf, &[u8])> =
        files.iter().map(|(path, text)| (options.dir.join(path), text.as_bytes())).collect();
    builtin::write_new_files(&targets)?;
    for language in &languages[1..] {
        for source in [
            "content/_index.md".to_string(),
            format!("content/{OUTPUT}/_index.md"),
            format!("content/{OUTPUT}/{MODULE}.md"),
        ] {
            if let Err(diags) =
                crate::translate::authoring::mark_translation_done(&options.dir, &source, language.code)?
            {
                let problems: Vec<String> = diags.into_sorted().iter().map(ToString::to_string).collect();
                bail!("the new project does not load:\n{}", problems.join("\n"));
            }
        }
    }
    Ok(files.into_iter().map(|(path, _)| path).collect())
}

/// The starter output's folder, and its module's file name without `.md`.
const OUTPUT: &str = "io1-first-output";
const MODULE: &str = "01-getting-started";

/// A language of the new project: its code and its name in itself.
#[derive(Clone, Copy)]
struct Language {
    code: &'static str,
    name: &'static str,
}

/// The languages whose strings (UI, legal, accessibility) ship with innotrain.
const SHIPPED: [Language; 5] = [
    Language { code: "en", name: "English" },
    Language { code: "de", name: "Deutsch" },
    Language { code: "it", name: "Italiano" },
    Language { code: "es", name: "Español" },
    Language { code: "el", name: "Ελληνικά" },
];

/// Checks the requested codes: each once, each with built-in legal texts (the EU funding
/// statement must appear in every language, in its official wording, which innotrain cannot
/// invent).
fn languages(codes: &[String], period: FundingPeriod) -> anyhow::Result<Vec<Language>> {
    if codes.is_empty() {
        bail!("--languages is empty\n  hint: list language codes, the default language first: --languages en,de");
    }
    let mut chosen: Vec<Language> = Vec::new();
    let mut unknown = Vec::new();
    for code in codes {
        let code = code.trim();
        if chosen.iter().any(|l| l.code == code) {
            bail!("--languages: `{code}` is listed twice");
        }
        match SHIPPED.iter().find(|l| l.code == code) {
            Some(language) => chosen.push(*language),
            None => unknown.push(code.to_string()),
        }
    }
    if !unknown.is_empty() {
        let messages = crate::i18n::required_legal_messages(period);
        let listed = crate::diag::backticked(messages.iter().map(String::as_str));
        let shipped = crate::diag::backticked(SHIPPED.iter().map(|l| l.code));
        bail!(
            "innotrain ships no legal texts for {}: the EU funding statement, disclaimer and licence notice must appear in every language in their official wording\n  \
             hint: start with languages innotrain ships ({shipped}); then, for each other language, write `locales/<code>/legal.ftl` with the messages {listed} \
             (the European Commission publishes the official wording of the funding statement in every EU language with the emblem files; `innotrain theme eject --strings en` shows the English messages), and add the language to book.toml's `[[languages]]`",
            crate::diag::backticked(unknown.iter().map(String::as_str)),
        );
    }
    Ok(chosen)
}

/// "wbl-toolkit" → "Wbl toolkit": a start the host will edit.
fn title_from_folder(dir: &Path) -> String {
    let name = std::fs::canonicalize(dir)
        .ok()
        .or_else(|| Some(dir.to_path_buf()))
        .and_then(|d| d.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_default();
    let words = name.replace(['-', '_'], " ");
    let mut chars = words.trim().chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => "Training materials".to_string(),
    }
}

/// A TOML basic string.
fn toml_string(text: &str) -> String {
    toml::Value::String(text.to_string()).to_string()
}

/// A YAML double-quoted scalar.
fn yaml_string(text: &str) -> String {
    serde_json::to_string(text).expect("strings serialise")
}

fn page(title: &str, summary: &str, body: &str) -> String {
    format!("---\ntitle: {}\nsummary: {}\n---\n{body}", yaml_string(title), yaml_string(summary))
}

/// The starter module; a translation carries only the texts (the facts come from the source).
fn module(starter: &Starter, is_source: bool) -> String {
    let list = |items: &[&str]| items.iter().map(|i| format!("\n    - {}", yaml_string(i))).collect::<String>();
    let facts = if is_source {
        "duration_minutes: 60\n\
         # Who it is for: vet-teacher, in-company-trainer, tutor, mentor, school-leader,\n\
         # wbl-coordinator, company-manager, social-partner, policy-maker\n\
         audience: [vet-teacher, in-company-trainer]\n\
         # EQF level (1-8) of the professionals taking the training.\n\
         eqf_level: 5\n"
    } else {
        ""
    };
    let licence = if is_source { "license: CC-BY-SA-4.0\n" } else { "" };
    format!(
        "---\ntitle: {title}\nsummary: {summary}\n{facts}\
         learning_outcomes:\n  knowledge:{knowledge}\n  skills:{skills}\n  responsibility_autonomy:{autonomy}\n\
         keywords: [{keywords}]\n\
         {licence}---\n{body}",
        title = yaml_string(starter.module_title),
        summary = yaml_string(starter.module_summary),
        knowledge = list(&starter.knowledge),
        skills = list(&starter.skills),
        autonomy = list(&starter.autonomy),
        keywords = starter.keywords.iter().map(|k| yaml_string(k)).collect::<Vec<_>>().join(", "),
        body = starter.module_body,
    )
}

const GITIGNORE: &str = "# innotrain's output, its lock and staging folders, and its cache of typeset PDFs (keep the\n# cache between CI runs).\n/public/\n/.public.*\n/.innotrain-cache/\n";

fn book_toml(title: &str, languages: &[Language], period: FundingPeriod) -> String {
    let languages_toml: String = languages
        .iter()
        .map(|l| format!("\n[[languages]]\ncode = {}\nname = {}\n", toml_string(l.code), toml_string(l.name)))
        .collect();
    BOOK_TOML
        .replace("{title}", &toml_string(title))
        .replace("{default}", &toml_string(languages[0].code))
        .replace("{period}", &toml_string(period.message_suffix()))
        .replace("{languages}", &languages_toml)
}

/// book.toml of a new project: every key, with what it does. Keys that are commented out show
/// their default.
const BOOK_TOML: &str = r#"# This project's settings. Every key is explained in innotrain's README ("book.toml reference").
# Lines starting with `#` are comments; remove the `#` before a key to use it.

[site]
# Shown in every page's header and <title>.
title = {title}
description = ""                    # the site's description for search engines
# The language the sources are written in (files without a language suffix).
default-language = {default}
# The deployed address, e.g. "https://example.org"; hosts can also pass `--base-url` in CI.
# Left empty, canonical links and the sitemap use paths from the base path.
base-url = ""
base-path = "/"                     # sub-path the site is served under, e.g. "/toolkit/"
# Chooses the EU funding statement and disclaimer: "2021-2027" or "2014-2020" (earlier projects).
funding-period = {period}
license = "CC-BY-SA-4.0"            # licence of the content (SPDX id); Erasmus+ requires an open licence
version = "1.0"                     # label of the version built from this folder
# date = "2027-01-31"               # its release date, YYYY-MM-DD: shown on the site and printed on the PDFs;
                                    # e-books (EPUB) are made only for a dated version
# status = "current"                # its status, e.g. "draft", "current", "final"
# note = ""                         # a sentence about this version
# theme = "default"                 # the built-in theme; a folder themes/<name>/ holds only the files you
                                    # change (`innotrain theme eject` copies the default theme out)

# One table per language, in menu order. Translations are files beside the source with the
# language code before `.md`: `01-getting-started.de.md`. Strings ship for en, de, it, es and el;
# for another language write locales/<code>/legal.ftl (the EU funding statement is required).
{languages}
# Who made it. Empty fields show nothing: nothing is invented.
[project]
acronym = ""
name = ""
programme = ""                      # e.g. "Erasmus+ KA220-VET Cooperation partnership"
number = ""                         # grant agreement number
coordinator = ""
partners = []                       # e.g. ["School A (AT)", "Company B (DE)"]
contact = ""                        # e-mail or web address for feedback (also the accessibility statement's)

# The accessibility statement of every version and language (EU model statement).
[accessibility]
status = "partial"                  # "full", "partial" or "none": compliance with EN 301 549 / WCAG 2.1 AA
# date = "2027-01-31"               # the day the statement was prepared or last reviewed (never the clock)
# contact = ""                      # e-mail or https address for accessibility feedback; default: [project] contact
# enforcement-url = ""              # page of the body enforcing the Web Accessibility Directive in your country
# limitations = ["pdf", "figure-text"]  # content that is not accessible (default: these two; none when "full")

[markdown]
raw-html = "drop"                   # or "sanitize": keep a safe subset of HTML written in Markdown
remote-images = "refuse"            # or "allow": images from other sites (readers' browsers contact them)

[output]
links = "directory"                 # or "index-html": links that work when the site is opened from a folder
latest = "redirect"                 # or "copy": how latest/ shows the newest version
search = true                       # false: no search index (the search box opens the catalogue)

[pdf]
enabled = true                      # false: no PDFs (like `innotrain build --no-pdf`)
paper = "a4"                        # or "us-letter"

[packages]
enabled = true                      # false: no SCORM packages, e-books or offline copies (like `--no-packages`)

# Problems that may be warnings instead of errors: links, anchors, images, alt-text, raw-html, …
# [check]
# links = "warn"

# Earlier versions, oldest first, each built from a git tag, branch or commit, or a folder:
# [[versions]]
# label = "0.9"
# git = "v0.9"                      # or snapshot = "versions/0.9"
# date = "2026-06-30"
# status = "pilot"
"#;

/// The starter pages in one language.
struct Starter {
    home_summary: &'static str,
    /// `{title}` is replaced by the site's title.
    home_body: &'static str,
    output_title: &'static str,
    output_summary: &'static str,
    output_body: &'static str,
    module_title: &'static str,
    module_summary: &'static str,
    knowledge: [&'static str; 1],
    skills: [&'static str; 1],
    autonomy: [&'static str; 1],
    keywords: [&'static str; 2],
    module_body: &'static str,
}

fn starter(lang: &str) -> Starter {
    match lang {
        "de" => Starter {
            home_summary: "Schulungsmaterialien zum arbeitsbasierten Lernen.",
            home_body: "## Über diese Website {#about}\n\nHier veröffentlicht {title} seine Schulungsmaterialien. Jedes Modul lässt sich online lesen und als PDF herunterladen.\n\nDas erste Ergebnis ist [Ihr erstes Ergebnis](io1-first-output/_index.md). Ersetzen Sie diesen Text durch eine Vorstellung Ihres Projekts.\n",
            output_title: "Ihr erstes Ergebnis",
            output_summary: "Ein Ergebnis des Projekts mit seinen Modulen.",
            output_body: "Ein Ergebnis fasst Module zusammen, die gemeinsam ein Schulungsprogramm bilden. Es enthält bisher ein Modul: [Erste Schritte](01-getting-started.md).\n",
            module_title: "Erste Schritte",
            module_summary: "Zeigt, wie ein Modul aufgebaut ist, damit Sie Ihr eigenes schreiben können.",
            knowledge: ["Die Teile eines Moduls benennen."],
            skills: ["Ein Modul mit Lernergebnissen und einer Aktivität schreiben."],
            autonomy: ["Die eigenen Module mit den Partnern abstimmen."],
            keywords: ["Modul", "Vorlage"],
            module_body: "## Einführung {#introduction}\n\nJedes Modul beginnt mit den Angaben im Kopf der Datei: Titel, Zusammenfassung, Dauer, Zielgruppe, EQR-Niveau und Lernergebnisse. Die Website zeigt sie über dem Text an.\n\n## Aktivität: Ein eigenes Modul planen (30 Minuten)\n\n1. Wählen Sie ein Thema und eine Zielgruppe.\n2. Formulieren Sie drei Lernergebnisse.\n3. Besprechen Sie den Entwurf mit einer Kollegin oder einem Kollegen.\n\n## Das Wichtigste\n\n- Ein Modul ist eine Markdown-Datei mit Angaben im Kopf.\n- Übersetzungen liegen daneben, etwa `01-getting-started.el.md`.\n",
        },
        "it" => Starter {
            home_summary: "Materiali formativi sull'apprendimento basato sul lavoro.",
            home_body: "## Chi siamo {#about}\n\nQui {title} pubblica i propri materiali formativi. Ogni modulo si può leggere online e scaricare in PDF.\n\nIl primo risultato è [Il vostro primo risultato](io1-first-output/_index.md). Sostituite questo testo con una presentazione del vostro progetto.\n",
            output_title: "Il vostro primo risultato",
            output_summary: "Un risultato del progetto con i suoi moduli.",
            output_body: "Un risultato riunisce i moduli che insieme formano un programma di formazione. Per ora ne contiene uno: [Primi passi](01-getting-started.md).\n",
            module_title: "Primi passi",
            module_summary: "Mostra come è fatto un modulo, per scrivere il vostro.",
            knowledge: ["Indicare le parti di un modulo."],
            skills: ["Scrivere un modulo con risultati di apprendimento e un'attività."],
            autonomy: ["Concordare i propri moduli con i partner."],
            keywords: ["modulo", "modello"],
            module_body: "## Introduzione {#introduction}\n\nOgni modulo inizia con i dati in testa al file: titolo, sintesi, durata, destinatari, livello EQF e risultati di apprendimento. Il sito li mostra sopra il testo.\n\n## Attività: progettare un modulo (30 minuti)\n\n1. Scegliete un tema e dei destinatari.\n2. Formulate tre risultati di apprendimento.\n3. Discutete la bozza con un collega.\n\n## Punti chiave\n\n- Un modulo è un file Markdown con i dati in testa.\n- Le traduzioni stanno accanto, per esempio `01-getting-started.el.md`.\n",
        },
        "es" => Starter {
            home_summary: "Materiales de formación sobre el aprendizaje en el trabajo.",
            home_body: "## Acerca de este sitio {#about}\n\nAquí {title} publica sus materiales de formación. Cada módulo se puede leer en línea y descargar en PDF.\n\nEl primer resultado es [Su primer resultado](io1-first-output/_index.md). Sustituya este texto por una presentación de su proyecto.\n",
            output_title: "Su primer resultado",
            output_summary: "Un resultado del proyecto con sus módulos.",
            output_body: "Un resultado reúne los módulos que juntos forman un programa de formación. Por ahora contiene uno: [Primeros pasos](01-getting-started.md).\n",
            module_title: "Primeros pasos",
            module_summary: "Muestra cómo está hecho un módulo, para que pueda escribir el suyo.",
            knowledge: ["Nombrar las partes de un módulo."],
            skills: ["Escribir un módulo con resultados de aprendizaje y una actividad."],
            autonomy: ["Acordar los propios módulos con los socios."],
            keywords: ["módulo", "plantilla"],
            module_body: "## Introducción {#introduction}\n\nCada módulo empieza con los datos de la cabecera del archivo: título, resumen, duración, destinatarios, nivel del MEC y resultados de aprendizaje. El sitio los muestra encima del texto.\n\n## Actividad: planificar un módulo (30 minutos)\n\n1. Elija un tema y unos destinatarios.\n2. Formule tres resultados de aprendizaje.\n3. Comente el borrador con un compañero.\n\n## Puntos clave\n\n- Un módulo es un archivo Markdown con datos en la cabecera.\n- Las traducciones van al lado, por ejemplo `01-getting-started.el.md`.\n",
        },
        "el" => Starter {
            home_summary: "Εκπαιδευτικό υλικό για τη μάθηση με βάση την εργασία.",
            home_body: "## Σχετικά με τον ιστότοπο {#about}\n\nΕδώ το {title} δημοσιεύει το εκπαιδευτικό του υλικό. Κάθε ενότητα διαβάζεται online και κατεβαίνει ως PDF.\n\nΤο πρώτο παραδοτέο είναι [Το πρώτο σας παραδοτέο](io1-first-output/_index.md). Αντικαταστήστε αυτό το κείμενο με μια παρουσίαση του έργου σας.\n",
            output_title: "Το πρώτο σας παραδοτέο",
            output_summary: "Ένα παραδοτέο του έργου με τις ενότητές του.",
            output_body: "Ένα παραδοτέο συγκεντρώνει ενότητες που μαζί αποτελούν ένα πρόγραμμα κατάρτισης. Προς το παρόν περιέχει μία: [Πρώτα βήματα](01-getting-started.md).\n",
            module_title: "Πρώτα βήματα",
            module_summary: "Δείχνει πώς είναι δομημένη μια ενότητα, ώστε να γράψετε τη δική σας.",
            knowledge: ["Κατονομάζει τα μέρη μιας ενότητας."],
            skills: ["Γράφει μια ενότητα με μαθησιακά αποτελέσματα και μια δραστηριότητα."],
            autonomy: ["Συντονίζει τις ενότητές του με τους εταίρους."],
            keywords: ["ενότητα", "πρότυπο"],
            module_body: "## Εισαγωγή {#introduction}\n\nΚάθε ενότητα ξεκινά με τα στοιχεία στην κεφαλή του αρχείου: τίτλο, περίληψη, διάρκεια, κοινό, επίπεδο EQF και μαθησιακά αποτελέσματα. Ο ιστότοπος τα εμφανίζει πάνω από το κείμενο.\n\n## Δραστηριότητα: σχεδιασμός μιας ενότητας (30 λεπτά)\n\n1. Επιλέξτε θέμα και κοινό.\n2. Διατυπώστε τρία μαθησιακά αποτελέσματα.\n3. Συζητήστε το σχέδιο με έναν συνάδελφο.\n\n## Τα βασικά\n\n- Μια ενότητα είναι ένα αρχείο Markdown με στοιχεία στην κεφαλή.\n- Οι μεταφράσεις βρίσκονται δίπλα, π.χ. `01-getting-started.de.md`.\n",
        },
        _ => Starter {
            home_summary: "Training materials on work-based learning.",
            home_body: "## About this site {#about}\n\nThis is where {title} publishes its training materials. Every module can be read online and downloaded as a PDF.\n\nThe first output is [Your first output](io1-first-output/_index.md). Replace this text with an introduction to your project.\n",
            output_title: "Your first output",
            output_summary: "An output of the project with its modules.",
            output_body: "An output groups the modules that together make a training programme. So far it has one: [Getting started](01-getting-started.md).\n",
            module_title: "Getting started",
            module_summary: "Shows how a module is built, so that you can write your own.",
            knowledge: ["Name the parts of a module."],
            skills: ["Write a module with learning outcomes and an activity."],
            autonomy: ["Agree on your modules with the partners."],
            keywords: ["module", "template"],
            module_body: "## Introduction {#introduction}\n\nEvery module starts with the facts at the top of its file: title, summary, duration, audience, EQF level and learning outcomes. The site shows them above the text.\n\n## Activity: plan a module of your own (30 minutes)\n\n1. Choose a topic and an audience.\n2. Write three learning outcomes.\n3. Discuss the draft with a colleague.\n\n## Key points\n\n- A module is a Markdown file with its facts at the top.\n- Translations sit beside it, for example `01-getting-started.de.md`.\n",
        },
    }
}
